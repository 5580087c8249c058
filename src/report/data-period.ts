/**
 * Which months the document's crime figures cover. By default the latest financial year, complete
 * in the warehouse for every force of the assessment, that ended before the document's date: a
 * document dated 9 April 2017 reports April 2016 to March 2017, never months that had not happened
 * when it was signed. An analyst may name any period instead (`--data-period 2016/17` or
 * `"12 months to 2016-09"`, as the seed used data to September).
 *
 * With no complete year before the date (a force that has just started publishing), the figures
 * are still given for the months there are, as a part year: the latest unbroken run of months held
 * for every force, which allows no comparison with an earlier year. Why complete months only: a
 * missing month is not zero crime.
 */
import { usageError } from '../errors.js';
import { addMonths, parseMonth, type Month } from '../domain/crime/month.js';
import { monthsOf, parseFinancialYear, periodOf, type Period } from '../domain/crime/periods.js';
import type { Catalog } from '../warehouse/catalog.js';
import { monthsByForce } from '../warehouse/coverage.js';
import { longDate, monthName } from './dates.js';
import { plural } from '../domain/plural.js';

export interface DataPeriodChoice {
  readonly period: Period | null;
  /** Fewer than twelve months: figures for the months there are, with no comparison with an earlier year. */
  readonly partYear: boolean;
  /** Why this period (or why none), for the build log and the document. */
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

/**
 * @param documentDate the document's date (YYYY-MM-DD): the data period ends before it.
 */
export function chooseDataPeriod(
  catalog: Catalog,
  forces: readonly string[],
  documentDate: string,
  asked?: Period,
): DataPeriodChoice {
  const held = monthsByForce(catalog, 'street');
  const heldByAll = (m: Month) => forces.every((f) => held.get(f)?.has(m));
  const complete = (p: Period) => monthsOf(p).every(heldByAll);
  if (forces.length === 0)
    return {
      period: null,
      partYear: false,
      reason: 'the assessment names no police force whose crime could be counted',
    };
  if (asked) {
    return complete(asked)
      ? { period: asked, partYear: false, reason: `chosen for this document (--data-period ${asked.label})` }
      : {
          period: null,
          partYear: false,
          reason: `the warehouse does not hold every month of ${asked.label} for ${forces.join(', ')}`,
        };
  }
  const dated = parseMonth(documentDate.slice(0, 7));
  if (dated === undefined) throw usageError(`the document's date '${documentDate}' is not a date (YYYY-MM-DD)`);
  const lastBefore = addMonths(dated, -1);
  const when = longDate(documentDate);
  let p = periodOf(lastBefore, 'financial-year');
  if (p.last > lastBefore) p = periodOf(addMonths(p.first, -1), 'financial-year');
  for (let back = 0; back < 10; back += 1, p = periodOf(addMonths(p.first, -1), 'financial-year')) {
    if (complete(p))
      return {
        period: p,
        partYear: false,
        reason: `the latest complete financial year of data before the document's date (${when})`,
      };
  }
  const run = latestRun(heldByAll, lastBefore);
  if (run.length > 0) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const label = `${monthName(first)} to ${monthName(last)} (part year)`;
    return {
      period: { kind: 'rolling-12', label, first, last },
      partYear: true,
      reason: `the warehouse holds no complete year before the document's date (${when}); the ${plural(run.length, 'month')} held for every force are given as a part year, with no comparison with an earlier year`,
    };
  }
  return {
    period: null,
    partYear: false,
    reason: `the warehouse holds no month before the document's date (${when}) for every one of ${forces.join(', ')}; name a period with --data-period`,
  };
}

/** The latest unbroken run of at most 12 months, ending at or before `last`, held for every force. */
function latestRun(held: (m: Month) => boolean, last: Month): Month[] {
  let end = last;
  // Look back at most ten years for the latest month held.
  for (let k = 0; k < 120 && !held(end); k += 1) end = addMonths(end, -1);
  if (!held(end)) return [];
  const run: Month[] = [];
  for (let m = end; run.length < 12 && held(m); m = addMonths(m, -1)) run.unshift(m);
  return run;
}
