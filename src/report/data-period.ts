/**
 * Which months the document's crime figures cover. By default the assessment's own financial
 * year when the warehouse holds all of it for every force of the assessment, otherwise the latest
 * financial year before it that is complete; an analyst may name any period instead
 * (`--data-period 2016/17` or `"12 months to 2016-09"`, as the seed used data to September).
 * Why complete periods only: a missing month is not zero crime, and a year-on-year change over a
 * part year would mislead.
 */
import { usageError } from '../errors.js';
import { parseMonth } from '../domain/crime/month.js';
import { monthsOf, parseFinancialYear, periodOf, previousYear, type Period } from '../domain/crime/periods.js';
import type { Catalog } from '../warehouse/catalog.js';
import { monthsByForce } from '../warehouse/coverage.js';

export interface DataPeriodChoice {
  readonly period: Period | null;
  /** Why this period (or why none), for the build log. */
  readonly reason: string;
}

export function parseDataPeriod(text: string): Period {
  const fy = parseFinancialYear(text);
  if (fy) return fy;
  const rolling = /^12 months to (\d{4}-\d{2})$/.exec(text.trim());
  const month = rolling ? parseMonth(rolling[1]!) : undefined;
  if (month) return periodOf(month, 'rolling-12');
  throw usageError(`--data-period: '${text}' is not a financial year (2016/17) or "12 months to YYYY-MM"`);
}

export function chooseDataPeriod(
  catalog: Catalog,
  forces: readonly string[],
  assessmentPeriod: string,
  asked?: Period,
): DataPeriodChoice {
  const held = monthsByForce(catalog, 'street');
  const complete = (p: Period) => forces.every((f) => monthsOf(p).every((m) => held.get(f)?.has(m)));
  if (forces.length === 0)
    return { period: null, reason: 'the assessment names no police force whose crime could be counted' };
  if (asked) {
    return complete(asked)
      ? { period: asked, reason: `asked for (--data-period ${asked.label})` }
      : { period: null, reason: `the warehouse does not hold every month of ${asked.label} for ${forces.join(', ')}` };
  }
  let p = parseFinancialYear(assessmentPeriod);
  for (let back = 0; p && back < 10; back += 1, p = previousYear(p)) {
    if (complete(p)) {
      return {
        period: p,
        reason:
          back === 0
            ? `the assessment's own year, complete in the warehouse`
            : `the latest complete financial year up to the assessment's (${assessmentPeriod} is not complete in the warehouse)`,
      };
    }
  }
  return {
    period: null,
    reason: `the warehouse holds no complete financial year up to ${assessmentPeriod} for ${forces.join(', ')}; name one with --data-period`,
  };
}
