/**
 * The Home Office police recorded crime (PRC) open data tables, force level: one CSV per
 * financial year, a row per force x quarter x offence code. A file covers one financial year for
 * every force, so its source key is (table `prc`, force `all`, the first month of the year): a
 * re-issued release of the same year replaces it whole. Rows are parsed in JS (see rows.ts),
 * not by DuckDB, because of the count quirks of each release (see count.ts).
 */
import type { SourceFormat } from '../../format.js';

export const PRC_HEADER = [
  'Financial Year',
  'Financial Quarter',
  'Force Name',
  'Offence Description',
  'Offence Group',
  'Offence Subgroup',
  'Offence Code',
  'Number of Offences',
] as const;

/** Recognised by its exact header; loaded by `load.ts` beside it. */
export const prcFormat: SourceFormat = {
  kind: 'prc',
  title: 'Home Office PRC table',
  table: 'prc',
  header: PRC_HEADER,
  headerOrder: 'exact',
  select: {},
  checks: [],
};

export interface FinancialYear {
  /** `2017/18`. */
  readonly label: string;
  /** 2017 for 2017/18. */
  readonly start: number;
  /** First month of the year, `2017-04`: the source key's month. */
  readonly firstMonth: string;
}

/** `2017/18` (or `2017-18`) -> the financial year April 2017 to March 2018; undefined if not one. */
export function parseFinancialYear(text: string): FinancialYear | undefined {
  const m = /^(\d{4})\s*[/-]\s*(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  if (Number(m[2]) !== (start + 1) % 100) return undefined;
  return { label: `${start}/${m[2]}`, start, firstMonth: `${start}-04` };
}

export type PrcKey = { ok: true; force: 'all'; month: string } | { ok: false; reason: string };

/** The source key of a PRC file, from its first data row's `Financial Year`. */
export function prcSourceKey(first: readonly string[] | undefined, header: readonly string[]): PrcKey {
  if (!first) return { ok: false, reason: 'the Home Office PRC table has no data rows' };
  const raw = first[header.indexOf('Financial Year')] ?? '';
  const year = parseFinancialYear(raw);
  if (!year)
    return { ok: false, reason: `the first row's Financial Year '${raw}' is not a financial year like 2017/18` };
  return { ok: true, force: 'all', month: year.firstMonth };
}
