/**
 * The published-figure check: a document printed a percentage; do the figures it sits beside give
 * that percentage? Rule: a printed percentage matches when it is within half a unit of its last
 * printed decimal place of the computed value, i.e. |printed - computed| <= 0.5 percentage points
 * when printed as a whole number (`-8%`), <= 0.05 when printed to one decimal (`-7.3%`), and so on.
 * Anything further off cannot be explained by rounding and is reported with the computed value.
 * `N/A` printed where the arithmetic gives no percentage (no earlier figure, or a base of 0)
 * matches; `N/A` where a percentage can be computed, or a number where none can, is a mismatch.
 */
import { comparePeriods, formatPeriod, periodOf, sameTimeLastYear } from './period.js';
import { formatPct, pctChange } from './percent.js';
import { valueKey, type IndicatorValue } from './types.js';

export type PrintedPercent =
  { readonly kind: 'number'; readonly value: number; readonly decimals: number } | { readonly kind: 'not-applicable' };

/** Reads a percentage as documents print it: `-7.3%`, `- 8%`, `+ 1.2 %`, `−3.1`, `12`, `N/A`. */
export function parsePrintedPercent(
  text: string,
): { ok: true; printed: PrintedPercent } | { ok: false; reason: string } {
  const t = text.trim();
  if (/^n\/?a$/i.test(t)) return { ok: true, printed: { kind: 'not-applicable' } };
  const m = /^([+\-\u2212\u2013]?)\s*(\d+)(?:\.(\d+))?\s*%?$/.exec(t);
  if (!m) return { ok: false, reason: `'${t}' is not a percentage (expected e.g. -7.3%, + 1.2%, 12 or N/A)` };
  const decimals = m[3]?.length ?? 0;
  const magnitude = Number(`${m[2]}${decimals ? `.${m[3]}` : ''}`);
  const negative = m[1] !== '' && m[1] !== '+';
  return { ok: true, printed: { kind: 'number', value: negative ? -magnitude : magnitude, decimals } };
}

export interface PrintedCheck {
  readonly status: 'ok' | 'mismatch';
  /** The printed number; null for N/A. */
  readonly printedValue: number | null;
  /** Decimals printed (sets the tolerance); null for N/A. */
  readonly printedDecimals: number | null;
  /** Half a unit of the last printed decimal place, in percentage points; null for N/A. */
  readonly tolerancePp: number | null;
  /** computed - printed, in percentage points; null when either is not a number. */
  readonly differencePp: number | null;
  /** The computed value rounded as the document should have printed it (`-7.8%`), or `n/a`. */
  readonly computedAsPrinted: string;
  /** Why it is a mismatch; empty when it matches. */
  readonly reason: string;
}

/** Compares one printed percentage with the computed one (null: not computable). */
export function checkPrinted(printed: PrintedPercent, computed: number | null): PrintedCheck {
  if (printed.kind === 'not-applicable') {
    const base = {
      printedValue: null,
      printedDecimals: null,
      tolerancePp: null,
      differencePp: null,
      computedAsPrinted: formatPct(computed, 1),
    };
    return computed === null
      ? { ...base, status: 'ok', reason: '' }
      : { ...base, status: 'mismatch', reason: `printed N/A, but the figures give ${formatPct(computed, 1)}` };
  }
  const tolerancePp = 0.5 * 10 ** -printed.decimals;
  const common = {
    printedValue: printed.value,
    printedDecimals: printed.decimals,
    tolerancePp,
    computedAsPrinted: formatPct(computed, printed.decimals),
  };
  if (computed === null) {
    return {
      ...common,
      status: 'mismatch',
      differencePp: null,
      reason: 'printed a percentage, but the figures give none (no earlier figure, or it is 0)',
    };
  }
  const differencePp = computed - printed.value;
  // The 1e-9 absorbs binary noise in the computed value; it is far below any printed precision.
  if (Math.abs(differencePp) <= tolerancePp + 1e-9) return { ...common, status: 'ok', differencePp, reason: '' };
  return {
    ...common,
    status: 'mismatch',
    differencePp,
    reason:
      `printed ${formatPct(printed.value, printed.decimals)}, the figures give ${formatPct(computed, 3)} ` +
      `(${common.computedAsPrinted} to ${printed.decimals} decimal${printed.decimals === 1 ? '' : 's'}): ` +
      `${Math.abs(differencePp).toFixed(3)} points off, more than the ${tolerancePp} rounding allows`,
  };
}

export interface PublishedCheck extends PrintedCheck {
  readonly series: string;
  readonly organisation: string;
  readonly period: string;
  readonly value: number;
  /** The period the printed change is against: the same period a year earlier. */
  readonly comparedWith: string;
  /** The value of `comparedWith`; null when there is none. */
  readonly previous: number | null;
  /** The printed text, as imported. */
  readonly printed: string;
  /** Year-on-year % change computed from the values, full precision; null when not computable. */
  readonly computedPct: number | null;
}

/**
 * Checks every value that carries a printed year-on-year % change (`publishedPct`) against the
 * change computed from the values: this period against the same period a year earlier.
 */
export function checkPublishedPercentages(values: readonly IndicatorValue[]): PublishedCheck[] {
  const byKey = new Map(values.map((v) => [valueKey(v), v]));
  const checks: PublishedCheck[] = [];
  const withPrinted = values
    .filter((v) => v.publishedPct !== undefined && v.publishedPct.trim() !== '')
    .sort(
      (a, b) =>
        cmp(a.series, b.series) ||
        cmp(a.organisation, b.organisation) ||
        comparePeriods(periodOf(a.period), periodOf(b.period)),
    );
  for (const v of withPrinted) {
    const printedText = v.publishedPct!;
    const parsed = parsePrintedPercent(printedText);
    const comparedWith = formatPeriod(sameTimeLastYear(periodOf(v.period)));
    const previous = byKey.get(valueKey({ ...v, period: comparedWith }))?.value ?? null;
    const computedPct = previous === null ? null : pctChange(previous, v.value);
    const result: PrintedCheck = parsed.ok
      ? checkPrinted(parsed.printed, computedPct)
      : {
          status: 'mismatch',
          printedValue: null,
          printedDecimals: null,
          tolerancePp: null,
          differencePp: null,
          computedAsPrinted: formatPct(computedPct, 1),
          reason: parsed.reason,
        };
    checks.push({
      series: v.series,
      organisation: v.organisation,
      period: v.period,
      value: v.value,
      comparedWith,
      previous,
      printed: printedText,
      computedPct,
      ...result,
    });
  }
  return checks;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
