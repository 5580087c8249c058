/**
 * Public API of the indicator tables: periods, percentages, the month x year and year tables, the
 * published-figure check, row checks and upsert. Pure functions; see src/indicators/README.md.
 */
export type { IndicatorValue } from './types.js';
export { valueKey } from './types.js';
export {
  PERIOD_FORMS,
  comparePeriods,
  formatPeriod,
  parsePeriod,
  periodOf,
  sameTimeLastYear,
  type Period,
  type PeriodKind,
} from './period.js';
export { formatPct, pctChange, roundHalfAwayFromZero, shareOf } from './percent.js';
export {
  monthYearTable,
  type MonthYearRow,
  type MonthYearTable,
  type MonthYearTableOptions,
  type YearBasis,
} from './month-year-table.js';
export { yearTable, type YearTable, type YearTableCell, type YearTableRow } from './year-table.js';
export {
  checkPrinted,
  checkPublishedPercentages,
  parsePrintedPercent,
  type PrintedCheck,
  type PrintedPercent,
  type PublishedCheck,
} from './published-check.js';
export {
  checkRows,
  formatRowError,
  matchHeader,
  parseAmount,
  REQUIRED_COLUMNS,
  OPTIONAL_COLUMNS,
  type CheckedValue,
  type RawRow,
  type RowError,
} from './rows.js';
export {
  mergeValues,
  sortValues,
  type FieldChange,
  type MergeOptions,
  type MergeResult,
  type ValueUpdate,
} from './merge.js';
export {
  seriesTable,
  selectSeries,
  summariseSeries,
  type SeriesSummary,
  type SeriesTable,
  type SeriesTableOptions,
} from './series.js';
