/**
 * Cross-field checks on a model that passed the field-level schema: unique ids, levels ordered
 * and inside their factor's range, bands ordered highest first down to 0, the formula sound
 * (formula-checks.ts), and every reference (low-confidence factor, tie-break keys) pointing at
 * something that exists. Why: a model that parses but is inconsistent would silently mis-rank
 * threats; each check names the exact field to fix.
 */
import { outputNames } from './formula.js';
import { checkExpressions, checkGrid, checkScoreRange } from './formula-checks.js';
import { findFactor } from './levels.js';
import type { ScoringModel } from './model-schema.js';
import type { Problem } from './problems.js';

export function checkModel(model: ScoringModel): Problem[] {
  const problems = [...checkFactors(model), ...checkBands(model)];
  const f = model.formula;
  problems.push(...(f.kind === 'grid' ? checkGrid(model, f) : checkExpressions(model, f)));
  if (problems.length > 0) return problems; // later checks need a sound formula
  return [...checkScoreRange(model), ...checkLowConfidence(model), ...checkTieBreaks(model)];
}

export function duplicates(values: readonly string[], path: (i: number) => PropertyKey[], what: string) {
  return values.flatMap((v, i) =>
    values.indexOf(v) < i ? [{ path: path(i), message: `duplicate ${what} "${v}"` }] : [],
  );
}

function checkFactors(model: ScoringModel): Problem[] {
  const ids = model.factors.map((f) => f.id);
  const problems: Problem[] = duplicates(ids, (i) => ['factors', i, 'id'], 'factor id');
  model.factors.forEach((factor, i) => {
    const at = (...p: PropertyKey[]) => ['factors', i, ...p];
    if (factor.max <= factor.min) {
      problems.push({ path: at('max'), message: `must be greater than min (${factor.min})` });
    }
    const labels = factor.levels.map((l) => l.label);
    problems.push(...duplicates(labels, (k) => at('levels', k, 'label'), 'level label'));
    factor.levels.forEach((level, k) => {
      const before = factor.levels[k - 1];
      if (level.value < factor.min || level.value > factor.max) {
        const range = `${factor.min}..${factor.max}`;
        problems.push({
          path: at('levels', k, 'value'),
          message: `${level.value} is outside the factor's range ${range}`,
        });
      } else if (before !== undefined && level.value <= before.value) {
        problems.push({
          path: at('levels', k, 'value'),
          message: `must be greater than the level before it (${before.value}); list levels lowest first`,
        });
      }
    });
  });
  return problems;
}

function checkBands(model: ScoringModel): Problem[] {
  const bands = model.bands;
  const problems = duplicates(
    bands.map((b) => b.id),
    (i) => ['bands', i, 'id'],
    'band id',
  );
  bands.forEach((band, i) => {
    const before = bands[i - 1];
    if (before !== undefined && band.threshold >= before.threshold) {
      const message = `must be lower than bands[${i - 1}].threshold (${before.threshold}); list bands highest first`;
      problems.push({ path: ['bands', i, 'threshold'], message });
    }
  });
  const last = bands[bands.length - 1];
  if (last !== undefined && last.threshold !== 0) {
    const message = 'the last band must start at 0 so that every score falls in a band';
    problems.push({ path: ['bands', bands.length - 1, 'threshold'], message });
  }
  return problems;
}

function checkLowConfidence(model: ScoringModel): Problem[] {
  const rule = model.lowConfidence;
  if (rule === undefined) return [];
  const factor = findFactor(model, rule.factor);
  if (factor === undefined) {
    return [{ path: ['lowConfidence', 'factor'], message: `unknown factor "${rule.factor}"` }];
  }
  if (factor.section !== 'confidence') {
    const message = `factor "${factor.id}" is in section "${factor.section}", not "confidence"`;
    return [{ path: ['lowConfidence', 'factor'], message }];
  }
  if (rule.atOrBelow < factor.min || rule.atOrBelow > factor.max) {
    const message = `${rule.atOrBelow} is outside the factor's range ${factor.min}..${factor.max}`;
    return [{ path: ['lowConfidence', 'atOrBelow'], message }];
  }
  return [];
}

function checkTieBreaks(model: ScoringModel): Problem[] {
  const known = new Set(['name', ...outputNames(model), ...model.factors.map((f) => f.id)]);
  return model.tieBreak.flatMap((t, i) =>
    known.has(t.key)
      ? []
      : [
          {
            path: ['tieBreak', i, 'key'],
            message: `unknown key "${t.key}": use an output, a factor id or "name"`,
          },
        ],
  );
}
