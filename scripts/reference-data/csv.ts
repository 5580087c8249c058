/**
 * Reading the shared inputs (with the column named when it is missing) and writing the shipped
 * CSV files, plus the check that a recomputed figure matches the one the source printed.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export type Row = Record<string, string>;

export function readCsv(file: string): Row[] {
  const text = readFileSync(file);
  return parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Row[];
}

export function field(row: Row, name: string, file: string): string {
  const v = row[name];
  if (v === undefined) throw new Error(`${file}: column "${name}" missing`);
  return v;
}

export function num(value: string, what: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`${what}: not a number: "${value}"`);
  return n;
}

/** Count in a PRC table: 2017/18 writes " 66776 " and "-00" for zero; 2019/20 writes "84746.0". */
export function parsePrcCount(raw: string): number {
  const s = raw.trim();
  if (s === '-00') return 0;
  const n = Number(s);
  if (s === '' || !Number.isFinite(n)) throw new Error(`PRC count not a number: "${raw}"`);
  return n;
}

export interface PrcCode {
  readonly code: string;
  readonly description: string;
  readonly group: string;
  readonly subgroup: string;
}

export function readPrcCodes(file: string): Map<string, PrcCode> {
  const out = new Map<string, PrcCode>();
  for (const r of readCsv(file)) {
    const code = field(r, 'Offence Code', file).trim();
    if (!out.has(code)) {
      out.set(code, {
        code,
        description: field(r, 'Offence Description', file).trim(),
        group: field(r, 'Offence Group', file).trim(),
        subgroup: field(r, 'Offence Subgroup', file).trim(),
      });
    }
  }
  return out;
}

// Formatting

export function fixed(x: number, dp: number): string {
  const s = x.toFixed(dp);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns: columns.map((c) => ({ key: c, header: c })), record_delimiter: 'unix' },
  );
}

/** |computed - printed| within half a unit of the printed last digit. */
export function checkPrinted(computed: number, printed: string, what: string): void {
  if (printed.trim() === '') return;
  const dot = printed.indexOf('.');
  const dp = dot < 0 ? 0 : printed.length - dot - 1;
  const tol = 0.5 * 10 ** -dp + 1e-9;
  if (Math.abs(computed - Number(printed)) > tol) {
    throw new Error(`${what}: recomputed ${computed} does not match the published derived value ${printed}`);
  }
}
