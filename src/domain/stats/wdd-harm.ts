/**
 * The harm-weighted Weighted Displacement Difference: one estimate of the change in crime harm,
 * with a confidence interval, from WDD tests of several crime types.
 *
 * Why: a reduction of 10 crimes of weight 10 and of 25 crimes of weight 4 remove the same harm but
 * have different uncertainty, so harm cannot be fed into the WDD as if it were a count. Instead each
 * crime type gets its own WDD, and the weighted WDDs are added:
 *
 *   HarmWDD = sum_i w_i * WDD_i,   Var(HarmWDD) = sum_i w_i^2 * Var(WDD_i)
 *
 * (crime types are independent Poisson counts). The weights are harm weights such as the Cambridge
 * Crime Harm Index or ONS Crime Severity Score for each type.
 *
 * Method: Wheeler, A.P. (2020) "Amending the WDD test to incorporate harm weights"
 * (andrewpwheeler.com, 2020-11-19), implemented as `wdd_harm` in the R package ptools; extending
 * Wheeler, A.P. & Ratcliffe, J.H. (2018) "A simple weighted displacement difference test to
 * evaluate place based crime interventions", Crime Science 7, 11.
 */
import { assertNonNegative } from './validate.js';
import { wdd, wddInference, type WddComponent, type WddInference, type WddInput } from './wdd.js';

/** One crime type's WDD (estimate and variance) and its harm weight. */
export interface HarmPart {
  readonly weight: number;
  readonly estimate: number;
  readonly variance: number;
}

export type HarmWddResult =
  | ({
      readonly status: 'ok';
      readonly total: WddComponent;
      readonly parts: readonly HarmPart[];
    } & WddInference)
  | { readonly status: 'insufficient-data'; readonly reason: 'no-events' };

/** Combine per-type WDDs with harm weights (ptools::wdd_harm). */
export function combineHarm(parts: readonly HarmPart[], confidenceLevel = 0.95): HarmWddResult {
  if (parts.length === 0) throw new RangeError('parts must contain at least one crime type');
  let estimate = 0;
  let variance = 0;
  parts.forEach((part, i) => {
    assertNonNegative(part.weight, `parts[${i}].weight`);
    assertNonNegative(part.variance, `parts[${i}].variance`);
    if (!Number.isFinite(part.estimate)) throw new RangeError(`parts[${i}].estimate must be finite`);
    estimate += part.weight * part.estimate;
    variance += part.weight ** 2 * part.variance;
  });
  if (variance === 0) return { status: 'insufficient-data', reason: 'no-events' };
  const total = { estimate, variance, standardError: Math.sqrt(variance) };
  return { status: 'ok', total, parts, ...wddInference(total, confidenceLevel) };
}

/** One crime type's counts (as for `wdd`) and its harm weight. */
export interface HarmCrimeType {
  readonly weight: number;
  readonly counts: Omit<WddInput, 'confidenceLevel'>;
}

/**
 * Harm-weighted WDD straight from counts: a WDD per crime type (its total, i.e. including any
 * displacement area), then the weighted sum. A type with no events at all contributes zero.
 */
export function wddHarm(types: readonly HarmCrimeType[], confidenceLevel = 0.95): HarmWddResult {
  const parts = types.map(({ weight, counts }): HarmPart => {
    const result = wdd(counts);
    if (result.status !== 'ok') return { weight, estimate: 0, variance: 0 };
    return { weight, estimate: result.total.estimate, variance: result.total.variance };
  });
  return combineHarm(parts, confidenceLevel);
}
