/**
 * A monthly or quarterly series from CSV files, for `stra forecast <file.csv>`: either long (a
 * period column, `YYYY-MM` or `YYYYMM`, and a count column) or wide (one column per period, as
 * the Metropolitan Police's borough tables are), rows summed after `--where Column=Value`
 * filters. Several files are joined (the MPS historical and recent-24-month files); a period in
 * two files is refused rather than added twice.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { addMonths, monthIndex, parseMonth, type Month } from '../../domain/crime/month.js';
import type { CountSeries, Frequency } from '../../domain/forecast/series.js';
import { inputError, usageError } from '../../errors.js';

export interface CsvSeriesOptions {
  /** `Column=Value` filters, all of which a row must meet. */
  readonly where?: readonly string[];
  /** Long form: the count column (default `count`, else `value`). */
  readonly value?: string;
  readonly frequency?: Frequency;
}

const PERIOD = /^(\d{4})-?(\d{2})$/;
const asMonth = (text: string): Month | undefined => {
  const m = PERIOD.exec(text.trim());
  return m ? parseMonth(`${m[1]}-${m[2]}`) : undefined;
};

export async function csvSeries(files: readonly string[], options: CsvSeriesOptions = {}): Promise<CountSeries> {
  const filters = (options.where ?? []).map((w) => {
    const i = w.indexOf('=');
    if (i < 1) throw usageError(`--where: '${w}' should be Column=Value`);
    return [w.slice(0, i), w.slice(i + 1)] as const;
  });
  const totals = new Map<Month, number>();
  for (const file of files) {
    const bytes = await readFile(file);
    const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    const rows = parse(text, { bom: true, skip_empty_lines: true }) as string[][];
    const header = rows[0];
    if (!header) throw inputError(`${file}: the file is empty`);
    for (const [col] of filters)
      if (!header.includes(col))
        throw usageError(`--where: ${file} has no column '${col}' (it has ${header.slice(0, 8).join(', ')}...)`);
    const keep = (r: string[]) => filters.every(([c, v]) => r[header.indexOf(c)] === v);
    const periodCols = header.map((h, i) => [asMonth(h), i] as const).filter(([m]) => m !== undefined);
    const mine = new Map<Month, number>();
    const add = (m: Month, v: string, line: number) => {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw inputError(`${file}, line ${line}: '${v}' is not a count`);
      mine.set(m, (mine.get(m) ?? 0) + n);
    };
    if (periodCols.length >= 2) {
      rows.slice(1).forEach((r, k) => {
        if (keep(r)) for (const [m, i] of periodCols) add(m!, r[i] ?? '', k + 2);
      });
    } else {
      const p = header.findIndex((h) => /^(month|period|date)$/i.test(h));
      const valueName = options.value ?? (header.includes('count') ? 'count' : 'value');
      const v = header.indexOf(valueName);
      if (p < 0 || v < 0)
        throw inputError(
          `${file}: neither wide (a column per month, YYYYMM or YYYY-MM) nor long (a month column and a '${valueName}' column; name another with --value)`,
        );
      rows.slice(1).forEach((r, k) => {
        if (!keep(r)) return;
        const m = asMonth(r[p] ?? '');
        if (!m) throw inputError(`${file}, line ${k + 2}: '${r[p]}' is not a month (YYYY-MM or YYYYMM)`);
        add(m, r[v] ?? '', k + 2);
      });
    }
    if (mine.size === 0)
      throw inputError(`${file}: no rows match ${filters.map(([c, v]) => `${c}=${v}`).join(', ') || 'the file'}`);
    for (const [m, n] of mine) {
      if (totals.has(m)) throw inputError(`${file}: ${m} is also in an earlier file; give each period once`);
      totals.set(m, n);
    }
  }
  const months = [...totals.keys()].sort();
  const frequency = options.frequency ?? 'month';
  const step = frequency === 'month' ? 1 : 3;
  const first = months[0]!;
  const length = Math.floor((monthIndex(months.at(-1)!) - monthIndex(first)) / step) + 1;
  const values = Array.from({ length }, (_, k) => totals.get(addMonths(first, k * step)) ?? null);
  return { start: first, frequency, values };
}
