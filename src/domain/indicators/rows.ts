/**
 * Checks the rows of an indicator CSV before anything is stored: every field of every row, so a
 * file is refused with all its problems listed at once (`file, line N, field: reason`) rather than
 * one at a time. Pure: the caller reads and parses the file and supplies physical line numbers.
 */
import { parsePeriod, formatPeriod, periodKindWords, type PeriodKind } from './period.js';
import { parsePrintedPercent } from './published-check.js';
import { valueKey, type IndicatorValue } from './types.js';
import { plural } from '../plural.js';

export const REQUIRED_COLUMNS = ['series', 'organisation', 'period', 'value'] as const;
export const OPTIONAL_COLUMNS = ['unit', 'published_pct', 'source'] as const;
export type IndicatorColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const ALL_COLUMNS: readonly IndicatorColumn[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export interface RowError {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

export function formatRowError(e: RowError): string {
  return `${e.file}, line ${e.line}, ${e.field}: ${e.reason}`;
}

/** A data row: its physical line and its fields by position, as in the header. */
export interface RawRow {
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CheckedValue extends IndicatorValue {
  readonly line: number;
}

/**
 * Matches header names to the columns, ignoring case, spaces, hyphens and underscores
 * (`Published PCT` = `published_pct`). Missing, unknown and repeated columns are errors, so nothing
 * in a file is silently dropped.
 */
export function matchHeader(
  header: readonly string[],
  file: string,
  line = 1,
): { columns: (IndicatorColumn | undefined)[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const canon = (h: string) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
  const columns = header.map((h) => ALL_COLUMNS.find((c) => canon(c) === canon(h)));
  header.forEach((h, i) => {
    const c = columns[i];
    if (c === undefined)
      errors.push({
        file,
        line,
        field: h.trim() || `column ${i + 1}`,
        reason: `unexpected column (the columns are ${ALL_COLUMNS.join(', ')})`,
      });
    else if (columns.indexOf(c) !== i)
      errors.push({ file, line, field: h.trim(), reason: `column ${c} appears twice` });
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c))
      errors.push({
        file,
        line,
        field: c,
        reason: `required column is missing (the header needs ${REQUIRED_COLUMNS.join(', ')})`,
      });
  }
  return { columns, errors };
}

/**
 * Checks every row. `knownKinds` gives the period kind of series already stored: a series holds
 * one kind of period (all months, or all financial years, ...), so tables never mix them.
 */
export function checkRows(
  file: string,
  columns: readonly (IndicatorColumn | undefined)[],
  rows: readonly RawRow[],
  knownKinds: ReadonlyMap<string, PeriodKind> = new Map(),
): { values: CheckedValue[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const values: CheckedValue[] = [];
  const seen = new Map<string, number>();
  const kindInFile = new Map<string, { kind: PeriodKind; line: number }>();
  for (const row of rows) {
    const at = (field: string, reason: string) => errors.push({ file, line: row.line, field, reason });
    if (row.fields.length !== columns.length) {
      at('row', `has ${plural(row.fields.length, 'field')}; the header has ${columns.length}`);
      continue;
    }
    const get = (c: IndicatorColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : (row.fields[i] ?? '').trim();
    };
    const before = errors.length;
    for (const c of REQUIRED_COLUMNS) if (get(c) === '') at(c, 'is empty');
    const series = get('series');
    const organisation = get('organisation');
    let period: string | undefined;
    const periodText = get('period');
    if (periodText !== '') {
      const p = parsePeriod(periodText);
      if (!p.ok) at('period', p.reason);
      else {
        period = formatPeriod(p.period);
        const kind = p.period.kind;
        const known = knownKinds.get(series);
        const inFile = kindInFile.get(series);
        if (known !== undefined && known !== kind) {
          at(
            'period',
            `'${periodText}' is one of the ${periodKindWords(kind)}, but series '${series}' already holds ${periodKindWords(known)}; a series holds one kind of period`,
          );
        } else if (inFile !== undefined && inFile.kind !== kind) {
          at(
            'period',
            `'${periodText}' is one of the ${periodKindWords(kind)}, but line ${inFile.line} gives series '${series}' ${periodKindWords(inFile.kind)}; a series holds one kind of period`,
          );
        } else if (series !== '' && inFile === undefined) kindInFile.set(series, { kind, line: row.line });
      }
    }
    const valueText = get('value');
    const value = valueText === '' ? undefined : parseAmount(valueText);
    if (valueText !== '' && typeof value === 'string') at('value', value);
    const published = get('published_pct');
    if (published !== '') {
      const p = parsePrintedPercent(published);
      if (!p.ok) at('published_pct', p.reason);
    }
    if (errors.length > before || period === undefined || typeof value !== 'number') continue;
    const key = valueKey({ series, organisation, period });
    const first = seen.get(key);
    if (first !== undefined) {
      at('period', `series '${series}', organisation '${organisation}', period ${period} is already on line ${first}`);
      continue;
    }
    seen.set(key, row.line);
    const unit = get('unit');
    const sourceName = get('source');
    values.push({
      series,
      organisation,
      period,
      value,
      ...(unit ? { unit } : {}),
      ...(published ? { publishedPct: published } : {}),
      ...(sourceName ? { sourceName } : {}),
      line: row.line,
    });
  }
  return { values, errors };
}

/** A non-negative decimal number, optionally with thousands separators (`52,327`); else the reason. */
export function parseAmount(text: string): number | string {
  const t = text.trim();
  if (/^-\s*[\d.,]+$/.test(t)) return `'${t}' is negative; indicator values are counts or amounts (0 or more)`;
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(t)) return `'${t}' is not a number (expected e.g. 1301, 52,327 or 12.5)`;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : `'${t}' is too large`;
}
