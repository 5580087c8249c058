/**
 * What the crime parts share: the warehouse, the data period and the forces of the assessment,
 * or the reason there is no crime data to report; and the footnote citing the police.uk files.
 */
import type { Period } from '../../domain/crime/periods.js';
import type { Warehouse } from '../../warehouse/reader.js';
import type { BuildContext, Force } from '../context.js';
import { crimeProvenance, monthName, type CrimeProvenance } from '../provenance.js';
import { addMonths, type Month } from '../../domain/crime/month.js';
import { earlierYears, monthsOf } from '../../domain/crime/periods.js';
import { monthsByForce } from '../../warehouse/coverage.js';

export interface CrimeData {
  readonly wh: Warehouse;
  readonly period: Period;
  readonly forces: readonly Force[];
  readonly forceIds: string[];
  /** Fewer than twelve months: no comparison with an earlier year. */
  readonly partYear: boolean;
}

export function crimeData(ctx: BuildContext): CrimeData | string {
  if (ctx.warehouse === null) return 'the workspace holds no crime data (stra import or stra demo)';
  if (ctx.dataPeriod === null) return "no complete data period (see the build log's document notes)";
  return {
    wh: ctx.warehouse,
    period: ctx.dataPeriod,
    forces: ctx.forces,
    forceIds: ctx.forces.map((f) => f.id),
    partYear: ctx.partYear,
  };
}

/**
 * The files behind one figure (months first..last for its forces), for the build log, and the
 * document's one footnote for crime data: every force of the assessment over all the months any
 * figure reads (the three years before the period, for the averages, to its end), so the reader
 * sees one source, not one per table.
 */
export function citeCrime(
  ctx: BuildContext,
  d: CrimeData,
  first: Month,
  last: Month,
): { provenance: CrimeProvenance; footnote: number } {
  const names = new Map(ctx.forces.map((f) => [f.id, f.name]));
  const provenance = crimeProvenance(d.wh.catalog, d.forceIds, first, last, names);
  const earliest = heldFrom(d, addMonths(d.period.first, -36));
  const whole = crimeProvenance(
    d.wh.catalog,
    ctx.forces.map((f) => f.id),
    earliest,
    d.period.last,
    names,
  );
  return { provenance, footnote: ctx.footnotes.cite(whole.summary) };
}

/** The first month at or after `from` that the warehouse holds for any of the forces. */
function heldFrom(d: CrimeData, from: Month): Month {
  const months = Object.values(d.wh.catalog.sources)
    .filter((s) => s.table === 'street' && d.forceIds.includes(s.force) && s.month >= from)
    .map((s) => s.month)
    .sort();
  return (months[0] as Month | undefined) ?? from;
}

/** "2016/17 (April 2016 to March 2017)"; a part year's label already names its months. */
export const periodWords = (p: Pick<Period, 'label' | 'first' | 'last'>): string =>
  p.label.includes('part year') ? p.label : `${p.label} (${monthName(p.first)} to ${monthName(p.last)})`;

/** What a part year allows, said once where its figures start. */
export const PART_YEAR_WORDS =
  'These figures cover the months published so far, a part year: they cannot be compared with an earlier year, and the monthly figures show the trend within it.';

/**
 * How many of the three years before the period the warehouse holds whole for every force (at
 * least 1, so a query can be made): the average is of the years there are, and says how many.
 */
export function yearsForAverage(d: CrimeData, max = 3): number {
  const held = monthsByForce(d.wh.catalog, 'street');
  const whole = (p: Period) => d.forceIds.every((f) => monthsOf(p).every((m) => held.get(f)?.has(m)));
  let n = 0;
  while (n < max && whole(earlierYears(d.period, n + 1)[0]!)) n += 1;
  return Math.max(1, n);
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];
/** 2 -> "two": small counts in words, as prose writes them. */
export const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);
/** "the average of the three years before it", "the year before" */
export const averageWords = (years: number): string =>
  years === 1 ? 'the year before that' : `the average of the ${NUMBER_WORDS[years] ?? years} years before it`;
