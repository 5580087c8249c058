/**
 * Types shared by the statistics modules.
 *
 * Why: results that may lack enough data are discriminated unions on `status`, so a caller
 * cannot read a flag or a p-value that was never computed.
 */

/** Direction of the alternative hypothesis of a test. */
export type Alternative = 'greater' | 'less' | 'two-sided';

/** Why a period could not be judged. */
export type InsufficientReason =
  /** Fewer comparison periods than the method needs (e.g. under 3 prior years). */
  | 'too-few-prior-periods'
  /** Every comparison period was zero, so no variance can be estimated for limits. */
  | 'zero-baseline'
  /** Too few events expected (under 5 by default) for month-to-month variation to be judged. */
  | 'expected-too-small'
  /** No events at all in any area or period, so the variance is zero. */
  | 'no-events';
