/**
 * The demo's scores (`data/demo/demo-scores.json`): per threat and period, the first assessor's
 * factor values and the second assessor's differences from them, expanded into the inputs the
 * store scores. Values are clamped to each factor's range so a difference never leaves it.
 */
import { readFile } from 'node:fs/promises';
import { inputError } from '../../errors.js';
import { dataFile } from '../../data-files.js';
import type { ScoringModel } from '../../domain/morile/index.js';

interface DemoScoresFile {
  readonly factors: readonly string[];
  readonly assessors: readonly [string, string];
  readonly threats: Readonly<
    Record<string, Readonly<Record<string, unknown>> & { readonly second: Readonly<Record<string, number>> }>
  >;
}

export interface DemoScore {
  readonly threat: string;
  readonly assessor: string;
  readonly values: Record<string, number>;
}

export async function demoScores(
  model: ScoringModel,
  period: string,
  file = dataFile('demo', 'demo-scores.json'),
): Promise<DemoScore[]> {
  const data = JSON.parse(await readFile(file, 'utf8')) as DemoScoresFile;
  const [first, second] = data.assessors;
  return Object.entries(data.threats).flatMap(([threat, t]) => {
    const row = t[period];
    if (!Array.isArray(row) || row.length !== data.factors.length)
      throw inputError(`${file}: "${threat}" has no ${period} row of ${data.factors.length} values.`);
    const values = Object.fromEntries(data.factors.map((f, i) => [f, Number(row[i])]));
    const other = Object.fromEntries(
      data.factors.map((f) => [f, clamp(model, f, (values[f] ?? 0) + (t.second[f] ?? 0))]),
    );
    return [
      { threat, assessor: first, values },
      { threat, assessor: second, values: other },
    ];
  });
}

function clamp(model: ScoringModel, factor: string, value: number): number {
  const f = model.factors.find((x) => x.id === factor);
  return f === undefined ? value : Math.min(f.max, Math.max(f.min, value));
}
