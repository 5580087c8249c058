/**
 * Test helper: the long real recorded-crime series in ../shared/data/series (see its README)
 * reshaped into CountSeries for the forecasting tests. Read in place, never copied.
 *
 * - MPS borough x category, monthly: two wide files (historical Apr 2010 - Feb 2023, recent Mar
 *   2023 - Feb 2025) joined into one 179-month series per (major, minor, borough). A combination
 *   absent from a file had no crimes in that file's window (README), so its months there are 0.
 * - Home Office PRC by police force area, quarterly (financial quarters, Apr 2012 - Jun 2023),
 *   summed over offence codes as asked.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { CountSeries } from '../src/domain/forecast/series.js';
import { sharedData } from './shared-data.js';

export interface MpsRow {
  readonly major: string;
  readonly minor: string;
  readonly borough: string;
  readonly values: number[];
}

const MPS_START = '2010-04';
const MPS_MONTHS = 179;

/** Every (major, minor, borough) row with its 179 monthly counts, Apr 2010 - Feb 2025. */
export function readMpsRows(): MpsRow[] {
  const files = [
    'mps_borough_monthly_historical_apr2010_feb2023.csv',
    'mps_borough_monthly_recent24_mar2023_feb2025.csv',
  ];
  const rows = new Map<string, MpsRow>();
  let offset = 0;
  for (const file of files) {
    const records = parse(readFileSync(sharedData('series', file)), { bom: true }) as string[][];
    const header = records[0]!;
    const months = header.length - 3;
    for (const r of records.slice(1)) {
      const key = `${r[0]}|${r[1]}|${r[2]}`;
      let row = rows.get(key);
      if (!row) {
        row = { major: r[0]!, minor: r[1]!, borough: r[2]!, values: new Array<number>(MPS_MONTHS).fill(0) };
        rows.set(key, row);
      }
      for (let i = 0; i < months; i++) row.values[offset + i] = Number(r[3 + i]);
    }
    offset += months;
  }
  if (offset !== MPS_MONTHS) throw new Error(`expected ${MPS_MONTHS} MPS months, read ${offset}`);
  return [...rows.values()];
}

/** Sum of the rows that pass `keep`, as a monthly series. */
export function mpsSeries(rows: readonly MpsRow[], keep: (r: MpsRow) => boolean): CountSeries {
  const values = new Array<number>(MPS_MONTHS).fill(0);
  for (const r of rows) if (keep(r)) r.values.forEach((v, i) => (values[i]! += v));
  return { start: MPS_START, frequency: 'month', values };
}

export interface PrcRow {
  readonly year: string;
  readonly quarter: number;
  readonly force: string;
  readonly group: string;
  readonly subgroup: string;
  readonly code: string;
  readonly count: number;
}

export function readPrcRows(): PrcRow[] {
  const text = gunzipSync(readFileSync(sharedData('series', 'prc_pfa_quarterly_apr2012_jun2023.csv.gz')));
  const records = parse(text, { bom: true, from_line: 2 }) as string[][];
  return records.map((r) => ({
    year: r[0]!,
    quarter: Number(r[1]),
    force: r[2]!,
    group: r[4]!,
    subgroup: r[5]!,
    code: r[6]!,
    count: Number(r[7]),
  }));
}

/** Quarterly series for one force, summed over the rows that pass `keep`, from 2012/13 Q1. */
export function prcSeries(rows: readonly PrcRow[], force: string, keep: (r: PrcRow) => boolean): CountSeries {
  const values = new Array<number>(45).fill(0);
  for (const r of rows) {
    if (r.force !== force || !keep(r)) continue;
    const index = (Number(r.year.slice(0, 4)) - 2012) * 4 + (r.quarter - 1);
    values[index]! += r.count;
  }
  return { start: '2012-04', frequency: 'quarter', values };
}
