/**
 * `stra links`: link analysis of seized-phone data (issue 16). Investigations (marked, owned by
 * an organisation), imports of one device's export at a time through a column mapping, the
 * cross-reference of identifiers seen in two or more investigations, the network of
 * investigations (or devices) with its components, brokers and communities, and the shortest
 * path between two investigations or numbers, and their CSV/GraphML exports. Thin: parse, call one function, format; every read
 * is filtered and audited in the store.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { withActing, withActor, type StoreOptions } from './store-context.js';
import { usageError } from '../../errors.js';
import { plural } from '../../domain/plural.js';
import type { Actor, Store } from '../../store/index.js';

type Filter = StoreOptions & { investigation?: string[]; from?: string; to?: string; type?: string[] };

const TYPES = ['contact', 'owner', 'call', 'message'] as const;
type RecordKind = (typeof TYPES)[number];

function types(values: readonly string[] | undefined): RecordKind[] | undefined {
  if (values === undefined) return undefined;
  for (const v of values) {
    if (!(TYPES as readonly string[]).includes(v)) throw usageError(`--type: '${v}' is not one of ${TYPES.join(', ')}`);
  }
  return values as RecordKind[];
}

const filtered = (cmd: Command) =>
  withActing(cmd)
    .option('--investigation <refs>', 'only these investigations (references or ids, comma-separated)', listOption)
    .option('--from <date>', 'calls and messages from this date (YYYY-MM-DD or ISO time)')
    .option('--to <date>', 'calls and messages up to this date, inclusive')
    .option(
      '--type <types>',
      'which records link: contact, owner, call, message (comma-separated; default all)',
      listOption,
    );

const filterOf = (o: Filter) => ({ investigations: o.investigation, from: o.from, to: o.to, types: types(o.type) });
const day = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 10));

const create = withActing(
  command('create', 'open an investigation (OFFICIAL-SENSITIVE unless --marking says otherwise)'),
)
  .requiredOption('--org <id>', 'the organisation that owns it')
  .requiredOption('--reference <ref>', 'its reference, e.g. OP-ALDER')
  .option('--title <title>', 'a short title')
  .option('--marking <marking>', 'OFFICIAL, OFFICIAL-SENSITIVE (default) or SECRET')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      o: StoreOptions & { org: string; reference: string; title?: string; marking?: string; share?: string[] },
    ) => {
      const { createLinkInvestigation } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const i = await withActor(o, (store, actor) =>
        createLinkInvestigation(store, actor, {
          organisationId: o.org,
          reference: o.reference,
          title: o.title,
          marking: o.marking === undefined ? undefined : parseMarking(o.marking),
          sharedWith: o.share,
        }),
      );
      if (wantsJson(o)) printJson(i);
      else process.stdout.write(`Opened investigation ${i.id}: ${i.reference} (${i.organisationId}, ${i.marking})\n`);
    },
  );

const list = withActing(command('list', 'the investigations you can see, with their devices and records')).action(
  async (o: StoreOptions) => {
    const { listLinkInvestigations } = await import('../../store/index.js');
    const rows = await withActor(o, (store, actor) => listLinkInvestigations(store, actor));
    if (wantsJson(o)) return printJson(rows);
    printTable(
      rows.map((i) => ({
        id: i.id,
        reference: i.reference,
        title: i.title,
        organisation: i.organisationId,
        marking: i.marking,
        devices: i.devices,
        identifiers: i.identifiers,
        events: i.events,
      })),
    );
  },
);

const investigation = new Command('investigation')
  .description('investigations: open and list')
  .addCommand(create)
  .addCommand(list);

const importCmd = withActing(
  command(
    'import',
    "import one device's export (iLEAPP, ALEAPP, Android databases, Cellebrite XML/Excel, OpenSTRA CSV)",
  ),
)
  .argument('<file>')
  .requiredOption('--investigation <ref>', 'the investigation (reference or id)')
  .requiredOption('--device <label>', 'the device it came from (exhibit reference); made on its first import')
  .option('--mapping <id>', 'the column mapping to use (default: the one whose headers the file has)')
  .option('--region <cc>', 'country of national numbers on this device (default GB)')
  .action(
    async (
      file: string,
      o: StoreOptions & { investigation: string; device: string; mapping?: string; region?: string },
    ) => {
      const { importExport } = await import('../../links/import-export.js');
      const { commandContext } = await import('../context.js');
      const ctx = await commandContext(o);
      const r = await withActor(o, (store, actor) =>
        importExport(store, actor, file, {
          investigation: o.investigation,
          device: o.device,
          mapping: o.mapping,
          region: o.region,
          workspaceRoot: ctx.workspace.paths.root,
        }),
      );
      if (wantsJson(o)) return printJson(r);
      for (const u of r.unmapped) note(`Not imported (no mapping fits): ${u.source}`);
      if (r.already) {
        process.stdout.write(
          `${r.file} was already imported for ${o.device} in ${r.investigation.reference}: nothing changed.\n`,
        );
        return;
      }
      printTable(
        r.tables.map((t) => ({ table: t.source, mapping: t.mapping, records: t.records, skipped: t.skipped })),
      );
      process.stdout.write(
        `Imported ${r.file} (${r.format}) into ${r.investigation.reference} / ${o.device}: ${r.records} records, ${r.identifiers} contact and owner identifiers, ${r.events} call and message parties, ${r.skipped} skipped (${r.investigation.marking}).\n`,
      );
    },
  );

const xref = filtered(command('xref', 'identifiers seen in two or more investigations (or devices, with --devices)'))
  .option('--devices', 'also list identifiers on two or more devices of one investigation')
  .action(async (o: Filter & { devices?: boolean }) => {
    const { linkXref } = await import('../../links/analysis.js');
    const rows = await withActor(o, (store, actor) =>
      linkXref(store, actor, { ...filterOf(o), byDevice: o.devices === true }),
    );
    if (wantsJson(o)) return printJson(rows);
    printTable(
      rows.map((e) => ({
        identifier: e.key + (e.flagged ? ' (!)' : ''),
        kind: e.kind,
        investigations: e.investigations,
        devices: e.devices,
        records: e.count,
        first: day(e.first),
        last: day(e.last),
        roles: Object.entries(e.roles)
          .map(([r, n]) => `${r} ${n}`)
          .join(', '),
        where: e.places.map((p) => `${p.investigation}/${p.device}`).join(' '),
      })),
    );
    if (rows.some((e) => e.flagged))
      note('(!) not a valid identifier as written: linked on its best-effort form; check the source.');
  });

const network = filtered(command('network', 'the network: components, degree, betweenness and Louvain communities'))
  .option('--devices', 'draw devices rather than investigations')
  .option('--all', 'draw identifiers held by one investigation too')
  .action(async (o: Filter & { devices?: boolean; all?: boolean }) => {
    const { linkNetwork } = await import('../../links/analysis.js');
    const net = await withActor(o, (store, actor) =>
      linkNetwork(store, actor, {
        ...filterOf(o),
        level: o.devices === true ? 'device' : 'investigation',
        all: o.all === true,
      }),
    );
    if (wantsJson(o)) return printJson(net);
    process.stdout.write(
      `${plural(net.nodes.length, 'node')}, ${plural(net.edges.length, 'link')}, ${plural(net.components.length, 'component')}, ${plural(net.communities, 'community', 'communities')} (modularity ${net.modularity})\n\nComponents:\n`,
    );
    printTable(
      net.components.map((c) => ({
        component: c.id,
        [o.devices === true ? 'devices' : 'investigations']: c.entities.join(' '),
        identifiers: c.identifiers,
      })),
    );
    process.stdout.write('\nNodes by betweenness:\n');
    printTable(
      net.nodes.slice(0, 20).map((n) => ({
        node: n.label + (n.flagged === true ? ' (!)' : ''),
        type: n.type,
        degree: n.degree,
        betweenness: n.betweenness.toFixed(3),
        community: n.community,
        component: n.component,
      })),
    );
  });

const path = filtered(command('path', 'the shortest chain between two investigations or identifiers'))
  .argument('<a>', 'an investigation (reference or id) or an identifier (any format)')
  .argument('<b>')
  .option('--region <cc>', 'country of national numbers given (default GB)')
  .action(async (a: string, b: string, o: Filter & { region?: string }) => {
    const { linkPath } = await import('../../links/analysis.js');
    const r = await withActor(o, (store, actor) =>
      linkPath(store, actor, a, b, { ...filterOf(o), region: o.region?.toUpperCase() }),
    );
    if (wantsJson(o)) return printJson(r);
    if (r.path === null) {
      process.stdout.write(`No chain links ${a} and ${b} in what you can see.\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `${r.path.map((s) => `${s.label} [${s.type}]`).join('\n  -> ')}\n(${plural((r.path.length - 1) / 2, 'hop')} through shared identifiers)\n`,
    );
  });

const search = withActing(
  command('search', 'where one number, e-mail or handle was seen, in the investigations you can see'),
)
  .argument('<identifier>', 'written any way: 07911 123456, +44 7911 123456, name@example.com')
  .option('--region <cc>', 'country of a national number (default GB)')
  .action(async (text: string, o: StoreOptions & { region?: string }) => {
    const { linkSearch } = await import('../../links/analysis.js');
    const { commandContext } = await import('../context.js');
    const { deconfliction } = (await commandContext(o)).config;
    const r = await withActor(o, (store, actor) =>
      linkSearch(store, actor, text, o.region?.toUpperCase(), deconfliction),
    );
    if (wantsJson(o)) return printJson(r);
    const status = r.status === 'valid' ? '' : ` (${r.status})`;
    // Deconfliction: a match where the user may not look is told as whom to contact, nothing more.
    for (const w of r.elsewhere) note(w.message);
    if (r.found === null) {
      process.stdout.write(`${r.identifier}${status}: not seen in any investigation you can see.\n`);
      return;
    }
    process.stdout.write(
      `${r.identifier}${status}: ${plural(r.found.count, 'record')} in ${plural(r.found.investigations, 'investigation')}, ${plural(r.found.devices, 'device')}, ${day(r.found.first)} to ${day(r.found.last)}\n`,
    );
    printTable(
      r.found.places.map((p) => ({
        investigation: p.investigation,
        device: p.device,
        roles: p.roles.join(', '),
        records: p.count,
        first: day(p.first),
        last: day(p.last),
      })),
    );
  });

const WHATS = ['xref', 'network', 'timeline'] as const;

/**
 * `stra links export`: the cross-reference, the network or a timeline as the files the HTTP
 * exports write (CSV with every cell neutralised; GraphML for the network, which i2 and Gephi
 * import, carrying its marking), audited as an export at the marking the file is handled at,
 * which is said on stderr (and is inside the GraphML).
 */
const exportCmd = filtered(command('export', 'the cross-reference, network or a timeline as CSV or GraphML, audited'))
  .argument('<what>', `what to export: ${WHATS.join(', ')}`)
  .option('--format <format>', 'csv (default) or graphml (network only)')
  .option('--out <file>', 'write to this file (default: standard output)')
  .option('--devices', 'xref: also identifiers on two or more devices; network: devices rather than investigations')
  .option('--all', 'network: identifiers held by one investigation too')
  .option('--identifier <id>', 'timeline: one number, e-mail or handle (else --investigation)')
  .option('--region <cc>', 'timeline: country of a national number given (default GB)')
  .action(
    async (
      what: string,
      o: Filter & {
        format?: string;
        out?: string;
        devices?: boolean;
        all?: boolean;
        identifier?: string;
        region?: string;
      },
    ) => {
      if (!(WHATS as readonly string[]).includes(what))
        throw usageError(`'${what}' is not one of ${WHATS.join(', ')}.`);
      const format = (o.format ?? 'csv').toLowerCase();
      if (format !== 'csv' && format !== 'graphml') throw usageError(`--format: '${o.format}' is not csv or graphml.`);
      if (format === 'graphml' && what !== 'network') throw usageError('--format graphml is for the network only.');
      const { linkNetworkMarked, linkTimeline, linkXrefMarked } = await import('../../links/analysis.js');
      const { networkCsv, networkGraphml, timelineCsv, xrefCsv } = await import('../../links/export.js');
      const command = `stra links export ${what}${o.investigation === undefined ? '' : ` --investigation ${o.investigation.join(',')}`}${o.identifier === undefined ? '' : ` --identifier ${o.identifier}`}`;
      const { text, marking, rows } = await withActor(o, async (store, actor) => {
        const answer = await exported(store, actor);
        // Like every CLI export (export-audit.ts): the disclosure is audited before it is written.
        const { recordEvent } = await import('../../store/index.js');
        await recordEvent(store, actor, {
          action: 'export',
          table: 'link_investigations',
          recordId: command.slice(0, 300),
          marking: answer.marking,
          organisationId: null,
          subjectId: actor.userId,
          after: { command, format, marking: answer.marking, rows: answer.rows, to: o.out ?? 'stdout' },
        });
        return answer;
      });
      async function exported(store: Store, actor: Actor) {
        if (what === 'xref') {
          const r = await linkXrefMarked(store, actor, { ...filterOf(o), byDevice: o.devices === true }, 'export');
          return { text: xrefCsv(r.entries), marking: r.marking, rows: r.entries.length };
        }
        if (what === 'network') {
          const r = await linkNetworkMarked(
            store,
            actor,
            { ...filterOf(o), level: o.devices === true ? 'device' : 'investigation', all: o.all === true },
            'export',
            format,
          );
          return {
            text: format === 'graphml' ? networkGraphml(r.network, r.marking) : networkCsv(r.network),
            marking: r.marking,
            rows: r.network.nodes.length,
          };
        }
        const r = await linkTimeline(
          store,
          actor,
          { ...filterOf(o), identifier: o.identifier, region: o.region?.toUpperCase() },
          'export',
        );
        if (r.truncated) note(`Only the first ${r.events.length} events: narrow the dates for the rest.`);
        return { text: timelineCsv(r.events), marking: r.marking, rows: r.events.length };
      }
      if (o.out !== undefined) {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(o.out, text);
      } else process.stdout.write(text);
      const unit = what === 'network' ? 'node' : what === 'xref' ? 'identifier' : 'event';
      note(
        `${o.out === undefined ? 'Exported' : `Wrote ${o.out}:`} ${plural(rows, unit)}, handled at ${marking}. The export is audited.`,
      );
    },
  );

const mappingList = command('list', 'the column mappings: shipped and saved in this workspace').action(
  async (o: StoreOptions) => {
    const { loadMappings } = await import('../../links/mappings.js');
    const { commandContext } = await import('../context.js');
    const ms = await loadMappings((await commandContext(o)).workspace.paths.root);
    if (wantsJson(o)) return printJson(ms);
    printTable(
      ms.map((m) => ({
        id: m.id,
        tool: m.tool,
        artifact: m.artifact,
        record: m.recordColumn === undefined ? m.record : `by ${m.recordColumn}`,
        detect: m.detect.join(', '),
        origin: m.origin,
      })),
    );
  },
);

const mappingSave = command('save', 'save a column mapping (JSON, as in data/links/mappings) into this workspace')
  .argument('<file>')
  .action(async (file: string, o: StoreOptions) => {
    const { saveMapping } = await import('../../links/mappings.js');
    const { commandContext } = await import('../context.js');
    const root = (await commandContext(o)).workspace.paths.root;
    const saved = await saveMapping(root, await readFile(file, 'utf8'), file);
    if (wantsJson(o)) return printJson(saved);
    process.stdout.write(`Saved mapping ${saved.mapping.id} to ${saved.path}\n`);
  });

const mapping = new Command('mapping')
  .description('column mappings by header name, one per tool and artifact')
  .addCommand(mappingList)
  .addCommand(mappingSave);

const contactSet = withActing(
  command('set', "set an organisation's designated deconfliction contact (its administrators)"),
)
  .requiredOption('--org <id>', 'the organisation')
  .argument('<contact>', 'whom to contact and how, e.g. "DS A. Jones, Intelligence Bureau, 01905 000000"')
  .action(async (contact: string, o: StoreOptions & { org: string }) => {
    const { setDeconflictionContact } = await import('../../store/index.js');
    const r = await withActor(o, (store, actor) => setDeconflictionContact(store, actor, o.org, contact));
    if (wantsJson(o)) return printJson(r);
    process.stdout.write(`Deconfliction contact of ${r.organisationId}: ${r.contact}\n`);
  });

const contactList = withActing(command('list', "each organisation's designated deconfliction contact")).action(
  async (o: StoreOptions) => {
    const { deconflictionContacts, listOrganisations } = await import('../../store/index.js');
    const rows = await withActor(o, async (store) => {
      const contacts = await deconflictionContacts(store);
      return (await listOrganisations(store)).map((org) => ({
        organisationId: org.id,
        organisation: org.name,
        contact: contacts.get(org.id) ?? null,
      }));
    });
    if (wantsJson(o)) return printJson(rows);
    printTable(rows.map((r) => ({ organisation: r.organisationId, name: r.organisation, contact: r.contact ?? '-' })));
  },
);

const contact = new Command('contact')
  .description('deconfliction: whom a search matching an investigation it may not see is told to contact')
  .addCommand(contactSet)
  .addCommand(contactList);

export const linksCommand = new Command('links')
  .description('link analysis of seized-phone data: investigations, imports, search, cross-reference, network, paths')
  .addCommand(investigation)
  .addCommand(importCmd)
  .addCommand(search)
  .addCommand(xref)
  .addCommand(network)
  .addCommand(path)
  .addCommand(exportCmd)
  .addCommand(mapping)
  .addCommand(contact);
