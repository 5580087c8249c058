/**
 * `stra plan`: the Police and Crime Plans register. Plans and their objectives, the mappings that
 * set two plans side by side (`plan map ...`), the side-by-side comparison (`plan compare A B`),
 * and CSV in and out. Every write names the version it read (`--expect-version`), as `show` and
 * `--json` print it.
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { deliverExport, note, printJson, printTable, wantsJson } from '../output.js';
import { parseId, withActing, withActor, type StoreOptions } from './store-context.js';
import type { Actor, PlanMappingWithLinks, Store } from '../../store/index.js';
import { withAuditedExport } from './export-audit.js';

type Shared = StoreOptions & { marking?: string; share?: string[] };

const add = withActing(command('add', "add a commissioner's Police and Crime Plan"))
  .requiredOption('--org <id>', "the commissioner's office that owns it (e.g. west-mercia-opcc)")
  .requiredOption('--title <title>', 'e.g. "West Mercia Police and Crime Plan"')
  .requiredOption('--period <years>', 'the years it covers, e.g. 2016-2021')
  .option('--commissioner <name>', 'the Police and Crime Commissioner who set it')
  .option('--source <url>', 'where it is published')
  .option('--marking <marking>', 'OFFICIAL (default), OFFICIAL-SENSITIVE or SECRET')
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(
    async (
      options: Shared & { org: string; title: string; period: string; commissioner?: string; source?: string },
    ) => {
      const { createPlan } = await import('../../store/index.js');
      const { parseMarking } = await import('../../domain/marking.js');
      const p = await withActor(options, (store, actor) =>
        createPlan(store, actor, {
          organisationId: options.org,
          title: options.title,
          period: options.period,
          commissioner: options.commissioner,
          source: options.source,
          sharedWith: options.share,
          marking: options.marking === undefined ? undefined : parseMarking(options.marking),
        }),
      );
      if (wantsJson(options)) printJson(p);
      else
        process.stdout.write(
          `Added plan ${p.id}: ${p.title} (${p.period}, ${p.organisationId}, ${p.marking}, version ${p.version})\n`,
        );
    },
  );

const list = withActing(command('list', 'list the plans you can see'))
  .option('--org <id>', 'only plans of this organisation')
  .action(async (options: StoreOptions & { org?: string }) => {
    const { listPlans } = await import('../../store/index.js');
    const plans = await withActor(options, (store, actor) => listPlans(store, actor, { organisationId: options.org }));
    if (wantsJson(options)) printJson(plans);
    else
      printTable(
        plans.map((p) => ({
          id: p.id,
          organisation: p.organisationId,
          title: p.title,
          period: p.period,
          commissioner: p.commissioner ?? '-',
          marking: p.marking,
          version: p.version,
        })),
      );
  });

const show = withActing(command('show', 'show a plan: its themes and objectives, with their ids'))
  .argument('<plan>')
  .action(async (id: string, options: StoreOptions) => {
    const { getPlan } = await import('../../store/index.js');
    const p = await withActor(options, (store, actor) => getPlan(store, actor, parseId('plan', id)));
    if (wantsJson(options)) return printJson(p);
    process.stdout.write(
      `Plan ${p.id}: ${p.title} (${p.period}), ${p.organisationId}${p.commissioner === null ? '' : `, commissioner ${p.commissioner}`} (${p.marking}, version ${p.version})\n`,
    );
    if (p.source !== null) process.stdout.write(`Source: ${p.source}\n`);
    if (p.themes.length === 0) process.stdout.write('No objectives yet.\n');
    for (const t of p.themes) {
      process.stdout.write(`\n${t.name}\n`);
      for (const o of t.objectives) process.stdout.write(`  ${String(o.id).padStart(5)}  ${o.text}\n`);
    }
  });

const objectiveAdd = withActing(command('add', 'add an objective under a theme (give the plan version you read)'))
  .argument('<plan>')
  .requiredOption('--theme <theme>', 'the theme it sits under (a new one goes after the last)')
  .requiredOption('--text <text>', 'the objective')
  .requiredOption('--expect-version <n>', 'the plan version you read')
  .action(async (plan: string, options: StoreOptions & { theme: string; text: string; expectVersion: string }) => {
    const { addPlanObjective } = await import('../../store/index.js');
    const r = await withActor(options, (store, actor) =>
      addPlanObjective(store, actor, parseId('plan', plan), parseId('--expect-version', options.expectVersion), {
        theme: options.theme,
        text: options.text,
      }),
    );
    if (wantsJson(options)) printJson(r);
    else
      process.stdout.write(
        `Added objective ${r.objective.id} under "${r.objective.theme}"; plan ${r.plan.id} is now version ${r.plan.version}\n`,
      );
  });

const objectiveEdit = withActing(command('edit', "correct an objective's text or move it to another theme"))
  .argument('<objective>')
  .requiredOption('--expect-version <n>', "the version you read of the objective's plan")
  .option('--theme <theme>', 'move it under this theme')
  .option('--text <text>', 'the corrected text')
  .action(
    async (objective: string, options: StoreOptions & { theme?: string; text?: string; expectVersion: string }) => {
      const { editPlanObjective } = await import('../../store/index.js');
      const r = await withActor(options, (store, actor) =>
        editPlanObjective(
          store,
          actor,
          parseId('objective', objective),
          parseId('--expect-version', options.expectVersion),
          { theme: options.theme, text: options.text },
        ),
      );
      if (wantsJson(options)) printJson(r);
      else
        process.stdout.write(
          `Objective ${r.objective.id} now reads "${r.objective.text}" under "${r.objective.theme}"; plan ${r.plan.id} is now version ${r.plan.version}\n`,
        );
    },
  );

const objective = new Command('objective')
  .description("a plan's objectives")
  .addCommand(objectiveAdd)
  .addCommand(objectiveEdit);

const mapCreate = withActing(command('create', 'make the mapping that sets two plans side by side'))
  .argument('<planA>', 'the plan in the left column')
  .argument('<planB>', 'the plan in the right column')
  .requiredOption('--org <id>', 'who makes the comparison (e.g. the alliance)')
  .option('--title <title>', 'e.g. "Appendix 1: comparison of key objectives"')
  .option('--marking <marking>', "at least the plans' markings (the default)")
  .option('--share <orgs>', 'share with these organisations (comma-separated ids)', listOption)
  .action(async (a: string, b: string, options: Shared & { org: string; title?: string }) => {
    const { createPlanMapping } = await import('../../store/index.js');
    const { parseMarking } = await import('../../domain/marking.js');
    const m = await withActor(options, (store, actor) =>
      createPlanMapping(store, actor, {
        planAId: parseId('plan A', a),
        planBId: parseId('plan B', b),
        organisationId: options.org,
        title: options.title,
        sharedWith: options.share,
        marking: options.marking === undefined ? undefined : parseMarking(options.marking),
      }),
    );
    if (wantsJson(options)) printJson(m);
    else
      process.stdout.write(
        `Added mapping ${m.id} of plan ${m.planAId} (left) with plan ${m.planBId} (right), ${m.organisationId}, ${m.marking}, version ${m.version}\n`,
      );
  });

const mapList = withActing(command('list', 'list the mappings you can see'))
  .option('--plan <id>', 'only mappings of this plan')
  .action(async (options: StoreOptions & { plan?: string }) => {
    const { listPlanMappings } = await import('../../store/index.js');
    const maps = await withActor(options, (store, actor) =>
      listPlanMappings(store, actor, {
        planId: options.plan === undefined ? undefined : parseId('--plan', options.plan),
      }),
    );
    if (wantsJson(options)) printJson(maps);
    else
      printTable(
        maps.map((m) => ({
          id: m.id,
          plan_a: m.planAId,
          plan_b: m.planBId,
          organisation: m.organisationId,
          title: m.title ?? '-',
          marking: m.marking,
          version: m.version,
        })),
      );
  });

const mapShow = withActing(command('show', "show a mapping's theme links and objective pairs"))
  .argument('<mapping>')
  .action(async (id: string, options: StoreOptions) => {
    const { getPlanMapping } = await import('../../store/index.js');
    const m = await withActor(options, (store, actor) => getPlanMapping(store, actor, parseId('mapping', id)));
    if (wantsJson(options)) return printJson(m);
    process.stdout.write(
      `Mapping ${m.id}${m.title === null ? '' : `: ${m.title}`}; plan ${m.planAId} (left) with plan ${m.planBId} (right), ${m.organisationId} (${m.marking}, version ${m.version})\n\nThemes\n`,
    );
    printTable(m.themeLinks.map((l) => ({ theme_a: l.themeA, theme_b: l.themeB })));
    process.stdout.write('\nPairs\n');
    printTable(
      m.pairs.map((p) => ({
        a: p.objectiveA.id,
        objective_a: p.objectiveA.text,
        b: p.objectiveB.id,
        objective_b: p.objectiveB.text,
      })),
    );
  });

/** A change to a mapping's links: each names the mapping version it read. */
function mapChange(
  name: string,
  description: string,
  args: readonly string[],
  run: (
    store: Store,
    actor: Actor,
    mapping: number,
    version: number,
    values: string[],
  ) => Promise<PlanMappingWithLinks>,
): Command {
  const cmd = withActing(command(name, description)).argument('<mapping>');
  for (const a of args) cmd.argument(`<${a}>`);
  return cmd
    .requiredOption('--expect-version <n>', 'the mapping version you read')
    .action(async (...all: unknown[]) => {
      const [mapping = '', ...values] = all.slice(0, args.length + 1) as string[];
      const options = all[args.length + 1] as StoreOptions & { expectVersion: string };
      const m = await withActor(options, (store, actor) =>
        run(store, actor, parseId('mapping', mapping), parseId('--expect-version', options.expectVersion), values),
      );
      if (wantsJson(options)) printJson(m);
      else
        process.stdout.write(
          `Mapping ${m.id} is now version ${m.version}: ${m.themeLinks.length} theme links, ${m.pairs.length} pairs\n`,
        );
    });
}

const repo = () => import('../../store/index.js');

const mapThemes = mapChange(
  'themes',
  'link a theme of plan A with a theme of plan B',
  ['themeA', 'themeB'],
  async (s, actor, m, v, [themeA = '', themeB = '']) =>
    (await repo()).linkPlanThemes(s, actor, m, v, { themeA, themeB }),
);
const mapUnlink = mapChange(
  'unlink',
  'remove the link of a plan A theme',
  ['themeA'],
  async (s, actor, m, v, [themeA = '']) => (await repo()).unlinkPlanThemes(s, actor, m, v, themeA),
);
const mapPair = mapChange(
  'pair',
  'pair an objective of plan A with one of plan B (ids from plan show or plan compare --ids)',
  ['objectiveA', 'objectiveB'],
  async (s, actor, m, v, [a = '', b = '']) =>
    (await repo()).pairPlanObjectives(s, actor, m, v, {
      objectiveA: parseId('objective A', a),
      objectiveB: parseId('objective B', b),
    }),
);
const mapUnpair = mapChange(
  'unpair',
  'remove the pair an objective (of either plan) is in',
  ['objective'],
  async (s, actor, m, v, [o = '']) => (await repo()).unpairPlanObjective(s, actor, m, v, parseId('objective', o)),
);

const mapImport = withActing(
  command('import', 'import an Appendix 1 style sheet (theme_a, objective_a, theme_b, objective_b): all rows or none'),
)
  .argument('<mapping>')
  .argument('<file>')
  .action(async (mapping: string, file: string, options: StoreOptions) => {
    const { importPlanComparisonCsv } = await import('../../registers/plans-csv.js');
    const text = await readFile(file, 'utf8');
    const r = await withActor(options, (s, actor) =>
      importPlanComparisonCsv(s, actor, parseId('mapping', mapping), text, file),
    );
    if (wantsJson(options)) printJson(r);
    else
      process.stdout.write(
        `Imported ${file}: added ${r.objectivesA} objectives to plan A, ${r.objectivesB} to plan B, ${r.pairs} pairs, ${r.themeLinks} theme links\n`,
      );
  });

const mapExport = withActing(command('export', 'export the comparison as an Appendix 1 style sheet (CSV)'))
  .argument('<mapping>')
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .action(async (mapping: string, options: StoreOptions & { out?: string }) => {
    const { exportPlanComparisonCsv } = await import('../../registers/plans-csv.js');
    const r = await withAuditedExport(
      options,
      { table: 'plan_mappings', command: `stra plan map export ${mapping}` },
      (s, actor) => exportPlanComparisonCsv(s, actor, parseId('mapping', mapping)),
    );
    await deliverExport(r, options.out, `${r.rows} rows`);
  });

const map = new Command('map')
  .description('mappings between two plans: theme links and objective pairs')
  .addCommand(mapCreate)
  .addCommand(mapList)
  .addCommand(mapShow)
  .addCommand(mapThemes)
  .addCommand(mapUnlink)
  .addCommand(mapPair)
  .addCommand(mapUnpair)
  .addCommand(mapImport)
  .addCommand(mapExport);

const compare = withActing(command('compare', 'two plans side by side, through the mapping made for them'))
  .argument('<planA>')
  .argument('<planB>')
  .option('--ids', 'show objective ids (to pair them with `plan map pair`)')
  .option('--width <n>', 'characters per column (default: fits the terminal)')
  .action(async (a: string, b: string, options: StoreOptions & { ids?: boolean; width?: string }) => {
    const { planComparison } = await import('../../store/index.js');
    const { sideBySide } = await import('../../domain/plans/side-by-side.js');
    const c = await withActor(options, (store, actor) =>
      planComparison(store, actor, parseId('plan A', a), parseId('plan B', b)),
    );
    if (wantsJson(options)) return printJson(c);
    const width =
      options.width === undefined
        ? Math.max(30, Math.min(70, Math.floor(((process.stdout.columns ?? 120) - 3) / 2)))
        : parseId('--width', options.width);
    process.stdout.write(
      sideBySide([`${c.planA.title} (${c.planA.period})`, `${c.planB.title} (${c.planB.period})`], c.groups, {
        width,
        ids: options.ids === true,
      }),
    );
    note(
      `${c.counts.pairs} pairs, ${c.counts.onlyA} only in plan ${c.planA.id}, ${c.counts.onlyB} only in plan ${c.planB.id}; ${c.mapping === null ? 'no mapping you can see (stra plan map create)' : `mapping ${c.mapping.id} version ${c.mapping.version}`}; marked ${c.marking}.`,
    );
  });

const importCmd = withActing(
  command('import', "import a plan's objectives from a CSV (theme, objective): all rows or none"),
)
  .argument('<plan>')
  .argument('<file>')
  .action(async (plan: string, file: string, options: StoreOptions) => {
    const { importPlanObjectivesCsv } = await import('../../registers/plans-csv.js');
    const text = await readFile(file, 'utf8');
    const r = await withActor(options, (store, actor) =>
      importPlanObjectivesCsv(store, actor, parseId('plan', plan), text, file),
    );
    if (wantsJson(options)) printJson(r);
    else process.stdout.write(`Imported ${file}: ${r.added.length} objectives added, ${r.unchanged} already there\n`);
  });

const exportCmd = withActing(command('export', "export a plan's objectives as CSV"))
  .argument('<plan>')
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .action(async (plan: string, options: StoreOptions & { out?: string }) => {
    const { exportPlanObjectivesCsv } = await import('../../registers/plans-csv.js');
    const r = await withAuditedExport(
      options,
      { table: 'plans', command: `stra plan export ${plan}` },
      (store, actor) => exportPlanObjectivesCsv(store, actor, parseId('plan', plan)),
    );
    await deliverExport(r, options.out, `${r.rows} objectives`);
  });

export const planCommand = new Command('plan')
  .description(
    "Police and Crime Plans: commissioners' objectives by theme, mappings between plans, side-by-side comparison",
  )
  .addCommand(add)
  .addCommand(list)
  .addCommand(show)
  .addCommand(objective)
  .addCommand(map)
  .addCommand(compare)
  .addCommand(importCmd)
  .addCommand(exportCmd);
