/**
 * The demo's recommendations register (`data/demo/recommendations.json`): the seed's Section 3,
 * "Recommendations made in the last STRA; progress": each recommendation of the 2016/17
 * assessment with its theme, number (if any), text, the update reported a year on, and the status
 * inferred from that update (with the reason, `statusBasis`). Validated whole before use.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import { RECOMMENDATION_STATUSES } from '../../store/index.js';

const entry = z.strictObject({
  number: z.string().min(1).nullable(),
  theme: z.string().min(1),
  text: z.string().min(1),
  update: z.string().min(1),
  status: z.enum(RECOMMENDATION_STATUSES),
  statusBasis: z.string().min(1),
});

const file = z.object({
  updateDated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  recommendations: z.array(entry).min(1),
});

export type DemoRecommendations = z.infer<typeof file>;

export const DEMO_RECOMMENDATIONS = (): string => dataFile('demo', 'recommendations.json');

export async function loadDemoRecommendations(path: string = DEMO_RECOMMENDATIONS()): Promise<DemoRecommendations> {
  const parsed = file.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw inputError(`Recommendations file ${path} is not valid:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
