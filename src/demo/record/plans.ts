/**
 * The demo's plans and inspections registers: the two commissioners' Police and Crime Plans
 * 2016-2021 with every objective of the seed's Appendix 1 under its theme, the alliance's mapping
 * that sets them side by side as the appendix's rows do (`data/demo/plans.json`), and the HMIC
 * inspections with their areas for improvement and the missing-children recommendations
 * (`data/demo/inspections.json`). Each file says where in the seed its content is. Validated whole
 * before use, then stored through the registers' repository functions, so it is audited and marked
 * like real work: the plans by the administrator for each commissioner's office (shared with the
 * alliance), the mapping and the inspections by the alliance analyst (shared with both offices).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import { FINDING_KINDS, INSPECTION_GRADES } from '../../domain/plans/terms.js';
import { enterComparison, type LocatedSheetRow } from '../../registers/plans-csv.js';
import {
  addInspectionFinding,
  addPlanObjective,
  atomically,
  createInspection,
  createPlan,
  createPlanMapping,
  type Actor,
  type Plan,
  type Store,
} from '../../store/index.js';
import type { DemoContext } from './context.js';

const cell = z.string().min(1).nullable();

const plansFile = z.object({
  plans: z
    .array(
      z.strictObject({
        key: z.string().min(1),
        organisation: z.string().min(1),
        title: z.string().min(1),
        period: z.string().min(1),
        commissioner: z.string().min(1),
        source: z.string().min(1),
      }),
    )
    .length(2),
  comparison: z.strictObject({
    title: z.string().min(1),
    organisation: z.string().min(1),
    planA: z.string().min(1),
    planB: z.string().min(1),
    groups: z
      .array(
        z.strictObject({
          themeA: z.string().min(1),
          themeB: z.string().min(1),
          sourceLines: z.string().min(1),
          rows: z
            .array(
              z
                .tuple([cell, cell])
                .refine(([a, b]) => a !== null || b !== null, 'a row needs an objective on at least one side'),
            )
            .min(1),
        }),
      )
      .min(1),
  }),
});

const inspectionsFile = z.object({
  inspections: z
    .array(
      z.strictObject({
        body: z.string().min(1),
        title: z.string().min(1),
        source: z.string().min(1),
        dated: z.string().nullable(),
        grade: z.enum(INSPECTION_GRADES).nullable(),
        sourceLines: z.string().min(1),
        findings: z.array(
          z.strictObject({
            kind: z.enum(FINDING_KINDS),
            text: z.string().min(1),
            detail: z.string().min(1).nullable(),
            sourceLines: z.string().min(1),
          }),
        ),
      }),
    )
    .min(1),
});

export type DemoPlans = z.infer<typeof plansFile>;
export type DemoInspections = z.infer<typeof inspectionsFile>;

export const DEMO_PLANS = (): string => dataFile('demo', 'plans.json');
export const DEMO_INSPECTIONS = (): string => dataFile('demo', 'inspections.json');

async function load<T>(path: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw inputError(`${what} file ${path} is not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

export const loadDemoPlans = (path: string = DEMO_PLANS()): Promise<DemoPlans> => load(path, plansFile, 'Plans');
export const loadDemoInspections = (path: string = DEMO_INSPECTIONS()): Promise<DemoInspections> =>
  load(path, inspectionsFile, 'Inspections');

const OPCCS = ['warwickshire-opcc', 'west-mercia-opcc'];

/** Seeds both registers; returns counts of what it stored. */
export async function seedDemoPlans(store: Store, ctx: DemoContext): Promise<Record<string, number>> {
  const [plans, inspections] = [await loadDemoPlans(), await loadDemoInspections()];
  // One transaction: a few hundred small writes commit once (and the demo has all of it or none).
  return atomically(store, async (tx) => ({
    ...(await seedPlans(tx, ctx, plans)),
    ...(await seedInspections(tx, ctx.analyst, ctx.alliance, inspections)),
  }));
}

async function seedPlans(store: Store, ctx: DemoContext, data: DemoPlans): Promise<Record<string, number>> {
  const { comparison: c } = data;
  const byKey = new Map<string, Plan>();
  for (const p of data.plans) {
    const plan = await createPlan(store, ctx.admin, {
      organisationId: p.organisation,
      title: p.title,
      period: p.period,
      commissioner: p.commissioner,
      source: p.source,
      sharedWith: [ctx.alliance],
    });
    byKey.set(p.key, plan);
  }
  const planOf = (key: string) => {
    const plan = byKey.get(key);
    if (plan === undefined)
      throw inputError(`The demo comparison names plan "${key}", which is not in ${DEMO_PLANS()}.`);
    return plan;
  };
  // Each commissioner's office files its objectives in the order the appendix lists them.
  let objectives = 0;
  for (const [side, key] of [
    [0, c.planA],
    [1, c.planB],
  ] as const) {
    let plan = planOf(key);
    for (const g of c.groups) {
      for (const row of g.rows) {
        const text = row[side];
        if (text === null) continue;
        plan = (
          await addPlanObjective(store, ctx.admin, plan.id, plan.version, {
            theme: side === 0 ? g.themeA : g.themeB,
            text,
          })
        ).plan;
        objectives += 1;
      }
    }
  }
  const mapping = await createPlanMapping(store, ctx.analyst, {
    planAId: planOf(c.planA).id,
    planBId: planOf(c.planB).id,
    organisationId: c.organisation,
    title: c.title,
    sharedWith: OPCCS,
  });
  const rows: LocatedSheetRow[] = c.groups
    .flatMap((g) => [
      { line: 0, themeA: g.themeA, themeB: g.themeB },
      ...g.rows.map(([a, b]) => ({
        line: 0,
        themeA: g.themeA,
        objectiveA: a ?? undefined,
        themeB: g.themeB,
        objectiveB: b ?? undefined,
      })),
    ])
    .map((r, i) => ({ ...r, line: i + 1 }));
  const entered = await enterComparison(
    store,
    ctx.analyst,
    mapping.id,
    rows,
    `${DEMO_PLANS()} (comparison rows counted from 1, headings included)`,
  );
  return { plans: byKey.size, objectives, planPairs: entered.pairs, planThemeLinks: entered.themeLinks };
}

async function seedInspections(
  store: Store,
  analyst: Actor,
  alliance: string,
  data: DemoInspections,
): Promise<Record<string, number>> {
  let findings = 0;
  for (const i of data.inspections) {
    const inspection = await createInspection(store, analyst, {
      organisationId: alliance,
      body: i.body,
      title: i.title,
      dated: i.dated,
      grade: i.grade,
      source: i.source,
      sharedWith: OPCCS,
    });
    for (const f of i.findings) {
      await addInspectionFinding(store, analyst, inspection.id, {
        kind: f.kind,
        text: f.text,
        detail: f.detail,
        sharedWith: OPCCS,
      });
      findings += 1;
    }
  }
  return { inspections: data.inspections.length, findings };
}
