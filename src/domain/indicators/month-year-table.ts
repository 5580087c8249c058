/**
 * The month x year table of a report: one row per year (calendar, or financial April-March), one
 * column per month (or quarter), row and column totals, the year-on-year % change of every cell
 * and of every complete year, and year-to-date totals with their % change. Missing periods stay
 * missing (null), never zero: a year with a gap is marked incomplete and gets no full-year change.
 */
import { usageError, inputError } from '../../errors.js';
import { MONTH_NAMES, formatPeriod, monthsCovered, parsePeriod, startMonthIndex, type Period } from './period.js';
import { pctChange } from './percent.js';
import type { IndicatorValue } from './types.js';

export type YearBasis = 'calendar' | 'financial';

export interface MonthYearTableOptions {
  /** Calendar years (January-December) or financial years (April-March). */
  readonly basis: YearBasis;
  /**
   * Last month (1-12) of the year to date, e.g. 9 for April-September in financial years.
   * Default: the last month with a value in the latest year.
   */
  readonly ytdTo?: number;
}

export interface MonthYearRow {
  /** `2016` (calendar) or `2016/17` (financial). */
  readonly year: string;
  /** One per column; null when there is no value (missing, not zero). */
  readonly cells: readonly (number | null)[];
  /** Each cell against the same column a year earlier; null when either is missing or the base is 0. */
  readonly yoyPct: readonly (number | null)[];
  /** Sum of the values present. */
  readonly total: number;
  /** How many columns have a value. */
  readonly periods: number;
  /** Every column has a value. */
  readonly complete: boolean;
  /** Total against the previous year's; only when both years are complete. */
  readonly totalYoyPct: number | null;
  /** Sum from the start of the year to the YTD month; null when any of those periods is missing. */
  readonly ytd: number | null;
  /** YTD against the previous year's YTD; null when either is null or the base is 0. */
  readonly ytdYoyPct: number | null;
}

export interface MonthYearTable {
  readonly granularity: 'month' | 'quarter';
  readonly basis: YearBasis;
  /** Column labels in year order: `Apr` ... `Mar`, or `Apr-Jun` ... `Jan-Mar` for quarters. */
  readonly columns: readonly string[];
  /** Every year from the first to the last with data, gaps included. */
  readonly rows: readonly MonthYearRow[];
  /** Per column: sum over the years that have a value; null when none has. */
  readonly columnTotals: readonly (number | null)[];
  /** Sum of every value in the table. */
  readonly grandTotal: number;
  /** The year-to-date range: last month (1-12), label (`Apr-Sep`) and number of columns it spans. */
  readonly ytd: { readonly toMonth: number; readonly label: string; readonly columns: number };
}

export function monthYearTable(
  values: readonly Pick<IndicatorValue, 'period' | 'value'>[],
  options: MonthYearTableOptions,
): MonthYearTable {
  if (values.length === 0) throw inputError('no values to tabulate');
  const periods = values.map((v) => {
    const p = parsePeriod(v.period);
    if (!p.ok) throw inputError(p.reason);
    return { period: p.period, value: v.value };
  });
  const kind = periods[0]!.period.kind;
  if (kind !== 'month' && kind !== 'quarter')
    throw inputError(`a month x year table needs months or quarters, not ${kind.replace('-', ' ')}s`);
  if (periods.some((p) => p.period.kind !== kind))
    throw inputError('the values mix months and quarters; tabulate one kind of period at a time');
  const width = monthsCovered(periods[0]!.period); // 1 or 3
  const columnsPerYear = 12 / width;
  const firstMonth = options.basis === 'financial' ? 4 : 1;
  const place = (p: Period) => {
    const offset = startMonthIndex(p) - (firstMonth - 1);
    return { year: Math.floor(offset / 12), column: Math.floor((((offset % 12) + 12) % 12) / width) };
  };

  const grid = new Map<number, (number | null)[]>();
  for (const { period, value } of periods) {
    const { year, column } = place(period);
    const cells = grid.get(year) ?? new Array<number | null>(columnsPerYear).fill(null);
    if (cells[column] !== null) throw inputError(`${formatPeriod(period)} appears twice`);
    cells[column] = value;
    grid.set(year, cells);
  }
  const years = [...grid.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const empty = () => new Array<number | null>(columnsPerYear).fill(null);

  const lastColumnWithData = (grid.get(last) ?? empty()).findLastIndex((c) => c !== null);
  const ytdColumns = ytdColumnCount(options, firstMonth, width, lastColumnWithData);
  const ytdToMonth = ((firstMonth - 1 + ytdColumns * width - 1) % 12) + 1;

  const rows: MonthYearRow[] = [];
  for (let y = first; y <= last; y++) {
    const cells = grid.get(y) ?? empty();
    const before = grid.get(y - 1) ?? empty();
    const previousRow = rows[rows.length - 1];
    const present = cells.filter((c): c is number => c !== null);
    const complete = present.length === columnsPerYear;
    const total = sum(present);
    const ytdCells = cells.slice(0, ytdColumns);
    const ytd = ytdCells.every((c) => c !== null) ? sum(ytdCells as number[]) : null;
    rows.push({
      year: yearLabel(y, options.basis),
      cells,
      yoyPct: cells.map((c, i) =>
        c === null || before[i] === null || before[i] === undefined ? null : pctChange(before[i], c),
      ),
      total,
      periods: present.length,
      complete,
      totalYoyPct: complete && previousRow?.complete ? pctChange(previousRow.total, total) : null,
      ytd,
      ytdYoyPct: ytd !== null && previousRow?.ytd != null ? pctChange(previousRow.ytd, ytd) : null,
    });
  }

  const columnTotals = Array.from({ length: columnsPerYear }, (_, i) => {
    const col = rows.map((r) => r.cells[i]).filter((c): c is number => c !== null && c !== undefined);
    return col.length ? sum(col) : null;
  });
  return {
    granularity: kind,
    basis: options.basis,
    columns: Array.from({ length: columnsPerYear }, (_, i) => columnLabel(firstMonth + i * width, width)),
    rows,
    columnTotals,
    grandTotal: sum(rows.map((r) => r.total)),
    ytd: {
      toMonth: ytdToMonth,
      label: ytdToMonth === firstMonth ? monthName(firstMonth) : `${monthName(firstMonth)}-${monthName(ytdToMonth)}`,
      columns: ytdColumns,
    },
  };
}

/** How many columns the year to date spans; checks that a quarterly YTD ends at a quarter's end. */
function ytdColumnCount(
  options: MonthYearTableOptions,
  firstMonth: number,
  width: number,
  lastColumnWithData: number,
): number {
  if (options.ytdTo === undefined) return lastColumnWithData + 1;
  if (!Number.isInteger(options.ytdTo) || options.ytdTo < 1 || options.ytdTo > 12) {
    throw usageError(`year to date: '${options.ytdTo}' is not a month (expected 1 to 12)`);
  }
  const monthsIn = ((options.ytdTo - firstMonth + 12) % 12) + 1;
  if (monthsIn % width !== 0) {
    throw usageError(
      `year to date: quarterly figures can only be summed to the end of a quarter, not to ${monthName(options.ytdTo)}`,
    );
  }
  return monthsIn / width;
}

export function yearLabel(year: number, basis: YearBasis): string {
  return basis === 'financial' ? `${year}/${String((year + 1) % 100).padStart(2, '0')}` : String(year);
}

function columnLabel(month: number, width: number): string {
  return width === 1 ? monthName(month) : `${monthName(month)}-${monthName(month + width - 1)}`;
}

function monthName(month: number): string {
  return MONTH_NAMES[(((month - 1) % 12) + 12) % 12]!;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
