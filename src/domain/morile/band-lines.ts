/**
 * Where the priority bands fall on the assessment summary chart: for each band threshold (the
 * Priority and Intelligence requirement thresholds), the line of places (likelihood x, harm y,
 * each 0..1 of the model's range) at which a threat's score s reaches it. The chart shows
 * likelihood and harm only, while s also depends on the organisational gap (capacity, capability,
 * partnership) and any other factors outside harm and likelihood: the lines are drawn with those
 * factors at their lowest, so a threat on or above a line is in that band whatever its gap, and a
 * gap can lift a threat below the line into the band (its band is the one the table gives).
 *
 * Decision: only expression models have lines (a grid model's grades exist at whole levels only,
 * with no place between two of them); the line is found by bisection on harm at each likelihood,
 * which assumes s does not fall as harm rises (true of every model whose s grows with risk).
 */
import { evaluate } from './expression.js';
import { outputRanges } from './formula.js';
import type { ScoringModel } from './model-schema.js';

export interface BandLine {
  readonly id: string;
  readonly label: string;
  readonly threshold: number;
  /** [x, y] places on the line, x rising; the line stops where no harm reaches the threshold. */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

/** s at a place, the factors outside harm and likelihood at their lowest; null for grid models. */
export function scoreAtPlace(model: ScoringModel, x: number, y: number): number | null {
  const f = model.formula;
  if (f.kind !== 'expressions') return null;
  const ranges = outputRanges(model);
  const env: Record<string, number> = {};
  for (const factor of model.factors) env[factor.id] = factor.min;
  const at = (name: string, u: number) => {
    const r = ranges[name]!;
    return r.lo + u * (r.hi - r.lo);
  };
  for (const { name, expr } of f.outputs)
    env[name] = name === 'likelihood' ? at(name, x) : name === 'harm' ? at(name, y) : evaluate(expr, env);
  return env.s ?? null;
}

export function bandLines(model: ScoringModel, steps = 60): BandLine[] {
  if (model.formula.kind !== 'expressions') return [];
  const s = (x: number, y: number) => scoreAtPlace(model, x, y) as number;
  return model.bands
    .filter((b) => b.threshold > 0)
    .map((band) => {
      const points: Array<[number, number]> = [];
      for (let i = 0; i <= steps; i += 1) {
        const x = i / steps;
        if (s(x, 1) < band.threshold) continue;
        let lo = 0;
        let hi = 1;
        if (s(x, 0) >= band.threshold) hi = 0;
        for (let k = 0; k < 40 && hi - lo > 1e-5; k += 1) {
          const mid = (lo + hi) / 2;
          if (s(x, mid) >= band.threshold) hi = mid;
          else lo = mid;
        }
        points.push([round(x), round(hi)]);
      }
      return { id: band.id, label: band.label, threshold: band.threshold, points };
    })
    .filter((l) => l.points.length > 0);
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
