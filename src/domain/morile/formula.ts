/**
 * Runs a model's formula: factor values in, named outputs out (harm, likelihood, risk, priority,
 * s and any extras such as orgGap), at full precision. Also states the range each output can
 * take, which the model checks use to prove s stays in 0..1 and the direction-of-travel chart
 * uses to place threats from different models on one 0..1 scale.
 *
 * Decision: two formula kinds. "expressions" evaluates the declarative outputs in order; "grid"
 * is the legacy NIM impact x likelihood lookup, which needs whole levels (a grid has no cell
 * between two rows), with s = grade / highest grade.
 */
import { inputError } from '../../errors.js';
import { evaluate, intervalOf } from './expression.js';
import type { Interval } from './expression.js';
import { getFactor, levelIndex } from './levels.js';
import type { GridFormula, ScoringModel } from './model-schema.js';

export type Outputs = Readonly<Record<string, number>>;

export function outputNames(model: ScoringModel): string[] {
  const f = model.formula;
  return f.kind === 'grid' ? ['harm', 'likelihood', 'grade', 'risk', 'priority', 's'] : f.outputs.map((o) => o.name);
}

export function computeOutputs(model: ScoringModel, values: Outputs): Outputs {
  const f = model.formula;
  if (f.kind === 'grid') return gridOutputs(model, f, values);
  const env: Record<string, number> = { ...values };
  const out: Record<string, number> = {};
  for (const { name, expr } of f.outputs) {
    out[name] = env[name] = evaluate(expr, env);
  }
  return out;
}

function gridOutputs(model: ScoringModel, f: GridFormula, values: Outputs): Outputs {
  const i = gridIndex(model, f.impact, values);
  const j = gridIndex(model, f.likelihood, values);
  const grade = f.grades[i]?.[j];
  if (grade === undefined) throw new Error(`grid of ${model.id} has no cell [${i}][${j}]`);
  const harm = values[f.impact] ?? 0;
  const likelihood = values[f.likelihood] ?? 0;
  return { harm, likelihood, grade, risk: grade, priority: grade, s: grade / maxGrade(f) };
}

function gridIndex(model: ScoringModel, factorId: string, values: Outputs): number {
  const factor = getFactor(model, factorId);
  const value = values[factorId];
  const index = value === undefined ? -1 : levelIndex(factor, value);
  if (index < 0) {
    const allowed = factor.levels.map((l) => l.value).join(', ');
    throw inputError(`${factorId}: ${value} is not a level of the grid; allowed ${allowed}`);
  }
  return index;
}

export const maxGrade = (f: GridFormula): number => Math.max(...f.grades.flat());

/** The range of every output, over every combination of factor values within their ranges. */
export function outputRanges(model: ScoringModel): Readonly<Record<string, Interval>> {
  const env: Record<string, Interval> = {};
  for (const factor of model.factors) env[factor.id] = { lo: factor.min, hi: factor.max };
  const f = model.formula;
  if (f.kind === 'grid') {
    const grades = f.grades.flat();
    const top = maxGrade(f);
    const grade = { lo: Math.min(...grades), hi: top };
    return {
      harm: env[f.impact] ?? grade,
      likelihood: env[f.likelihood] ?? grade,
      grade,
      risk: grade,
      priority: grade,
      s: { lo: grade.lo / top, hi: 1 },
    };
  }
  const out: Record<string, Interval> = {};
  for (const { name, expr } of f.outputs) out[name] = env[name] = intervalOf(expr, env);
  return out;
}
