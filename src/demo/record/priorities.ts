/**
 * The demo's partners' priorities (`data/demo/partner-priorities.json`): the seed's two
 * "2016-17 CSP Strategic Priorities" tables, Warwickshire's (four CSPs and the county) and West
 * Mercia's (five CSPs and Worcestershire County), each cell in the partner's own words with the
 * taxonomy heading its row stands for. Validated whole before use, then entered through the
 * register by the alliance analyst on the partners' behalf, partner by partner, so the default
 * matrix has the seed's column order.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import { MARKINGS } from '../../domain/marking.js';
import { TAXONOMY_IDS, type TaxonomyId } from '../../domain/priorities/taxonomy.js';
import { atomically, createPriority, type Actor, type Store } from '../../store/index.js';
import type { DemoContext } from './context.js';

const maps = z.array(z.enum(TAXONOMY_IDS as [TaxonomyId, ...TaxonomyId[]])).min(1);
const cell = z.union([z.string().min(1), z.strictObject({ words: z.string().min(1), maps })]);

const table = z
  .strictObject({
    title: z.string().min(1),
    columns: z.array(z.strictObject({ heading: z.string().min(1), partner: z.string().min(1) })).min(1),
    rows: z.array(z.strictObject({ maps, cells: z.record(z.string(), cell) })).min(1),
    notes: z.array(z.strictObject({ column: z.string().min(1), words: z.string().min(1) })).optional(),
  })
  .superRefine((t, ctx) => {
    const headings = new Set(t.columns.map((c) => c.heading));
    const named = [...t.rows.flatMap((r) => Object.keys(r.cells)), ...(t.notes ?? []).map((n) => n.column)];
    for (const h of named)
      if (!headings.has(h)) ctx.addIssue({ code: 'custom', message: `"${h}" is not a column of "${t.title}"` });
  });

const file = z.object({
  period: z.string().regex(/^\d{4}\/\d{2}$/),
  marking: z.enum(MARKINGS),
  tables: z.array(table).min(1),
});

export type DemoPriorities = z.infer<typeof file>;

export const DEMO_PRIORITIES = (): string => dataFile('demo', 'partner-priorities.json');

export async function loadDemoPriorities(path: string = DEMO_PRIORITIES()): Promise<DemoPriorities> {
  const parsed = file.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw inputError(`Partner priorities file ${path} is not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** Enters every table, column by column (notes first, then the column's cells in row order), all or nothing. */
export async function storeDemoPriorities(
  store: Store,
  actor: Actor,
  heldBy: string,
  data: DemoPriorities,
): Promise<Record<string, number>> {
  return atomically(store, async (tx) => {
    let priorities = 0;
    let notes = 0;
    const common = { period: data.period, marking: data.marking, heldBy };
    for (const t of data.tables) {
      for (const { heading, partner } of t.columns) {
        for (const n of (t.notes ?? []).filter((x) => x.column === heading)) {
          await createPriority(tx, actor, { ...common, partnerId: partner, kind: 'note', wording: n.words });
          notes += 1;
        }
        for (const row of t.rows) {
          const c = row.cells[heading];
          if (c === undefined) continue;
          const { words, ids } = typeof c === 'string' ? { words: c, ids: row.maps } : { words: c.words, ids: c.maps };
          await createPriority(tx, actor, { ...common, partnerId: partner, wording: words, taxonomyIds: ids });
          priorities += 1;
        }
      }
    }
    return { priorities, priorityNotes: notes };
  });
}

/** Seeds the demo's priorities register; returns counts of what it stored. */
export async function seedDemoPriorities(store: Store, ctx: DemoContext): Promise<Record<string, number>> {
  return storeDemoPriorities(store, ctx.analyst, ctx.alliance, await loadDemoPriorities());
}
