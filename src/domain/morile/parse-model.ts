/**
 * parseScoringModel: the one door a scoring model comes in by. The caller reads the file; this
 * validates the parsed JSON (shape, then cross-field consistency) and either returns a typed
 * model or refuses it with every problem listed by path, naming the source so the user knows
 * which file to fix. A refused model is never partially used.
 */
import { inputError } from '../../errors.js';
import { checkModel } from './model-checks.js';
import { scoringModelSchema } from './model-schema.js';
import type { ScoringModel } from './model-schema.js';
import { formatProblem, problemsFromZod } from './problems.js';
import type { Problem } from './problems.js';

export function parseScoringModel(json: unknown, sourceName: string): ScoringModel {
  const parsed = scoringModelSchema.safeParse(json);
  const problems: Problem[] = parsed.success ? checkModel(parsed.data) : problemsFromZod(parsed.error.issues);
  if (parsed.success && problems.length === 0) return parsed.data;
  const lines = problems.map((p) => `  ${formatProblem(p)}`).join('\n');
  throw inputError(`Scoring model ${sourceName} is not valid; fix these and load it again:\n${lines}`, {
    source: sourceName,
    problems: problems.map(formatProblem),
  });
}
