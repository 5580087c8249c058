/**
 * The indicator library API the CLI, web app and report call: what is stored, the table of a
 * series, and the published-figure check. Reads the store; the arithmetic is in
 * src/domain/indicators.
 */
import { checkPublishedPercentages, type PublishedCheck } from '../domain/indicators/published-check.js';
import {
  selectSeries,
  seriesTable,
  summariseSeries,
  type SeriesSummary,
  type SeriesTable,
  type SeriesTableOptions,
} from '../domain/indicators/series.js';
import { readIndicatorStore, type IndicatorImportRecord, type IndicatorPaths } from './store.js';

export async function listIndicators(
  paths: IndicatorPaths,
): Promise<{ series: SeriesSummary[]; imports: readonly IndicatorImportRecord[] }> {
  const store = await readIndicatorStore(paths);
  return { series: summariseSeries(store.values), imports: store.imports };
}

export async function indicatorTable(paths: IndicatorPaths, options: SeriesTableOptions): Promise<SeriesTable> {
  return seriesTable((await readIndicatorStore(paths)).values, options);
}

export interface IndicatorCheckResult {
  /** Printed percentages checked. */
  readonly checked: number;
  /** How many do not match the arithmetic. */
  readonly mismatches: number;
  readonly checks: readonly PublishedCheck[];
}

/** Checks the printed percentages of one series, or of every series. */
export async function checkIndicators(paths: IndicatorPaths, series?: string): Promise<IndicatorCheckResult> {
  const { values } = await readIndicatorStore(paths);
  const checks = checkPublishedPercentages(series === undefined ? values : selectSeries(values, series));
  return { checked: checks.length, mismatches: checks.filter((c) => c.status === 'mismatch').length, checks };
}
