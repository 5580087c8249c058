/**
 * Nelder-Mead minimisation inside a box (lower <= x <= upper).
 *
 * Why here and not a library: the npm packages that offer it are unmaintained or bring plotting
 * dependencies (`fmin` 0.0.4 depends on a contour plotter, has no types), and the forecasting
 * models need only this: a derivative-free minimiser of a few (2 to 20) parameters whose
 * objective (a likelihood or a sum of squares) is cheap but not smooth at the box edges.
 * R's `ets()` uses the same method (Nelder & Mead 1965) on the same objectives.
 *
 * Method: Nelder, J.A. & Mead, R. (1965), "A simplex method for function minimization",
 * The Computer Journal 7(4), 308-313, with the standard coefficients (reflection 1, expansion 2,
 * contraction 1/2, shrink 1/2) and the ordering and tie rules of Lagarias et al. (1998),
 * "Convergence properties of the Nelder-Mead simplex method in low dimensions", SIAM J. Optim.
 * 9(1), 112-147. Box constraints are kept by projecting every trial point onto the box, so an
 * optimum on an edge (a smoothing parameter at its bound, common in practice) is reached exactly.
 * Because the simplex can collapse early on flat ridges, the search restarts from the best point
 * with a fresh simplex until a restart no longer improves the objective (at most `restarts`).
 */

export interface NelderMeadOptions {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Stop when the simplex's objective values differ by less than this (absolute). */
  readonly fTolerance?: number;
  /** ... and its vertices lie within this distance of the best, in every coordinate. */
  readonly xTolerance?: number;
  /** Objective evaluations allowed in all, across restarts. */
  readonly maxEvaluations?: number;
  /** Size of the first simplex's steps, as a share of each parameter's box width. */
  readonly initialStep?: number;
  readonly restarts?: number;
}

export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  /** True when the tolerances were met (not stopped by the evaluation budget). */
  readonly converged: boolean;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

export function nelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const n = start.length;
  const { lower, upper } = options;
  if (lower.length !== n || upper.length !== n) throw new RangeError('nelderMead: bounds and start differ in length');
  const fTol = options.fTolerance ?? 1e-8;
  const xTol = options.xTolerance ?? 1e-6;
  const maxEval = options.maxEvaluations ?? 200 * n + 200;
  const step = options.initialStep ?? 0.1;
  const restarts = options.restarts ?? 2;
  const project = (x: number[]): number[] => x.map((v, i) => clamp(v, lower[i]!, upper[i]!));
  let evaluations = 0;
  const f = (x: number[]): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  let best = project([...start]);
  let bestValue = f(best);
  let converged = false;
  for (let round = 0; round <= restarts && evaluations < maxEval; round++) {
    const run = search(best, bestValue);
    const improved = run.value < bestValue - fTol;
    best = run.x;
    bestValue = run.value;
    converged = run.converged;
    if (!improved && round > 0) break;
  }
  return { x: best, value: bestValue, evaluations, converged };

  function search(x0: number[], f0: number): { x: number[]; value: number; converged: boolean } {
    const simplex: number[][] = [x0];
    const values: number[] = [f0];
    for (let i = 0; i < n; i++) {
      const width = upper[i]! - lower[i]!;
      const h = Number.isFinite(width) ? step * width : step * Math.max(1, Math.abs(x0[i]!));
      const v = [...x0];
      // Step inwards when the start sits on the upper edge, so the simplex is not flat.
      v[i] = x0[i]! + h <= upper[i]! ? x0[i]! + h : x0[i]! - h;
      const p = project(v);
      simplex.push(p);
      values.push(f(p));
    }
    const order = Array.from({ length: n + 1 }, (_, i) => i);
    while (evaluations < maxEval) {
      order.sort((a, b) => values[a]! - values[b]!);
      const bestI = order[0]!;
      const worstI = order[n]!;
      const secondWorstI = order[n - 1]!;
      if (hasConverged(bestI)) return { x: simplex[bestI]!, value: values[bestI]!, converged: true };
      const centroid = new Array<number>(n).fill(0);
      for (const i of order.slice(0, n)) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
      const along = (t: number): number[] => project(centroid.map((c, j) => c + t * (simplex[worstI]![j]! - c)));
      const reflected = along(-1);
      const fr = f(reflected);
      if (fr < values[bestI]!) {
        const expanded = along(-2);
        const fe = f(expanded);
        replace(worstI, fe < fr ? expanded : reflected, Math.min(fe, fr));
      } else if (fr < values[secondWorstI]!) {
        replace(worstI, reflected, fr);
      } else {
        const outside = fr < values[worstI]!;
        const contracted = along(outside ? -0.5 : 0.5);
        const fc = f(contracted);
        if (fc < (outside ? fr : values[worstI]!)) replace(worstI, contracted, fc);
        else shrink(bestI);
      }
    }
    order.sort((a, b) => values[a]! - values[b]!);
    return { x: simplex[order[0]!]!, value: values[order[0]!]!, converged: false };

    function replace(i: number, x: number[], v: number): void {
      simplex[i] = x;
      values[i] = v;
    }
    function shrink(bestI: number): void {
      const b = simplex[bestI]!;
      for (let i = 0; i <= n; i++) {
        if (i === bestI) continue;
        simplex[i] = project(simplex[i]!.map((v, j) => b[j]! + 0.5 * (v - b[j]!)));
        values[i] = f(simplex[i]!);
      }
    }
    function hasConverged(bestI: number): boolean {
      let fMax = -Infinity;
      let fMin = Infinity;
      for (const v of values) {
        if (v > fMax) fMax = v;
        if (v < fMin) fMin = v;
      }
      if (!(fMax - fMin <= fTol * (1 + Math.abs(fMin)))) return false;
      const b = simplex[bestI]!;
      return simplex.every((x) => x.every((v, j) => Math.abs(v - b[j]!) <= xTol * (1 + Math.abs(b[j]!))));
    }
  }
}
