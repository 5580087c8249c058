/**
 * Police and Crime Plans as CSV, in the two shapes people keep them in. A plan's objectives: one
 * row per objective (theme, objective). A comparison of two plans laid out as the seed's
 * Appendix 1: a heading row names a theme of each plan side by side (and links them), then each
 * row holds an objective of plan A beside the objective of plan B it is paired with, either side
 * left empty where an objective has no partner.
 *
 * Decisions: an empty theme cell repeats the theme above it (as under a spreadsheet's merged
 * heading), and a heading row starts its themes afresh; importing adds what the plans and mapping
 * lack and leaves what is already there, so importing a file twice changes nothing. The whole file
 * is stored or none of it; export writes the same columns (every theme spelt out), so an exported
 * file imports back.
 */
import { inputError } from '../errors.js';
import { highestMarking } from '../domain/marking.js';
import {
  addPlanObjective,
  enterPlanComparisonRow,
  getPlan,
  getPlanMapping,
  planComparison,
  type Actor,
  type PlanComparisonRowResult,
  type PlanComparisonSheetRow,
  type PlanObjective,
  type Store,
} from '../store/index.js';
import { text } from './cells.js';
import { column, importRows, readCsvTable, writeCsvTable, type CsvExport } from './csv-table.js';

export const PLAN_OBJECTIVE_COLUMNS = {
  theme: column('theme', text, { aliases: ['heading'] }),
  objective: column('objective', text, { required: true, aliases: ['text', 'objective text'] }),
};

export const PLAN_COMPARISON_COLUMNS = {
  themeA: column('theme_a', text, { aliases: ['plan a theme'] }),
  objectiveA: column('objective_a', text, { aliases: ['plan a objective'] }),
  themeB: column('theme_b', text, { aliases: ['plan b theme'] }),
  objectiveB: column('objective_b', text, { aliases: ['plan b objective'] }),
};

export type { CsvExport };

const refuse = (source: string, problems: readonly string[]) =>
  inputError(`${source}: nothing was imported; fix these and import again:\n  ${problems.join('\n  ')}`, { problems });

/** Adds the objectives of `csvText` to the plan in order; ones it already has are left as they are. */
export async function importPlanObjectivesCsv(
  store: Store,
  actor: Actor,
  planId: number,
  csvText: string,
  source: string,
): Promise<{ added: PlanObjective[]; unchanged: number }> {
  await getPlan(store, actor, planId);
  let theme: string | undefined;
  const problems: string[] = [];
  const rows = readCsvTable(csvText, source, PLAN_OBJECTIVE_COLUMNS).map((r) => {
    theme = r.theme ?? theme;
    if (theme === undefined)
      problems.push(`${source} line ${r.line}, field "theme": is empty, and no row above gives one`);
    return { line: r.line, theme: theme ?? '', objective: r.objective ?? '' };
  });
  if (problems.length > 0) throw refuse(source, problems);
  let unchanged = 0;
  const added = await importRows(store, source, rows, async (tx, row) => {
    const plan = await getPlan(tx, actor, planId);
    if (plan.themes.find((t) => t.name === row.theme)?.objectives.some((o) => o.text === row.objective) === true) {
      unchanged += 1;
      return null;
    }
    return (await addPlanObjective(tx, actor, planId, plan.version, { theme: row.theme, text: row.objective }))
      .objective;
  });
  return { added: added.filter((o): o is PlanObjective => o !== null), unchanged };
}

export async function exportPlanObjectivesCsv(store: Store, actor: Actor, planId: number): Promise<CsvExport> {
  const plan = await getPlan(store, actor, planId);
  const objectives = plan.themes.flatMap((t) => t.objectives);
  return {
    csv: writeCsvTable(PLAN_OBJECTIVE_COLUMNS, objectives, (o) => ({ theme: o.theme, objective: o.text })),
    rows: objectives.length,
    marking: plan.marking,
  };
}

/** What an import did: counts of what was added (what was already there is not counted). */
export interface ComparisonImport {
  readonly objectivesA: number;
  readonly objectivesB: number;
  readonly pairs: number;
  readonly themeLinks: number;
}

export interface LocatedSheetRow extends PlanComparisonSheetRow {
  readonly line: number;
}

/** Imports an Appendix 1 style sheet into the mapping (plan A on the left, plan B on the right). */
export async function importPlanComparisonCsv(
  store: Store,
  actor: Actor,
  mappingId: number,
  csvText: string,
  source: string,
): Promise<ComparisonImport> {
  let themeA: string | undefined;
  let themeB: string | undefined;
  const problems: string[] = [];
  const rows: LocatedSheetRow[] = [];
  for (const r of readCsvTable(csvText, source, PLAN_COMPARISON_COLUMNS)) {
    if (r.objectiveA === undefined && r.objectiveB === undefined) {
      [themeA, themeB] = [r.themeA, r.themeB];
      if (themeA !== undefined || themeB !== undefined) rows.push({ line: r.line, themeA, themeB });
      continue;
    }
    themeA = r.themeA ?? themeA;
    themeB = r.themeB ?? themeB;
    if (r.objectiveA !== undefined && themeA === undefined)
      problems.push(`${source} line ${r.line}, field "theme_a": is empty, and no row above gives one`);
    if (r.objectiveB !== undefined && themeB === undefined)
      problems.push(`${source} line ${r.line}, field "theme_b": is empty, and no row above gives one`);
    rows.push({ line: r.line, themeA, objectiveA: r.objectiveA, themeB, objectiveB: r.objectiveB });
  }
  if (problems.length > 0) throw refuse(source, problems);
  return enterComparison(store, actor, mappingId, rows, source);
}

/**
 * Enters sheet rows (themes already filled in) in one transaction: the objective rows first, in
 * their order, then the heading rows' theme links (a theme exists once an objective is under it).
 */
export async function enterComparison(
  store: Store,
  actor: Actor,
  mappingId: number,
  rows: readonly LocatedSheetRow[],
  source: string,
): Promise<ComparisonImport> {
  await getPlanMapping(store, actor, mappingId);
  const heading = (r: LocatedSheetRow) => r.objectiveA === undefined && r.objectiveB === undefined;
  const ordered = [...rows.filter((r) => !heading(r)), ...rows.filter(heading)];
  const results = await importRows(store, source, ordered, (tx, row) =>
    enterPlanComparisonRow(tx, actor, mappingId, row),
  );
  const count = (k: keyof PlanComparisonRowResult) => results.filter((r) => r[k] === 'added').length;
  return {
    objectivesA: count('objectiveA'),
    objectivesB: count('objectiveB'),
    pairs: count('pair'),
    themeLinks: count('themeLink'),
  };
}

/** The comparison of the mapping's two plans, as an Appendix 1 style sheet. */
export async function exportPlanComparisonCsv(store: Store, actor: Actor, mappingId: number): Promise<CsvExport> {
  const mapping = await getPlanMapping(store, actor, mappingId);
  const c = await planComparison(store, actor, mapping.planAId, mapping.planBId, mapping.id);
  const lines = c.groups.flatMap((g) => [
    { themeA: g.themeA, themeB: g.themeB },
    ...g.rows.map((r) => ({ themeA: r.a?.theme, objectiveA: r.a?.text, themeB: r.b?.theme, objectiveB: r.b?.text })),
  ]);
  return {
    csv: writeCsvTable(PLAN_COMPARISON_COLUMNS, lines, (l) => l),
    rows: lines.length,
    marking: highestMarking([c.marking, mapping.marking]),
  };
}
