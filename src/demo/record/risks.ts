/**
 * The demo's strategic risk register (`data/demo/risks.json`). The seed's Section 5 says strategic
 * risk is mapped on a likelihood x harm/impact heat map, owned by chief officers with a mitigation
 * narrative, but its map is an image ("examples only") that is not in the text; so the file holds
 * illustrative alliance risks drawn from themes the seed raises (each quotes its basis), with
 * monthly reviews so the heat map shows movement. Validated whole before use, then stored through
 * the register's repository functions as the alliance analyst, so it is audited and marked.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import { MARKINGS } from '../../domain/marking.js';
import { createRisk, reviewRisk, RISK_STATUSES, type Store } from '../../store/index.js';
import type { DemoContext } from './context.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const levels = z.strictObject({ likelihood: z.number().int().min(1), impact: z.number().int().min(1) });

const review = z.strictObject({
  dated: date,
  likelihood: z.number().int().min(1),
  impact: z.number().int().min(1),
  narrative: z.string().min(1),
  nextReview: date.optional(),
  status: z.enum(RISK_STATUSES).optional(),
});

const risk = z.strictObject({
  reference: z.string().min(1),
  title: z.string().min(1),
  category: z.string().min(1),
  owner: z.string().min(1),
  basis: z.string().min(1),
  cause: z.string(),
  consequence: z.string(),
  inherent: levels,
  residual: levels,
  mitigation: z.string(),
  actions: z.array(z.string().min(1)),
  marking: z.enum(MARKINGS).optional(),
  sharedWith: z.array(z.string().min(1)).optional(),
  reviews: z.array(review).min(1),
});

const file = z.object({
  _source: z.string().min(1),
  illustrative: z.literal(true),
  scaleSize: z.number().int(),
  identifiedOn: date,
  risks: z.array(risk).min(1),
});

export type DemoRisks = z.infer<typeof file>;

export const DEMO_RISKS = (): string => dataFile('demo', 'risks.json');

export async function loadDemoRisks(path: string = DEMO_RISKS()): Promise<DemoRisks> {
  const parsed = file.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw inputError(`Risks file ${path} is not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** Stores the demo risks in the alliance's register with their reviews; returns the counts. */
export async function seedDemoRisks(store: Store, ctx: DemoContext): Promise<Record<string, number>> {
  const demo = await loadDemoRisks();
  let reviews = 0;
  for (const r of demo.risks) {
    let made = await createRisk(store, ctx.analyst, {
      organisationId: ctx.alliance,
      reference: r.reference,
      title: r.title,
      category: r.category,
      owner: r.owner,
      cause: r.cause,
      consequence: r.consequence,
      scaleSize: demo.scaleSize,
      inherent: r.inherent,
      residual: r.residual,
      mitigation: r.mitigation,
      actions: r.actions,
      identifiedOn: demo.identifiedOn,
      marking: r.marking,
      sharedWith: r.sharedWith,
      narrative: `Initial assessment. Basis in the seed: ${r.basis}`,
    });
    for (const v of r.reviews) {
      made = (await reviewRisk(store, ctx.analyst, made.id, made.version, v)).risk;
      reviews += 1;
    }
  }
  return { risks: demo.risks.length, riskReviews: reviews };
}
