/**
 * Percentages as a report prints them. Computed at full precision, `null` when the base is 0 (a
 * change from nothing has no percentage), and rounded only for display, by one stated rule:
 * half away from zero at the given number of decimals, applied to the number's shortest decimal
 * form (so 2.25 shows as 2.3 and -2.25 as -2.3, whatever the binary representation).
 */
import { changeAgainst } from '../stats/change.js';

/** 100 * (current - previous) / previous; null when previous is 0. */
export function pctChange(previous: number, current: number): number | null {
  return changeAgainst(previous, current).percentChange;
}

/** 100 * part / total; null when the total is 0. */
export function shareOf(part: number, total: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(total))
    throw new RangeError(`shareOf: expected finite numbers, got ${part} and ${total}`);
  return total === 0 ? null : (100 * part) / total;
}

/** Rounds half away from zero to `decimals` places, on the decimal form of `x`. */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10)
    throw new RangeError(`decimals must be an integer 0 to 10, got ${decimals}`);
  if (!Number.isFinite(x)) throw new RangeError(`cannot round ${x}`);
  const sign = x < 0 ? -1 : 1;
  const text = String(Math.abs(x));
  // Shift the decimal point in the text, not by multiplying (1.005 * 100 = 100.49999999999999).
  const r = text.includes('e')
    ? sign * (Math.round(Math.abs(x) * 10 ** decimals) / 10 ** decimals) // tiny or huge: no exact text form to shift
    : sign * Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return Object.is(r, -0) ? 0 : r;
}

/**
 * A change for display: 2.3 -> `+2.3%`, -7.77 -> `-7.8%`, 0 -> `0.0%`, null -> `n/a`. With
 * `signed` false (shares of a total), no `+`: 37.2 -> `37.2%`.
 */
export function formatPct(x: number | null, decimals = 1, signed = true): string {
  if (x === null) return 'n/a';
  const r = roundHalfAwayFromZero(x, decimals);
  const sign = r > 0 && signed ? '+' : r < 0 ? '-' : '';
  return `${sign}${Math.abs(r).toFixed(decimals)}%`;
}
