/**
 * Indicator tables as rows of text for a terminal (and later the report): numbers with thousands
 * separators, percentages rounded for display by the one rule in percent.ts (half away from zero,
 * 1 decimal place), blanks for missing figures, and every number column right-aligned.
 */
import type { MonthYearTable } from '../domain/indicators/month-year-table.js';
import type { PublishedCheck } from '../domain/indicators/published-check.js';
import type { SeriesTable } from '../domain/indicators/series.js';
import type { YearTable } from '../domain/indicators/year-table.js';
import { formatPct } from '../domain/indicators/percent.js';

export interface TextTable {
  readonly heading: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
}

export const DISPLAY_RULE =
  'Percentages are computed at full precision and rounded half away from zero to 1 decimal place for display; ' +
  'n/a = no percentage (no earlier figure, or a base of 0); a blank cell = no figure (missing, not zero).';

export function seriesTableText(t: SeriesTable): TextTable[] {
  const unit = t.unit ? ` (${t.unit})` : '';
  return t.type === 'month-year'
    ? monthYearText(t.table, `${t.series}, ${t.organisation}${unit}`)
    : [yearText(t.table, `${t.series}${unit}`)];
}

function monthYearText(t: MonthYearTable, name: string): TextTable[] {
  const years = t.basis === 'financial' ? 'financial years (April to March)' : 'calendar years';
  const ytd = `YTD ${t.ytd.label}`;
  const columns = [
    'year',
    ...t.columns,
    'total',
    t.granularity === 'month' ? 'months' : 'quarters',
    'YoY',
    ytd,
    'YTD YoY',
  ];
  const rows: Record<string, string>[] = t.rows.map((r, i) => ({
    year: r.year,
    ...Object.fromEntries(t.columns.map((c, j) => [c, num(r.cells[j])])),
    total: num(r.total),
    [columns[t.columns.length + 2]!]: String(r.periods),
    YoY: i === 0 ? '' : formatPct(r.totalYoyPct),
    [ytd]: num(r.ytd),
    'YTD YoY': i === 0 ? '' : formatPct(r.ytdYoyPct),
  }));
  rows.push({
    year: 'total',
    ...Object.fromEntries(t.columns.map((c, j) => [c, num(t.columnTotals[j])])),
    total: num(t.grandTotal),
  });
  const change = t.rows.slice(1).map((r) => ({
    year: r.year,
    ...Object.fromEntries(t.columns.map((c, j) => [c, r.cells[j] === null ? '' : formatPct(r.yoyPct[j] ?? null)])),
  }));
  return [
    aligned(`${name}: ${years}; YoY of a total only between complete years`, columns, rows),
    aligned(`Year-on-year change by ${t.granularity}`, ['year', ...t.columns], change),
  ];
}

function yearText(t: YearTable, name: string): TextTable {
  const columns = ['year', ...t.organisations.flatMap((o) => [o, `${o} YoY`, `${o} share`]), 'total', 'total YoY'];
  const rows = t.rows.map((r, i) => ({
    year: r.period,
    ...Object.fromEntries(
      r.cells.flatMap((c) => [
        [c.organisation, num(c.value)],
        [`${c.organisation} YoY`, i === 0 || c.value === null ? '' : formatPct(c.yoyPct)],
        [`${c.organisation} share`, c.value === null || r.total === null ? '' : formatPct(c.sharePct, 1, false)],
      ]),
    ),
    total: num(r.total),
    'total YoY': i === 0 || r.total === null ? '' : formatPct(r.totalYoyPct),
  }));
  const kind = t.kind === 'financial-year' ? 'financial years' : 'calendar years';
  return aligned(
    `${name}: ${kind}; share = share of the organisations' total; a total only where every organisation has a figure`,
    columns,
    rows,
  );
}

export function checkText(checks: readonly PublishedCheck[]): TextTable {
  const columns = ['series', 'organisation', 'period', 'value', 'against', 'previous', 'printed', 'computed', 'status'];
  const rows = checks.map((c) => ({
    series: c.series,
    organisation: c.organisation,
    period: c.period,
    value: num(c.value),
    against: c.comparedWith,
    previous: num(c.previous),
    printed: c.printed,
    computed: c.computedPct === null ? 'n/a' : formatPct(c.computedPct, 3),
    status: c.status,
  }));
  return aligned('Printed year-on-year changes against the figures', columns, rows, [
    'series',
    'organisation',
    'period',
    'against',
    'printed',
    'status',
  ]);
}

function num(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : x.toLocaleString('en-GB');
}

/**
 * Right-aligns every column except those named (the first by default), header included, by
 * padding cells and column names to one width: a plain table printer then lines them up.
 */
function aligned(
  heading: string,
  columns: readonly string[],
  rows: readonly Record<string, string>[],
  left: readonly string[] = [columns[0]!],
): TextTable {
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length));
  const names = columns.map((c) => (left.includes(c) ? c : c.padStart(width(c))));
  return {
    heading,
    columns: names,
    rows: rows.map((r) =>
      Object.fromEntries(
        columns.map((c, i) => [names[i]!, left.includes(c) ? (r[c] ?? '') : (r[c] ?? '').padStart(width(c))]),
      ),
    ),
  };
}
