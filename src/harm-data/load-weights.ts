/**
 * Load the harm weights and offence-code reference data shipped in `data/` (built by
 * `scripts/build-reference-data.ts`; sources in data/harm/README.md and data/reference/README.md),
 * and a force's own copy of the official per-offence Cambridge Crime Harm Index.
 *
 * Every row is validated; a bad row is refused with the file, line and field named.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { dataFile, packageRoot } from '../data-files.js';
import { inputError, notFoundError } from '../errors.js';
import { makeWeightsTable, type HarmWeight, type WeightsTable } from '../domain/harm/weights.js';

// ---------------------------------------------------------------------------------------------
// Where the data is

/**
 * The repository (package) root: the first folder above the code that holds a package.json.
 * Works from `src/` (tsx, vitest) and from the compiled `dist/src/` (see src/data-files.ts).
 */
export function findRepoRoot(): string {
  return packageRoot();
}

/** `<repo>/data`, where the shipped reference files live. */
export function dataDir(): string {
  return dataFile();
}

/** Shipped files, relative to `data/`. */
export const REFERENCE_FILES = {
  offenceCodes: 'reference/ho-offence-codes.csv',
  policeUkCategories: 'reference/policeuk-categories.csv',
  onsCssWeights: 'harm/ons-css-weights.csv',
  categoryWeights: 'harm/category-weights.csv',
} as const;

export function referenceFile(name: keyof typeof REFERENCE_FILES): string {
  return path.join(dataDir(), REFERENCE_FILES[name]);
}

// ---------------------------------------------------------------------------------------------
// CSV reading with line numbers

interface CsvRow {
  /** 1-based line of the file on which the record starts. */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

function readCsvFile(file: string): CsvTable {
  if (!existsSync(file)) throw notFoundError(`File not found: ${file}`, { file });
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(readFileSync(file), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw inputError(`${file}: not readable as CSV: ${msg}`, { file });
  }
  const first = records[0];
  if (first === undefined) throw inputError(`${file}: the file is empty (expected a header row)`, { file, line: 1 });
  const header = first.record.map((h) => h.trim());
  const rows: CsvRow[] = [];
  let prevEnd = first.info.lines;
  let prevEmpty = first.info.empty_lines;
  for (const { record, info } of records.slice(1)) {
    const line = prevEnd + 1 + (info.empty_lines - prevEmpty);
    prevEnd = info.lines;
    prevEmpty = info.empty_lines;
    if (record.length !== header.length) {
      throw inputError(`${file}:${line}: expected ${header.length} fields (as in the header), found ${record.length}`, {
        file,
        line,
      });
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      values[h] = record[i] ?? '';
    });
    rows.push({ line, values });
  }
  return { file, header, rows };
}

function requireColumns(table: CsvTable, columns: readonly string[]): void {
  for (const c of columns) {
    if (!table.header.includes(c)) {
      throw inputError(`${table.file}:1: field "${c}": column missing from the header`, {
        file: table.file,
        line: 1,
        field: c,
      });
    }
  }
}

function bad(table: CsvTable, row: CsvRow, fieldName: string, problem: string): never {
  const value = row.values[fieldName];
  throw inputError(
    `${table.file}:${row.line}: field "${fieldName}": ${problem}${value === undefined ? '' : ` (value "${value}")`}`,
    {
      file: table.file,
      line: row.line,
      field: fieldName,
      value,
    },
  );
}

function text(table: CsvTable, row: CsvRow, fieldName: string, opts: { required?: boolean } = {}): string {
  const v = (row.values[fieldName] ?? '').trim();
  if (opts.required && v === '') bad(table, row, fieldName, 'must not be empty');
  return v;
}

/** A number, or null for an empty cell when `allowEmpty`. Accepts "1,095" style thousands. */
function number(
  table: CsvTable,
  row: CsvRow,
  fieldName: string,
  opts: { allowEmpty?: boolean; min?: number } = {},
): number | null {
  const raw = text(table, row, fieldName);
  if (raw === '') {
    if (opts.allowEmpty) return null;
    bad(table, row, fieldName, 'must be a number, found an empty cell');
  }
  const cleaned = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw;
  const n = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isFinite(n)) bad(table, row, fieldName, 'is not a number');
  if (opts.min !== undefined && n < opts.min) bad(table, row, fieldName, `must be >= ${opts.min}`);
  return n;
}

function requiredNumber(table: CsvTable, row: CsvRow, fieldName: string, min?: number): number {
  const n = number(table, row, fieldName, min === undefined ? {} : { min });
  if (n === null) bad(table, row, fieldName, 'must be a number');
  return n;
}

function uniqueKey(table: CsvTable, row: CsvRow, fieldName: string, seen: Map<string, number>, key: string): void {
  const first = seen.get(key);
  if (first !== undefined) bad(table, row, fieldName, `"${key}" already given on line ${first}`);
  seen.set(key, row.line);
}

// ---------------------------------------------------------------------------------------------
// Offence codes and police.uk categories

export interface OffenceCodeRef {
  readonly code: string;
  readonly description: string;
  readonly group: string;
  readonly subgroup: string;
  /** police.uk street category slug; `null` for fraud (not in police.uk street data). */
  readonly policeUkCategory: string | null;
  /** E&W count 2019/20 (43 territorial forces); `null` for codes not in that table and for fraud. */
  readonly countEw201920: number | null;
  /** Financial years of the PRC tables (in ../shared/data/prc) that use the code, e.g. ["2017/18", "2019/20"]. */
  readonly prcTables: readonly string[];
  readonly notes: string;
}

export function loadOffenceCodes(file: string = referenceFile('offenceCodes')): OffenceCodeRef[] {
  const t = readCsvFile(file);
  requireColumns(t, [
    'offence_code',
    'offence_description',
    'offence_group',
    'offence_subgroup',
    'policeuk_category_slug',
    'count_ew_pfa_2019_20',
    'prc_tables',
    'notes',
  ]);
  const seen = new Map<string, number>();
  return t.rows.map((r) => {
    const code = text(t, r, 'offence_code', { required: true });
    uniqueKey(t, r, 'offence_code', seen, code);
    const prcTables = text(t, r, 'prc_tables').split(/\s+/).filter(Boolean);
    for (const y of prcTables)
      if (!/^\d{4}\/\d{2}$/.test(y)) bad(t, r, 'prc_tables', `"${y}" is not a financial year like 2019/20`);
    const slug = text(t, r, 'policeuk_category_slug');
    return {
      code,
      description: text(t, r, 'offence_description', { required: true }),
      group: text(t, r, 'offence_group', { required: true }),
      subgroup: text(t, r, 'offence_subgroup', { required: true }),
      policeUkCategory: slug === '' ? null : slug,
      countEw201920: number(t, r, 'count_ew_pfa_2019_20', { allowEmpty: true }),
      prcTables,
      notes: text(t, r, 'notes'),
    };
  });
}

export interface PoliceUkCategoryRef {
  /** Unique row key: the slug, or `slug@before-YYYY-MM` for an earlier label or scope. */
  readonly rowKey: string;
  /** data.police.uk API slug (not unique across rows: legacy labels share it). */
  readonly slug: string;
  readonly name: string;
  /** The `Crime type` text in the street CSV files. */
  readonly crimeTypeLabel: string;
  readonly status: 'current' | 'legacy';
  /** First month (YYYY-MM) in use, `null` if unknown. */
  readonly validFrom: string | null;
  /** Last month (YYYY-MM) in use, `null` if still current. */
  readonly validTo: string | null;
  /** How sure the months are. */
  readonly datesBasis: 'documented' | 'approximate' | 'disputed';
  readonly datesNote: string;
  readonly description: string;
}

export function loadPoliceUkCategories(file: string = referenceFile('policeUkCategories')): PoliceUkCategoryRef[] {
  const t = readCsvFile(file);
  requireColumns(t, [
    'row_key',
    'slug',
    'name',
    'crime_type_label',
    'status',
    'valid_from',
    'valid_to',
    'dates_basis',
    'dates_note',
    'description_policeuk',
  ]);
  const seen = new Map<string, number>();
  const month = (r: CsvRow, f: string): string | null => {
    const v = text(t, r, f);
    if (v === '') return null;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) bad(t, r, f, 'must be a month YYYY-MM or empty');
    return v;
  };
  return t.rows.map((r) => {
    const rowKey = text(t, r, 'row_key', { required: true });
    uniqueKey(t, r, 'row_key', seen, rowKey);
    const status = text(t, r, 'status');
    if (status !== 'current' && status !== 'legacy') bad(t, r, 'status', 'must be "current" or "legacy"');
    const basis = text(t, r, 'dates_basis');
    if (basis !== 'documented' && basis !== 'approximate' && basis !== 'disputed') {
      bad(t, r, 'dates_basis', 'must be documented, approximate or disputed');
    }
    const validFrom = month(r, 'valid_from');
    const validTo = month(r, 'valid_to');
    if (validFrom !== null && validTo !== null && validTo < validFrom) bad(t, r, 'valid_to', 'is before valid_from');
    return {
      rowKey,
      slug: text(t, r, 'slug', { required: true }),
      name: text(t, r, 'name', { required: true }),
      crimeTypeLabel: text(t, r, 'crime_type_label', { required: true }),
      status,
      validFrom,
      validTo,
      datesBasis: basis,
      datesNote: text(t, r, 'dates_note'),
      description: text(t, r, 'description_policeuk'),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Weights

const ONS_CSS_SOURCE =
  'ONS, Crime Severity Score (Experimental Statistics) data tool, sheet "List of weights" (OGL v3.0); copy: M-O-P-D/Police-Supply-Demand';

/** ONS Crime Severity Score weights by Home Office offence code (fraud present with no weight). */
export function loadOnsCssWeights(file: string = referenceFile('onsCssWeights')): WeightsTable {
  const t = readCsvFile(file);
  requireColumns(t, [
    'offence_code',
    'offence_description',
    'weight',
    'ons_weights_code',
    'ons_weights_offence',
    'edition',
    'match',
  ]);
  const seen = new Map<string, number>();
  const weights: HarmWeight[] = [];
  let edition: string | undefined;
  for (const r of t.rows) {
    const code = text(t, r, 'offence_code', { required: true });
    uniqueKey(t, r, 'offence_code', seen, code);
    const ed = text(t, r, 'edition', { required: true });
    if (edition === undefined) edition = ed;
    else if (ed !== edition)
      bad(t, r, 'edition', `differs from the edition on earlier rows ("${edition}"); one file holds one edition`);
    const weight = number(t, r, 'weight', { allowEmpty: true, min: 0 });
    const match = text(t, r, 'match', { required: true });
    const onsCode = text(t, r, 'ons_weights_code');
    weights.push({
      key: code,
      weight,
      source:
        weight === null
          ? ONS_CSS_SOURCE
          : `${ONS_CSS_SOURCE}; ONS row ${onsCode} "${text(t, r, 'ons_weights_offence')}"`,
      derivation: match,
    });
  }
  if (edition === undefined) throw inputError(`${file}: no weights in the file`, { file });
  return makeWeightsTable({ index: 'ons-css', keyKind: 'offence-code', edition, weights });
}

export type CategoryIndex = 'ons-css' | 'cchi-median' | 'cchi-mean';
/** Which year's national volumes weight the CCHI subgroup statistics (default 2024/25). */
export type CchiVolumes = '2024/25' | '2019/20';

export interface CategoryWeightsOptions {
  readonly file?: string;
  readonly cchiVolumes?: CchiVolumes;
}

const CATEGORY_COLUMNS = [
  'row_key',
  'slug',
  'crime_type_label',
  'ho_offence_codes',
  'css_weight_vw_2019_20',
  'prc_subgroups',
  'cchi_days_median_vw_2024_25',
  'cchi_days_mean_vw_2024_25',
  'cchi_days_median_vw_2019_20',
  'cchi_days_mean_vw_2019_20',
  'derivation',
] as const;

/**
 * Weights per police.uk category (keyed by row key: the slug for current categories, e.g.
 * `burglary`; `other-theft@before-2013-06` etc. for earlier scopes). Anti-social behaviour is
 * present with no weight. All category weights are derived (see data/harm/README.md).
 */
export function loadCategoryWeights(index: CategoryIndex, options: CategoryWeightsOptions = {}): WeightsTable {
  const file = options.file ?? referenceFile('categoryWeights');
  const volumes = options.cchiVolumes ?? '2024/25';
  const t = readCsvFile(file);
  requireColumns(t, CATEGORY_COLUMNS);
  const yy = volumes === '2024/25' ? '2024_25' : '2019_20';
  const column =
    index === 'ons-css'
      ? 'css_weight_vw_2019_20'
      : index === 'cchi-median'
        ? `cchi_days_median_vw_${yy}`
        : `cchi_days_mean_vw_${yy}`;
  const edition =
    index === 'ons-css'
      ? 'ONS CSS List of weights (edition current in 2019-20), volume-weighted per police.uk category by 2019/20 E&W offence counts'
      : `CCHI 2026 (Cambridge Centre for Evidence-Based Policing) PRC-subgroup ${index === 'cchi-median' ? 'medians' : 'means'}, volume-weighted per police.uk category by ${volumes} E&W counts`;
  const source =
    index === 'ons-css'
      ? `${ONS_CSS_SOURCE}; Home Office PRC open data 2019/20 counts`
      : 'Cambridge Crime Harm Index 2026 values sheet, subgroup statistics published by isthisben/cbl-realcrime (WEIGHTS.md @bddcde1); Home Office PRC open data counts';
  const seen = new Map<string, number>();
  const weights: HarmWeight[] = t.rows.map((r) => {
    const rowKey = text(t, r, 'row_key', { required: true });
    uniqueKey(t, r, 'row_key', seen, rowKey);
    const weight = number(t, r, column, { allowEmpty: true, min: 0 });
    const derivation = text(t, r, 'derivation', { required: true });
    if (weight === null) {
      return { key: rowKey, weight: null, source: 'none: no published weight exists', derivation };
    }
    const how =
      index === 'ons-css'
        ? `mean ONS CSS weight per offence over HO codes ${text(t, r, 'ho_offence_codes')}, weighted by 2019/20 E&W counts`
        : `mean of the PRC subgroup CCHI ${index === 'cchi-median' ? 'medians' : 'means'} over ${text(t, r, 'prc_subgroups')}, weighted by ${volumes} E&W counts`;
    return { key: rowKey, weight, source, derivation: `DERIVED (${column}): ${how}. ${derivation}` };
  });
  return makeWeightsTable({ index, keyKind: 'policeuk-category', edition, weights });
}

// ---------------------------------------------------------------------------------------------
// A force's own copy of the official Cambridge Crime Harm Index (per offence)

/** Header spellings accepted for the offence code column (compared lower-case, letters and digits only). */
export const FORCE_CCHI_CODE_HEADERS: readonly string[] = [
  'hocode',
  'homeofficeclassification',
  'homeofficecode',
  'homeofficeoffencecode',
  'hooffencecode',
  'offencecode',
  'hoclassification',
  'classification',
  'code',
];

/** Header spellings accepted for the CCHI value column. */
export const FORCE_CCHI_DAYS_HEADERS: readonly string[] = [
  'cchi',
  'cchidays',
  'cchivalue',
  'cchiscore',
  'chi',
  'chidays',
  'harmdays',
  'days',
  'cchi2026',
  'cchidays2026',
  'cchi2023',
  'cchi2021',
];

const normalizeHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

function findColumn(t: CsvTable, accepted: readonly string[], what: string): string {
  const hits = t.header.filter((h) => accepted.includes(normalizeHeader(h)));
  if (hits.length === 0) {
    throw inputError(
      `${t.file}:1: no ${what} column; accepted headers (case, spaces and punctuation ignored): ${accepted.join(', ')}; found: ${t.header.join(', ')}`,
      { file: t.file, line: 1, field: what },
    );
  }
  if (hits.length > 1) {
    throw inputError(`${t.file}:1: more than one ${what} column (${hits.join(', ')}); keep only one`, {
      file: t.file,
      line: 1,
      field: what,
    });
  }
  return hits[0] as string;
}

export interface ForceCchiOptions {
  /** Edition to print with results, e.g. "CCHI Feb 2026". Defaults to one naming the file. */
  readonly edition?: string;
}

/**
 * Load a force's export of the official Cambridge Crime Harm Index sheet: one row per Home
 * Office offence code with its CCHI value in days. Accepted headers: see
 * FORCE_CCHI_CODE_HEADERS / FORCE_CCHI_DAYS_HEADERS (e.g. HO_CODE, HOME_OFFICE_CLASSIFICATION,
 * offence_code; CCHI, cchi_days, days). Other columns are ignored. Codes are trimmed and
 * upper-cased. A code given twice with the same value is accepted; with different values it is
 * refused. Rows with an empty code or a value that is not a number >= 0 are refused, naming the
 * line and field.
 */
export function loadForceCchiTable(file: string, options: ForceCchiOptions = {}): WeightsTable {
  const t = readCsvFile(file);
  const codeCol = findColumn(t, FORCE_CCHI_CODE_HEADERS, 'offence code');
  const daysCol = findColumn(t, FORCE_CCHI_DAYS_HEADERS, 'CCHI days');
  const byCode = new Map<string, { line: number; days: number }>();
  for (const r of t.rows) {
    const code = text(t, r, codeCol, { required: true }).toUpperCase();
    const days = requiredNumber(t, r, daysCol, 0);
    const prev = byCode.get(code);
    if (prev !== undefined) {
      if (prev.days !== days)
        bad(t, r, daysCol, `offence code "${code}" already has ${prev.days} days on line ${prev.line}`);
      continue;
    }
    byCode.set(code, { line: r.line, days });
  }
  if (byCode.size === 0) throw inputError(`${file}: no rows after the header`, { file });
  const name = path.basename(file);
  const weights: HarmWeight[] = [...byCode].map(([code, { line, days }]) => ({
    key: code,
    weight: days,
    source: `Cambridge Crime Harm Index, force copy ${name}`,
    derivation: `CCHI days as given on line ${line} of ${name} (column "${daysCol}")`,
  }));
  return makeWeightsTable({
    index: 'cchi-offence',
    keyKind: 'offence-code',
    edition: options.edition ?? `Cambridge Crime Harm Index, force-supplied table ${name}`,
    weights,
  });
}
