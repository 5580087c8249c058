/**
 * What a report asks of the stored values: which series there are, and the table of one series
 * (a month x year table for monthly or quarterly figures, organisations side by side for yearly
 * ones). Pure: takes the values, returns plain objects the CLI, web app and report all print.
 */
import { notFoundError, usageError } from '../../errors.js';
import { comparePeriods, formatPeriod, periodOf, type PeriodKind } from './period.js';
import { monthYearTable, type MonthYearTable, type YearBasis } from './month-year-table.js';
import { yearTable, type YearTable } from './year-table.js';
import type { IndicatorValue } from './types.js';

export interface SeriesSummary {
  readonly series: string;
  readonly organisation: string;
  readonly kind: PeriodKind;
  /** The units used, comma-separated; empty when none given. */
  readonly unit: string;
  readonly first: string;
  readonly last: string;
  readonly values: number;
  /** How many values carry a printed percentage to check. */
  readonly published: number;
}

/** One row per series and organisation, sorted. */
export function summariseSeries(values: readonly IndicatorValue[]): SeriesSummary[] {
  const groups = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    const key = `${v.series}\u0000${v.organisation}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.values()]
    .map((g) => {
      const periods = g.map((v) => periodOf(v.period)).sort(comparePeriods);
      return {
        series: g[0]!.series,
        organisation: g[0]!.organisation,
        kind: periods[0]!.kind,
        unit: [...new Set(g.map((v) => v.unit).filter((u): u is string => !!u))].sort().join(', '),
        first: formatPeriod(periods[0]!),
        last: formatPeriod(periods[periods.length - 1]!),
        values: g.length,
        published: g.filter((v) => v.publishedPct !== undefined && v.publishedPct !== '').length,
      };
    })
    .sort((a, b) =>
      a.series < b.series
        ? -1
        : a.series > b.series
          ? 1
          : a.organisation < b.organisation
            ? -1
            : a.organisation > b.organisation
              ? 1
              : 0,
    );
}

/** The values of one series (and organisation); not found names what there is. */
export function selectSeries(
  values: readonly IndicatorValue[],
  series: string,
  organisation?: string,
): IndicatorValue[] {
  const ofSeries = values.filter((v) => v.series === series);
  if (ofSeries.length === 0) {
    const names = [...new Set(values.map((v) => v.series))].sort();
    throw notFoundError(
      `no indicator series '${series}'; ${names.length ? `the series are: ${names.join(', ')}` : 'none has been imported (stra indicators import FILE)'}`,
    );
  }
  if (organisation === undefined) return ofSeries;
  const selected = ofSeries.filter((v) => v.organisation === organisation);
  if (selected.length === 0) {
    throw notFoundError(
      `series '${series}' has no figures for '${organisation}'; it has: ${organisations(ofSeries).join(', ')}`,
    );
  }
  return selected;
}

export interface SeriesTableOptions {
  readonly series: string;
  readonly organisation?: string;
  /** For monthly and quarterly series; default financial (April-March). */
  readonly years?: YearBasis;
  /** Last month (1-12) of the year to date; monthly and quarterly series only. */
  readonly ytdTo?: number;
}

export type SeriesTable =
  | {
      readonly type: 'month-year';
      readonly series: string;
      readonly organisation: string;
      readonly unit: string;
      readonly table: MonthYearTable;
    }
  | { readonly type: 'year'; readonly series: string; readonly unit: string; readonly table: YearTable };

export function seriesTable(values: readonly IndicatorValue[], options: SeriesTableOptions): SeriesTable {
  const selected = selectSeries(values, options.series, options.organisation);
  const kind = periodOf(selected[0]!.period).kind;
  const unit = [...new Set(selected.map((v) => v.unit).filter((u): u is string => !!u))].sort().join(', ');
  if (kind === 'calendar-year' || kind === 'financial-year') {
    const own = kind === 'calendar-year' ? 'calendar' : 'financial';
    if (options.years !== undefined && options.years !== own) {
      throw usageError(`series '${options.series}' is in ${own} years; --years ${options.years} does not apply to it`);
    }
    if (options.ytdTo !== undefined)
      throw usageError(`series '${options.series}' is yearly; --ytd-to applies to monthly and quarterly series`);
    return { type: 'year', series: options.series, unit, table: yearTable(selected) };
  }
  const orgs = organisations(selected);
  if (orgs.length > 1) {
    throw usageError(`series '${options.series}' has figures for ${orgs.join(', ')}: choose one with --organisation`);
  }
  const table = monthYearTable(selected, {
    basis: options.years ?? 'financial',
    ...(options.ytdTo !== undefined ? { ytdTo: options.ytdTo } : {}),
  });
  return { type: 'month-year', series: options.series, organisation: orgs[0]!, unit, table };
}

function organisations(values: readonly IndicatorValue[]): string[] {
  return [...new Set(values.map((v) => v.organisation))].sort();
}
