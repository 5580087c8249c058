/**
 * Benjamini-Hochberg control of the false discovery rate across many tests.
 *
 * Why: a report that tests every area x crime type cell at the 5% level will flag about one cell in
 * twenty by chance alone. Controlling the false discovery rate (FDR) at q means that, on average,
 * no more than a fraction q of the cells flagged as significant are false alarms.
 *
 * Method: Benjamini, Y. & Hochberg, Y. (1995). "Controlling the false discovery rate: a practical
 * and powerful approach to multiple testing." Journal of the Royal Statistical Society, Series B
 * 57(1), 289-300. Step-up rule: sort the m p-values, find the largest rank i with
 * p(i) <= i*q/m, reject the hypotheses of ranks 1..i. The adjusted p-value (q-value) of rank i is
 * min over j >= i of p(j)*m/j, capped at 1, exactly as R's p.adjust(p, method = "BH"); a
 * hypothesis is rejected at level q when its adjusted p-value is <= q. The guarantee holds for
 * independent or positively dependent tests (Benjamini & Yekutieli 2001).
 */
import { assertOpenUnit } from './validate.js';

/** Benjamini-Hochberg adjusted p-values, in the order given (R: p.adjust(p, "BH")). */
export function adjustBenjaminiHochberg(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`pValues[${i}] must be a p-value in [0, 1], got ${String(p)}`);
  });
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] ?? 0) - (pValues[b] ?? 0));
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1] ?? 0;
    running = Math.min(running, ((pValues[index] ?? 1) * m) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}

export interface FdrResult {
  /** The FDR level used. */
  readonly q: number;
  /** Adjusted p-values (q-values), in input order. */
  readonly adjusted: readonly number[];
  /** Whether each hypothesis is rejected (a discovery) at level q, in input order. */
  readonly rejected: readonly boolean[];
  /** Number of rejected hypotheses. */
  readonly discoveries: number;
}

/** Which hypotheses are rejected when the false discovery rate is controlled at `q` (default 0.05). */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): FdrResult {
  assertOpenUnit(q, 'q');
  const adjusted = adjustBenjaminiHochberg(pValues);
  const rejected = adjusted.map((a) => a <= q);
  return { q, adjusted, rejected, discoveries: rejected.filter(Boolean).length };
}
