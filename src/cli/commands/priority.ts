/**
 * `stra priority`: partners' priorities in their own words, mapped onto the common taxonomy; the
 * side-by-side matrix of a period; congruence of each partner with an assessment's Control Strategy;
 * CSV import and export. Heavy modules load inside each action.
 */
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { deliverExport, printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import { withAuditedExport } from './export-audit.js';

const mappingOf = (ids: string[] | undefined) => ids ?? [];

const add = withActing(command('add', "record a partner's priority in its own words, mapped onto the taxonomy"))
  .requiredOption('--partner <org>', 'the partner (a CSP, OPCC or county organisation id)')
  .requiredOption('--period <period>', 'the financial year, e.g. 2016/17')
  .requiredOption('--wording <text>', "the partner's own words")
  .option('--maps <ids>', 'taxonomy ids it maps to (comma-separated; stra priority taxonomy)', listOption)
  .option('--note', "a remark about the partner's table, not a priority (maps to nothing)")
  .option(
    '--held-by <org>',
    'the organisation holding the record: the partner, or an alliance or force entering it on its behalf',
  )
  .option('--marking <marking>', 'OFFICIAL (default), OFFICIAL-SENSITIVE or SECRET')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      options: StoreOptions & {
        partner: string;
        period: string;
        wording: string;
        maps?: string[];
        note?: boolean;
        heldBy?: string;
        marking?: string;
        share?: string[];
      },
    ) => {
      const { createPriority } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const p = await withActor(options, (store, actor) =>
        createPriority(store, actor, {
          partnerId: options.partner,
          period: options.period,
          wording: options.wording,
          taxonomyIds: mappingOf(options.maps),
          kind: options.note === true ? 'note' : 'priority',
          heldBy: options.heldBy,
          sharedWith: options.share,
          marking: options.marking === undefined ? undefined : parseMarking(options.marking),
        }),
      );
      if (wantsJson(options)) printJson(p);
      else
        process.stdout.write(
          `Recorded ${p.kind} ${p.id} of ${p.partnerId} for ${p.period}: "${p.wording}"${p.kind === 'priority' ? ` -> ${p.taxonomyIds.join(', ')}` : ''} (held by ${p.organisationId}, ${p.marking})\n`,
        );
    },
  );

const update = withActing(
  command(
    'update',
    'change the wording, mapping or marking (give the version you read; the old one stays in the history)',
  ),
)
  .argument('<id>')
  .requiredOption('--expect-version <n>', 'the version you read')
  .option('--wording <text>', 'the new wording')
  .option('--maps <ids>', 'the new mapping (comma-separated taxonomy ids)', listOption)
  .option('--marking <marking>', 'the new marking')
  .option('--share <orgs>', 'the new shares (comma-separated ids)', listOption)
  .option('--reason <text>', 'why it changed (kept with the revision)')
  .action(
    async (
      id: string,
      options: StoreOptions & {
        expectVersion: string;
        wording?: string;
        maps?: string[];
        marking?: string;
        share?: string[];
        reason?: string;
      },
    ) => {
      const { updatePriority } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const p = await withActor(options, (store, actor) =>
        updatePriority(store, actor, parseId('priority', id), parseId('--expect-version', options.expectVersion), {
          wording: options.wording,
          taxonomyIds: options.maps,
          sharedWith: options.share,
          reason: options.reason,
          marking: options.marking === undefined ? undefined : parseMarking(options.marking),
        }),
      );
      if (wantsJson(options)) printJson(p);
      else
        process.stdout.write(
          `Priority ${p.id} is now version ${p.version}: "${p.wording}" -> ${p.taxonomyIds.join(', ') || '(note)'} (${p.marking})\n`,
        );
    },
  );

const show = withActing(command('show', 'show a priority with every earlier version of it'))
  .argument('<id>')
  .action(async (id: string, options: StoreOptions) => {
    const { getPriority } = await import('../../store/index.js');
    const p = await withActor(options, (store, actor) => getPriority(store, actor, parseId('priority', id)));
    if (wantsJson(options)) return printJson(p);
    process.stdout.write(
      `Priority ${p.id} (${p.kind}) of ${p.partnerId} for ${p.period}, version ${p.version}, ${p.marking}, held by ${p.organisationId}${p.sharedWith.length > 0 ? `, shared with ${p.sharedWith.join(', ')}` : ''}\n"${p.wording}" -> ${p.taxonomyIds.join(', ') || '(maps to nothing)'}\n\nHistory:\n`,
    );
    printTable(
      p.revisions.map((r) => ({
        version: r.version,
        changed_at: r.changedAt.slice(0, 16).replace('T', ' '),
        by: r.changedBy,
        wording: r.wording,
        maps: r.taxonomyIds.join(', '),
        marking: r.marking,
        reason: r.reason ?? '',
      })),
    );
  });

const list = withActing(command('list', "list the partners' priorities you can see"))
  .option('--period <period>', 'only this period')
  .option('--partners <orgs>', 'only these partners (comma-separated ids)', listOption)
  .option('--maps <id>', 'only those mapped to this taxonomy id')
  .action(async (options: StoreOptions & { period?: string; partners?: string[]; maps?: string }) => {
    const { listPriorities } = await import('../../store/index.js');
    const { parseTaxonomyIds } = await import('../../domain/priorities/index.js');
    const taxonomyId = options.maps === undefined ? undefined : parseTaxonomyIds([options.maps])[0];
    const ps = await withActor(options, (store, actor) =>
      listPriorities(store, actor, { period: options.period, partnerIds: options.partners, taxonomyId }),
    );
    if (wantsJson(options)) printJson(ps);
    else
      printTable(
        ps.map((p) => ({
          id: p.id,
          period: p.period,
          partner: p.partnerId,
          kind: p.kind,
          wording: p.wording,
          maps: p.taxonomyIds.join(', '),
          held_by: p.organisationId,
          marking: p.marking,
          version: p.version,
        })),
      );
  });

const matrix = withActing(
  command(
    'matrix',
    "the side-by-side matrix: partners as columns, taxonomy headings as rows, each cell the partner's own words",
  ),
)
  .requiredOption('--period <period>', 'the period, e.g. 2016/17')
  .option('--partners <orgs>', 'the columns in order (default: every partner with priorities you can see)', listOption)
  .option('--all-rows', 'show every taxonomy heading, also those no partner holds')
  .action(async (options: StoreOptions & { period: string; partners?: string[]; allRows?: boolean }) => {
    const { priorityMatrix } = await import('../../store/index.js');
    const { formatMatrix } = await import('./priority-format.js');
    const m = await withActor(options, (store, actor) =>
      priorityMatrix(store, actor, {
        period: options.period,
        partnerIds: options.partners,
        allRows: options.allRows === true,
      }),
    );
    if (wantsJson(options)) printJson(m);
    else process.stdout.write(`${formatMatrix(m)}\n`);
  });

const congruence = withActing(
  command(
    'congruence',
    "each partner against the alliance priorities (the priority band of an assessment's Control Strategy): shared, lacking, extra and the score",
  ),
)
  .requiredOption('--assessment <id>', 'the assessment whose Control Strategy holds the alliance priorities')
  .option('--period <period>', "the partners' period (default: the latest not after the assessment's)")
  .option('--partners <orgs>', 'only these partners (comma-separated ids)', listOption)
  .action(async (options: StoreOptions & { assessment: string; period?: string; partners?: string[] }) => {
    const { priorityCongruence } = await import('../../store/index.js');
    const { formatCongruence } = await import('./priority-format.js');
    const c = await withActor(options, (store, actor) =>
      priorityCongruence(store, actor, parseId('--assessment', options.assessment), {
        period: options.period,
        partnerIds: options.partners,
      }),
    );
    if (wantsJson(options)) printJson(c);
    else process.stdout.write(`${formatCongruence(c)}\n`);
  });

const taxonomy = command(
  'taxonomy',
  'the common priority taxonomy: ids, labels and the Control Strategy themes that count as each',
).action(async (options: { json?: boolean }) => {
  const { PRIORITY_TAXONOMY } = await import('../../domain/priorities/index.js');
  if (wantsJson(options)) printJson(PRIORITY_TAXONOMY);
  else
    printTable(
      PRIORITY_TAXONOMY.map((t) => ({ id: t.id, label: t.label, control_strategy_themes: t.themes.join(', ') })),
    );
});

const importCmd = withActing(
  command(
    'import',
    "import partners' priorities from CSV (partner, period, wording, taxonomy_ids, ...): all rows or none",
  ),
)
  .argument('<file>')
  .action(async (file: string, options: StoreOptions) => {
    const { readFile } = await import('node:fs/promises');
    const { importPrioritiesCsv } = await import('../../registers/priorities-csv.js');
    const text = await readFile(file, 'utf8');
    const ps = await withActor(options, (store, actor) => importPrioritiesCsv(store, actor, text, file));
    if (wantsJson(options)) printJson(ps);
    else
      process.stdout.write(
        `Imported ${ps.length} row${ps.length === 1 ? '' : 's'} for ${[...new Set(ps.map((p) => p.partnerId))].join(', ')}\n`,
      );
  });

const exportCmd = withActing(command('export', "write the partners' priorities you can see as CSV to stdout or --out"))
  .option('--period <period>', 'only this period')
  .option('--partners <orgs>', 'only these partners (comma-separated ids)', listOption)
  .option('-o, --out <file>', 'write to this file')
  .action(async (options: StoreOptions & { period?: string; partners?: string[]; out?: string }) => {
    const { exportPrioritiesCsv } = await import('../../registers/priorities-csv.js');
    const command = [
      'stra priority export',
      ...(options.period ? ['--period', options.period] : []),
      ...(options.partners ? ['--partners', options.partners.join(',')] : []),
    ].join(' ');
    const r = await withAuditedExport(options, { table: 'partner_priorities', command }, (store, actor) =>
      exportPrioritiesCsv(store, actor, { period: options.period, partnerIds: options.partners }),
    );
    await deliverExport(r, options.out, `${r.rows} row${r.rows === 1 ? '' : 's'}`);
  });

export const priorityCommand = new Command('priority')
  .description(
    "partners' priorities: each partner's priorities mapped to a common taxonomy, the side-by-side matrix, congruence with the Control Strategy",
  )
  .addCommand(add)
  .addCommand(update)
  .addCommand(show)
  .addCommand(list)
  .addCommand(matrix)
  .addCommand(congruence)
  .addCommand(taxonomy)
  .addCommand(importCmd)
  .addCommand(exportCmd);
