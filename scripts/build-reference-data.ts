/**
 * Rebuild the harm-weight and offence-code reference files shipped in `data/` from the published
 * figures kept in `../shared/data/` (override with env STRA_SHARED_DATA):
 *
 *   data/reference/ho-offence-codes.csv     Home Office offence codes -> group, subgroup, police.uk category
 *   data/reference/policeuk-categories.csv  police.uk street categories, labels, status and validity months
 *   data/harm/ons-css-weights.csv           ONS Crime Severity Score weight per offence code
 *   data/harm/category-weights.csv          derived per-category weights (CSS and CCHI) with derivations
 *
 * Usage:  npx tsx scripts/build-reference-data.ts           (write the files)
 *         npx tsx scripts/build-reference-data.ts --check   (exit 1 if the shipped files differ)
 *
 * Every derived number is recomputed here from the inputs and then checked against the
 * derived values printed in ../shared/data/harm/policeuk_categories.csv (to their printed
 * precision); the script stops if any disagrees. See data/harm/README.md and
 * data/reference/README.md for sources and derivations.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

// ---------------------------------------------------------------------------------------------
// Paths

/** Walk up from `start` to the first folder holding a package.json. */
export function findRepoRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json found above ${start}`);
    dir = parent;
  }
}

export function defaultSharedDataDir(): string {
  return process.env.STRA_SHARED_DATA ?? path.resolve(findRepoRoot(), '..', 'shared', 'data');
}

/** Output files, relative to the repository root. */
export const OUTPUT_FILES = {
  offenceCodes: 'data/reference/ho-offence-codes.csv',
  categories: 'data/reference/policeuk-categories.csv',
  onsCss: 'data/harm/ons-css-weights.csv',
  categoryWeights: 'data/harm/category-weights.csv',
} as const;

// ---------------------------------------------------------------------------------------------
// Constants transcribed from the shared READMEs (each says where it comes from)

/** Edition of the ONS CSS weights in ../shared/data/harm/ons_css.csv (see its README). */
export const ONS_CSS_EDITION = 'ONS CSS List of weights, edition current in 2019-20 (Homicide 7973.393423)';

/** Old combined homicide code of the 2017/18 PRC table, replaced by 1, 4.1, 4.2, 4.10. */
const COMBINED_HOMICIDE = '1/4.1/4.10/4.2';
const HOMICIDE_CODES = ['1', '4.1', '4.2', '4.10'];

/**
 * Legacy police.uk rows and the current categories whose codes they cover (harm README,
 * policeuk_categories.csv: "Legacy rows use the union of the successor categories' codes").
 */
const LEGACY_UNIONS: Readonly<Record<string, readonly string[]>> = {
  'public-disorder-weapons': ['public-order', 'possession-of-weapons'],
  'other-theft@before-2013-06': ['other-theft', 'bicycle-theft', 'theft-from-the-person'],
  'violent-crime@before-2013-06': ['violent-crime'],
};

type DatesBasis = 'documented' | 'approximate' | 'disputed';
interface CategoryDates {
  readonly from: string;
  readonly to: string;
  readonly basis: DatesBasis;
  readonly note: string;
}

const PUK = '../shared/data/police-uk/README.md "Crime categories" table';
const HARM = '../shared/data/harm/README.md (policeuk_categories.csv)';

/**
 * Months each police.uk category (row) was in use, from the table in ../shared/data/police-uk/README.md
 * ("CSV Crime type <-> API slug, with the period each was used"). Where the harm README gives a
 * different month for the 2013 changes the row is marked "disputed" and both are quoted.
 */
const CATEGORY_DATES: Readonly<Record<string, CategoryDates>> = {
  'anti-social-behaviour': { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  burglary: { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  robbery: { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  'vehicle-crime': { from: '2010-12', to: '', basis: 'documented', note: `${PUK}: Dec 2010 -> present` },
  'other-crime': {
    from: '2010-12',
    to: '',
    basis: 'documented',
    note: `${PUK}: Dec 2010 -> present; scope narrowed when new categories split out in 2011`,
  },
  'criminal-damage-arson': { from: '2011-09', to: '', basis: 'approximate', note: `${PUK}: 2011 (approx. Sep) -> present` },
  drugs: { from: '2011-09', to: '', basis: 'approximate', note: `${PUK}: 2011 (approx. Sep) -> present` },
  shoplifting: { from: '2011-09', to: '', basis: 'approximate', note: `${PUK}: 2011 (approx. Sep) -> present` },
  'other-theft': {
    from: '2013-09',
    to: '',
    basis: 'disputed',
    note: `current (narrower) scope. ${PUK}: bicycle theft and theft from the person split out Sep 2013; ${HARM}: until May 2013 other-theft held them (split June 2013)`,
  },
  'bicycle-theft': {
    from: '2013-09',
    to: '',
    basis: 'disputed',
    note: `${PUK}: Sep 2013 -> present; ${HARM}: from June 2013`,
  },
  'theft-from-the-person': {
    from: '2013-09',
    to: '',
    basis: 'disputed',
    note: `${PUK}: Sep 2013 -> present; ${HARM}: from June 2013`,
  },
  'public-order': { from: '2013-05', to: '', basis: 'disputed', note: `${PUK}: May 2013 -> present; ${HARM}: from June 2013` },
  'possession-of-weapons': {
    from: '2013-05',
    to: '',
    basis: 'disputed',
    note: `${PUK}: May 2013 -> present; ${HARM}: from June 2013`,
  },
  'violent-crime': {
    from: '2013-05',
    to: '',
    basis: 'disputed',
    note: `label "Violence and sexual offences". ${PUK}: May 2013 -> present; ${HARM}: renamed June 2013. Same slug as the earlier "Violent crime"`,
  },
  'public-disorder-weapons': {
    from: '2011-09',
    to: '2013-04',
    basis: 'disputed',
    note: `${PUK}: 2011 (approx. Sep) -> Apr 2013; ${HARM}: until May 2013`,
  },
  'other-theft@before-2013-06': {
    from: '2011-09',
    to: '2013-08',
    basis: 'disputed',
    note: `wider scope incl. bicycle theft and theft from the person. ${PUK}: 2011 (approx. Sep) -> Aug 2013 (split Sep 2013); ${HARM}: until May 2013`,
  },
  'violent-crime@before-2013-06': {
    from: '2010-12',
    to: '2013-04',
    basis: 'disputed',
    note: `label "Violent crime". ${PUK}: Dec 2010 -> Apr 2013; ${HARM}: until May 2013`,
  },
};

// ---------------------------------------------------------------------------------------------
// Reading

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  const text = readFileSync(file);
  return parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Row[];
}

function field(row: Row, name: string, file: string): string {
  const v = row[name];
  if (v === undefined) throw new Error(`${file}: column "${name}" missing`);
  return v;
}

function num(value: string, what: string): number {
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

interface PrcCode {
  readonly code: string;
  readonly description: string;
  readonly group: string;
  readonly subgroup: string;
}

function readPrcCodes(file: string): Map<string, PrcCode> {
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

// ---------------------------------------------------------------------------------------------
// Formatting

function fixed(x: number, dp: number): string {
  const s = x.toFixed(dp);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns: columns.map((c) => ({ key: c, header: c })), record_delimiter: 'unix' },
  );
}

/** |computed - printed| within half a unit of the printed last digit. */
function checkPrinted(computed: number, printed: string, what: string): void {
  if (printed.trim() === '') return;
  const dot = printed.indexOf('.');
  const dp = dot < 0 ? 0 : printed.length - dot - 1;
  const tol = 0.5 * 10 ** -dp + 1e-9;
  if (Math.abs(computed - Number(printed)) > tol) {
    throw new Error(`${what}: recomputed ${computed} does not match the published derived value ${printed}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Build

export interface BuiltFile {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

export function buildReferenceData(sharedDir: string = defaultSharedDataDir()): BuiltFile[] {
  const harmDir = path.join(sharedDir, 'harm');
  const prcDir = path.join(sharedDir, 'prc');
  const hoFile = path.join(harmDir, 'ho_offence_codes.csv');
  const cssFile = path.join(harmDir, 'ons_css.csv');
  const subFile = path.join(harmDir, 'prc_subgroup_harm.csv');
  const catFile = path.join(harmDir, 'policeuk_categories.csv');
  const prc1718 = path.join(prcDir, 'prc_pfa_2017_18.csv');
  const prc1920 = path.join(prcDir, 'prc_pfa_2019_20.csv');
  for (const f of [hoFile, cssFile, subFile, catFile, prc1718, prc1920]) {
    if (!existsSync(f)) throw new Error(`Input not found: ${f} (set STRA_SHARED_DATA to the shared data folder)`);
  }

  const hoRows = readCsv(hoFile);
  const cssRows = readCsv(cssFile);
  const subRows = readCsv(subFile);
  const catRows = readCsv(catFile);
  const codes1718 = readPrcCodes(prc1718);
  const codes1920 = readPrcCodes(prc1920);

  // ---- ho-offence-codes.csv ------------------------------------------------------------------
  interface CodeOut {
    code: string;
    description: string;
    group: string;
    subgroup: string;
    slug: string;
    count: number | null;
    notes: string;
  }
  const codes: CodeOut[] = [];
  const codeIndex = new Map<string, CodeOut>();
  for (const r of hoRows) {
    const code = field(r, 'offence_code', hoFile).trim();
    const countRaw = field(r, 'count_ew_pfa_2019_20', hoFile).trim();
    const srcNotes = field(r, 'notes', hoFile);
    const notes: string[] = [];
    const neg = /Source has (\d+) negative force-quarter adjustment row/.exec(srcNotes);
    if (neg) notes.push(`2019/20 count includes ${neg[1]} negative force-quarter adjustment row(s), summed as published`);
    const slug = field(r, 'policeuk_category_slug', hoFile).trim();
    const group = field(r, 'offence_group', hoFile).trim();
    if (slug === '') {
      if (group !== 'Fraud offences') throw new Error(`${hoFile}: code ${code} has no police.uk category but is not fraud`);
      notes.push('fraud recorded by a national reporting body, not a police force area; not in police.uk street data, so no category');
    }
    if (codes1718.has(code) && codes1718.get(code)?.subgroup !== field(r, 'offence_subgroup', hoFile).trim()) {
      notes.push(`subgroup in the 2017/18 table: ${codes1718.get(code)?.subgroup}`);
    }
    const out: CodeOut = {
      code,
      description: field(r, 'offence_description', hoFile).trim(),
      group,
      subgroup: field(r, 'offence_subgroup', hoFile).trim(),
      slug,
      count: countRaw === '' ? null : num(countRaw, `${hoFile} ${code} count`),
      notes: notes.join('; '),
    };
    if (codeIndex.has(code)) throw new Error(`${hoFile}: code ${code} twice`);
    codes.push(out);
    codeIndex.set(code, out);
  }
  // Codes found only in the 2017/18 table (combined homicide code, Financial Fraud Action UK).
  for (const c of [...codes1718.values()].filter((c) => !codeIndex.has(c.code)).sort((a, b) => (a.code < b.code ? -1 : 1))) {
    let slug = '';
    let note: string;
    if (c.code === COMBINED_HOMICIDE) {
      const slugs = new Set(HOMICIDE_CODES.map((h) => codeIndex.get(h)?.slug));
      const only = [...slugs][0];
      if (slugs.size !== 1 || only === undefined) throw new Error('homicide codes do not share one police.uk category');
      slug = only;
      note = `combined homicide code of the 2017/18 table; replaced by ${HOMICIDE_CODES.join(', ')} in 2019/20; category as those codes`;
    } else if (c.group === 'Fraud offences') {
      note = 'fraud recorded by a national reporting body (2017/18 table only), not a police force area; no police.uk category';
    } else {
      throw new Error(`2017/18 code ${c.code} (${c.description}) is not in ho_offence_codes.csv and has no rule here`);
    }
    const out: CodeOut = { code: c.code, description: c.description, group: c.group, subgroup: c.subgroup, slug, count: null, notes: note };
    codes.push(out);
    codeIndex.set(c.code, out);
  }
  const prcTables = (code: string): string =>
    [codes1718.has(code) ? '2017/18' : '', codes1920.has(code) ? '2019/20' : ''].filter(Boolean).join(' ');
  for (const c of codes) {
    if (prcTables(c.code) === '') throw new Error(`code ${c.code} is in neither PRC table`);
  }
  const offenceCodesCsv = toCsv(
    ['offence_code', 'offence_description', 'offence_group', 'offence_subgroup', 'policeuk_category_slug', 'count_ew_pfa_2019_20', 'prc_tables', 'notes'],
    codes.map((c) => ({
      offence_code: c.code,
      offence_description: c.description,
      offence_group: c.group,
      offence_subgroup: c.subgroup,
      policeuk_category_slug: c.slug,
      count_ew_pfa_2019_20: c.count === null ? '' : String(c.count),
      prc_tables: prcTables(c.code),
      notes: c.notes,
    })),
  );

  // ---- ons-css-weights.csv -------------------------------------------------------------------
  const cssWeight = new Map<string, number>();
  const cssOut: Record<string, string>[] = [];
  for (const r of cssRows) {
    const code = field(r, 'offence_code', cssFile).trim();
    if (!codeIndex.has(code)) throw new Error(`${cssFile}: code ${code} is not a known offence code`);
    if (cssWeight.has(code)) throw new Error(`${cssFile}: code ${code} twice`);
    const weightStr = field(r, 'weight', cssFile).trim();
    const w = num(weightStr, `${cssFile} ${code} weight`);
    if (!(w > 0)) throw new Error(`${cssFile}: weight of ${code} must be > 0`);
    cssWeight.set(code, w);
    cssOut.push({
      offence_code: code,
      offence_description: codeIndex.get(code)?.description ?? '',
      weight: weightStr,
      ons_weights_code: field(r, 'ons_weights_code', cssFile).trim(),
      ons_weights_offence: field(r, 'ons_weights_offence', cssFile).trim(),
      ons_weights_section: field(r, 'ons_weights_section', cssFile).trim(),
      edition: ONS_CSS_EDITION,
      match: field(r, 'match', cssFile).trim(),
    });
  }
  for (const c of codes) {
    if (cssWeight.has(c.code)) continue;
    if (c.group !== 'Fraud offences') throw new Error(`offence code ${c.code} has no ONS CSS weight and is not fraud`);
    cssOut.push({
      offence_code: c.code,
      offence_description: c.description,
      weight: '',
      ons_weights_code: '',
      ons_weights_offence: '',
      ons_weights_section: '',
      edition: ONS_CSS_EDITION,
      match: 'no weight: the ONS List of weights has none for fraud recorded by Action Fraud / CIFAS / UK Finance / FFA UK; fraud is outside the Crime Severity Score',
    });
  }
  const order = new Map(codes.map((c, i) => [c.code, i]));
  cssOut.sort((a, b) => (order.get(a.offence_code ?? '') ?? 0) - (order.get(b.offence_code ?? '') ?? 0));
  const onsCssCsv = toCsv(
    ['offence_code', 'offence_description', 'weight', 'ons_weights_code', 'ons_weights_offence', 'ons_weights_section', 'edition', 'match'],
    cssOut,
  );

  // ---- category weights ----------------------------------------------------------------------
  interface Subgroup {
    name: string;
    slug: string;
    codes: string[];
    median: number;
    mean: number;
    count2425: number;
    count1920: number;
  }
  const subgroups: Subgroup[] = subRows.map((r) => {
    const name = field(r, 'prc_subgroup', subFile).trim();
    return {
      name,
      slug: field(r, 'policeuk_category_slug', subFile).trim(),
      codes: field(r, 'ho_offence_codes_2019_20', subFile).trim().split(/\s+/),
      median: num(field(r, 'cchi_2026_median_days', subFile), `${subFile} ${name} median`),
      mean: num(field(r, 'cchi_2026_mean_days', subFile), `${subFile} ${name} mean`),
      count2425: num(field(r, 'count_ew_2024_25', subFile), `${subFile} ${name} count 2024/25`),
      count1920: num(field(r, 'count_ew_pfa_2019_20', subFile), `${subFile} ${name} count 2019/20`),
    };
  });
  // Each subgroup's 2019/20 count must equal the sum of its codes' counts (consistency check).
  for (const s of subgroups) {
    const sum = s.codes.reduce((acc, c) => acc + (codeIndex.get(c)?.count ?? NaN), 0);
    if (sum !== s.count1920) throw new Error(`${subFile}: ${s.name} 2019/20 count ${s.count1920} != sum of its codes ${sum}`);
  }

  const currentCodes = (slug: string): string[] => codes.filter((c) => c.slug === slug && c.code !== COMBINED_HOMICIDE).map((c) => c.code);
  const catOut: Record<string, string>[] = [];
  const categoriesOut: Record<string, string>[] = [];
  for (const r of catRows) {
    const rowKey = field(r, 'row_key', catFile).trim();
    const slug = field(r, 'slug', catFile).trim();
    const statusText = field(r, 'status', catFile).trim();
    const status = statusText.startsWith('legacy') ? 'legacy' : statusText.startsWith('current') ? 'current' : '';
    if (status === '') throw new Error(`${catFile}: status of ${rowKey} is neither current nor legacy: ${statusText}`);
    const dates = CATEGORY_DATES[rowKey];
    if (dates === undefined) throw new Error(`no validity months transcribed for police.uk row ${rowKey}`);
    categoriesOut.push({
      row_key: rowKey,
      slug,
      name: field(r, 'name', catFile).trim(),
      crime_type_label: field(r, 'crime_type_label', catFile).trim(),
      status,
      valid_from: dates.from,
      valid_to: dates.to,
      dates_basis: dates.basis,
      dates_note: dates.note,
      description_policeuk: field(r, 'description_policeuk', catFile).trim(),
      status_note: statusText,
    });

    const label = field(r, 'crime_type_label', catFile).trim();
    if (slug === 'anti-social-behaviour') {
      catOut.push({
        row_key: rowKey,
        slug,
        crime_type_label: label,
        derivation: field(r, 'derivation', catFile).trim(),
        note: 'no published weight: counts are reported as unweighted, never given a weight of 0',
      });
      continue;
    }
    const members = LEGACY_UNIONS[rowKey] ?? [rowKey];
    const catCodes = members.flatMap(currentCodes);
    const printedCodes = field(r, 'ho_offence_codes', catFile).trim().split(/\s+/);
    if ([...catCodes].sort().join(' ') !== [...printedCodes].sort().join(' ')) {
      throw new Error(`${catFile}: codes of ${rowKey} (${printedCodes.join(' ')}) differ from the mapping in ho_offence_codes.csv (${catCodes.join(' ')})`);
    }
    // CSS: volume-weighted mean of ONS weights over the codes, 2019/20 E&W counts.
    let cnt = 0;
    let wsum = 0;
    for (const c of catCodes) {
      const n = codeIndex.get(c)?.count ?? null;
      const w = cssWeight.get(c);
      if (n === null || w === undefined) throw new Error(`code ${c} of ${rowKey} lacks a count or an ONS weight`);
      cnt += n;
      wsum += n * w;
    }
    const css = wsum / cnt;
    // CCHI: volume-weighted mean of subgroup medians / means.
    const subs = subgroups.filter((s) => members.includes(s.slug));
    const subCodes = subs.flatMap((s) => s.codes).sort().join(' ');
    if (subCodes !== [...catCodes].sort().join(' ')) throw new Error(`PRC subgroups of ${rowKey} do not cover exactly its codes`);
    const vw = (value: (s: Subgroup) => number, count: (s: Subgroup) => number): number =>
      subs.reduce((a, s) => a + count(s) * value(s), 0) / subs.reduce((a, s) => a + count(s), 0);
    const med2425 = vw((s) => s.median, (s) => s.count2425);
    const mean2425 = vw((s) => s.mean, (s) => s.count2425);
    const med1920 = vw((s) => s.median, (s) => s.count1920);
    const mean1920 = vw((s) => s.mean, (s) => s.count1920);
    const count2425 = subs.reduce((a, s) => a + s.count2425, 0);

    checkPrinted(cnt, field(r, 'count_ew_pfa_2019_20', catFile), `${rowKey} count 2019/20`);
    checkPrinted(css, field(r, 'css_weight_vw_2019_20', catFile), `${rowKey} CSS weight`);
    checkPrinted(med2425, field(r, 'cchi_days_vw_median_2024_25', catFile), `${rowKey} CCHI median 2024/25`);
    checkPrinted(mean2425, field(r, 'cchi_days_vw_mean_2024_25', catFile), `${rowKey} CCHI mean 2024/25`);
    checkPrinted(med1920, field(r, 'cchi_days_vw_median_2019_20', catFile), `${rowKey} CCHI median 2019/20`);
    checkPrinted(mean1920, field(r, 'cchi_days_vw_mean_2019_20', catFile), `${rowKey} CCHI mean 2019/20`);

    const legacy = LEGACY_UNIONS[rowKey] ? ` Legacy row: codes and subgroups of ${members.join(' + ')}, with the same modern volumes.` : '';
    catOut.push({
      row_key: rowKey,
      slug,
      crime_type_label: label,
      ho_offence_codes: catCodes.join(' '),
      count_ew_pfa_2019_20: String(cnt),
      css_weight_vw_2019_20: fixed(css, 4),
      prc_subgroups: subs.map((s) => s.name).join('; '),
      count_ew_2024_25: String(count2425),
      cchi_days_median_vw_2024_25: fixed(med2425, 4),
      cchi_days_mean_vw_2024_25: fixed(mean2425, 4),
      cchi_days_median_vw_2019_20: fixed(med1920, 4),
      cchi_days_mean_vw_2019_20: fixed(mean1920, 4),
      cchi_inputs: subs.map((s) => `${s.name}|${s.count2425}|${s.count1920}|${s.median}|${s.mean}`).join('; '),
      derivation:
        'DERIVED, not published. css_weight_vw_2019_20 = sum(count_c x w_c) / sum(count_c) over ho_offence_codes, count_c = 2019/20 E&W count (43 forces, data/reference/ho-offence-codes.csv), w_c = ONS CSS weight (data/harm/ons-css-weights.csv). ' +
        'cchi_days_{median|mean}_vw_{2024_25|2019_20} = sum(count_s x v_s) / sum(count_s) over prc_subgroups, v_s = median or mean CCHI 2026 days of subgroup s (isthisben/cbl-realcrime WEIGHTS.md @bddcde1), count_s = E&W subgroup count of that year; inputs listed in cchi_inputs as subgroup|count_2024_25|count_2019_20|median|mean.' +
        legacy,
      note: 'assumes the national offence mix within the category; with offence codes use per-code weights instead',
    });
  }
  const categoriesCsv = toCsv(
    ['row_key', 'slug', 'name', 'crime_type_label', 'status', 'valid_from', 'valid_to', 'dates_basis', 'dates_note', 'description_policeuk', 'status_note'],
    categoriesOut,
  );
  const categoryWeightsCsv = toCsv(
    [
      'row_key',
      'slug',
      'crime_type_label',
      'ho_offence_codes',
      'count_ew_pfa_2019_20',
      'css_weight_vw_2019_20',
      'prc_subgroups',
      'count_ew_2024_25',
      'cchi_days_median_vw_2024_25',
      'cchi_days_mean_vw_2024_25',
      'cchi_days_median_vw_2019_20',
      'cchi_days_mean_vw_2019_20',
      'cchi_inputs',
      'derivation',
      'note',
    ],
    catOut,
  );

  return [
    { path: OUTPUT_FILES.offenceCodes, content: offenceCodesCsv },
    { path: OUTPUT_FILES.categories, content: categoriesCsv },
    { path: OUTPUT_FILES.onsCss, content: onsCssCsv },
    { path: OUTPUT_FILES.categoryWeights, content: categoryWeightsCsv },
  ];
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const sharedDir = defaultSharedDataDir();
  const root = findRepoRoot();
  const files = buildReferenceData(sharedDir);
  let differ = 0;
  for (const f of files) {
    const target = path.join(root, f.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (check) {
      if (current !== f.content) {
        differ++;
        console.error(`differs: ${f.path}`);
      }
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    console.log(`${current === f.content ? 'unchanged' : 'wrote'} ${f.path} (${f.content.split('\n').length - 2} rows)`);
  }
  if (check) {
    console.log(differ === 0 ? `All ${files.length} reference files match ${sharedDir}` : `${differ} file(s) differ; run without --check to rebuild`);
  }
  return differ === 0 ? 0 : 1;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  }
}
