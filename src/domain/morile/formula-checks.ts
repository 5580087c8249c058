/**
 * Checks on a model's formula: every name an expression uses is a factor or an earlier output,
 * the required outputs exist, clamps are the right way round, a grid has one grade per pair of
 * levels, and, by interval analysis over every factor's range, s provably stays within 0..1
 * (so bands on s mean the same for every threat).
 */
import { namesIn } from './expression.js';
import type { Expr } from './expression.js';
import { outputNames, outputRanges } from './formula.js';
import { findFactor } from './levels.js';
import { REQUIRED_OUTPUTS } from './model-schema.js';
import type { ExpressionFormula, GridFormula, ScoringModel } from './model-schema.js';
import type { Problem } from './problems.js';

/** Tolerance for floating-point noise when proving s stays within 0..1. */
const EPSILON = 1e-9;

export function checkExpressions(model: ScoringModel, f: ExpressionFormula): Problem[] {
  const known = new Set(model.factors.map((x) => x.id));
  const problems: Problem[] = [];
  f.outputs.forEach(({ name, expr }, i) => {
    const path = ['formula', 'outputs', i];
    if (known.has(name)) {
      problems.push({
        path: [...path, 'name'],
        message: `"${name}" is already a factor or an earlier output`,
      });
    }
    for (const ref of namesIn(expr, [...path, 'expr'])) {
      if (known.has(ref.name)) continue;
      const message = `unknown factor or output "${ref.name}" (an output can only use factors and outputs defined before it)`;
      problems.push({ path: ref.path, message });
    }
    problems.push(...clampProblems(expr, [...path, 'expr']));
    known.add(name);
  });
  for (const required of REQUIRED_OUTPUTS) {
    if (f.outputs.some((o) => o.name === required)) continue;
    const message = `missing required output "${required}" (every model defines ${REQUIRED_OUTPUTS.join(', ')})`;
    problems.push({ path: ['formula', 'outputs'], message });
  }
  return problems;
}

function clampProblems(expr: Expr, path: PropertyKey[]): Problem[] {
  if (typeof expr !== 'object') return [];
  const here: Problem[] =
    expr.op === 'clamp' && expr.max < expr.min
      ? [{ path: [...path, 'max'], message: `must not be below min (${expr.min})` }]
      : [];
  const children: Array<[Expr, PropertyKey[]]> =
    'args' in expr ? expr.args.map((a, i) => [a, [...path, 'args', i]]) : [[expr.arg, [...path, 'arg']]];
  return [...here, ...children.flatMap(([child, at]) => clampProblems(child, at))];
}

export function checkGrid(model: ScoringModel, f: GridFormula): Problem[] {
  const problems: Problem[] = [];
  const impact = findFactor(model, f.impact);
  const likelihood = findFactor(model, f.likelihood);
  for (const [key, factor] of [
    ['impact', impact],
    ['likelihood', likelihood],
  ] as const) {
    if (factor === undefined) {
      problems.push({ path: ['formula', key], message: `unknown factor "${f[key]}"` });
    } else if (factor.optional) {
      problems.push({
        path: ['formula', key],
        message: `factor "${factor.id}" is optional; a grid axis must be required`,
      });
    }
  }
  if (impact === undefined || likelihood === undefined) return problems;
  if (f.grades.length !== impact.levels.length) {
    const message = `needs one row per impact level (${impact.levels.length}), has ${f.grades.length}`;
    problems.push({ path: ['formula', 'grades'], message });
  }
  f.grades.forEach((row, i) => {
    if (row.length === likelihood.levels.length) return;
    const message = `needs one grade per likelihood level (${likelihood.levels.length}), has ${row.length}`;
    problems.push({ path: ['formula', 'grades', i], message });
  });
  if (Math.max(...f.grades.flat()) <= 0) {
    problems.push({ path: ['formula', 'grades'], message: 'at least one grade must be above 0' });
  }
  return problems;
}

export function checkScoreRange(model: ScoringModel): Problem[] {
  const s = outputRanges(model).s;
  if (s === undefined || (s.lo >= -EPSILON && s.hi <= 1 + EPSILON)) return [];
  const names = outputNames(model);
  const message = `s can range over ${s.lo}..${s.hi} but must stay within 0..1 (divide priority by its maximum)`;
  return [{ path: ['formula', 'outputs', names.indexOf('s')], message }];
}
