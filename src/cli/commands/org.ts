import { Command } from 'commander';
import { command } from './common.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { withActing, withStore, type StoreOptions } from './store-context.js';

interface AddOptions extends StoreOptions {
  readonly name: string;
  readonly kind: string;
  readonly parent?: string;
}

const add = withActing(command('add', 'add an organisation: a force, alliance, CSP, OPCC or other partner'))
  .argument('<id>', 'short id, lower case with hyphens (e.g. west-mercia)')
  .requiredOption('--name <name>', 'full name, e.g. "West Mercia Police"')
  .requiredOption('--kind <kind>', 'force, alliance, csp, opcc or partner')
  .option('--parent <id>', "the organisation it belongs to (a CSP's force, a force's alliance)")
  .action(async (id: string, options: AddOptions) => {
    const { actorFor, countUsers, createOrganisation } = await import('../../store/index.js');
    const org = await withStore(options, async (store) => {
      const bootstrap = (await countUsers(store)) === 0;
      const username = options.as ?? process.env.STRA_USER;
      const actor = bootstrap ? null : await actorFor(store, username ?? '');
      return createOrganisation(store, actor, { id, name: options.name, kind: options.kind, parentId: options.parent });
    });
    if (wantsJson(options)) printJson(org);
    else process.stdout.write(`Added ${org.kind} ${org.id}: ${org.name}\n`);
  });

const list = command('list', 'list the organisations').action(async (options: StoreOptions) => {
  const { listOrganisations } = await import('../../store/index.js');
  const orgs = await withStore(options, (store) => listOrganisations(store));
  if (wantsJson(options)) printJson(orgs);
  else printTable(orgs.map((o) => ({ id: o.id, kind: o.kind, parent: o.parentId ?? '', name: o.name })));
});

export const orgCommand = new Command('org')
  .description('organisations: forces, the alliance, CSPs, OPCCs, partners')
  .addCommand(add)
  .addCommand(list);
