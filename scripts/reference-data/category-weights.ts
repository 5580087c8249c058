/**
 * data/reference/policeuk-categories.csv and data/harm/category-weights.csv: the police.uk
 * categories with their validity months, and per category the derived weights (ONS CSS and CCHI
 * days, volume-weighted), each recomputed here and checked against the figures the source printed.
 */
import { checkPrinted, field, fixed, num, toCsv, type Row } from './csv.js';
import type { CodeOut } from './offence-codes.js';
import { CATEGORY_DATES, COMBINED_HOMICIDE, LEGACY_UNIONS } from './transcribed.js';

interface Subgroup {
  name: string;
  slug: string;
  codes: string[];
  median: number;
  mean: number;
  count2425: number;
  count1920: number;
}

export interface CategoryInputs {
  readonly subRows: readonly Row[];
  readonly subFile: string;
  readonly catRows: readonly Row[];
  readonly catFile: string;
  readonly codes: readonly CodeOut[];
  readonly codeIndex: ReadonlyMap<string, CodeOut>;
  readonly cssWeight: ReadonlyMap<string, number>;
}

export function buildCategoryFiles(input: CategoryInputs): { categoriesCsv: string; categoryWeightsCsv: string } {
  const { subRows, subFile, catRows, catFile, codes, codeIndex, cssWeight } = input;
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
    if (sum !== s.count1920)
      throw new Error(`${subFile}: ${s.name} 2019/20 count ${s.count1920} != sum of its codes ${sum}`);
  }

  const currentCodes = (slug: string): string[] =>
    codes.filter((c) => c.slug === slug && c.code !== COMBINED_HOMICIDE).map((c) => c.code);
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
      throw new Error(
        `${catFile}: codes of ${rowKey} (${printedCodes.join(' ')}) differ from the mapping in ho_offence_codes.csv (${catCodes.join(' ')})`,
      );
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
    const subCodes = subs
      .flatMap((s) => s.codes)
      .sort()
      .join(' ');
    if (subCodes !== [...catCodes].sort().join(' '))
      throw new Error(`PRC subgroups of ${rowKey} do not cover exactly its codes`);
    const vw = (value: (s: Subgroup) => number, count: (s: Subgroup) => number): number =>
      subs.reduce((a, s) => a + count(s) * value(s), 0) / subs.reduce((a, s) => a + count(s), 0);
    const med2425 = vw(
      (s) => s.median,
      (s) => s.count2425,
    );
    const mean2425 = vw(
      (s) => s.mean,
      (s) => s.count2425,
    );
    const med1920 = vw(
      (s) => s.median,
      (s) => s.count1920,
    );
    const mean1920 = vw(
      (s) => s.mean,
      (s) => s.count1920,
    );
    const count2425 = subs.reduce((a, s) => a + s.count2425, 0);

    checkPrinted(cnt, field(r, 'count_ew_pfa_2019_20', catFile), `${rowKey} count 2019/20`);
    checkPrinted(css, field(r, 'css_weight_vw_2019_20', catFile), `${rowKey} CSS weight`);
    checkPrinted(med2425, field(r, 'cchi_days_vw_median_2024_25', catFile), `${rowKey} CCHI median 2024/25`);
    checkPrinted(mean2425, field(r, 'cchi_days_vw_mean_2024_25', catFile), `${rowKey} CCHI mean 2024/25`);
    checkPrinted(med1920, field(r, 'cchi_days_vw_median_2019_20', catFile), `${rowKey} CCHI median 2019/20`);
    checkPrinted(mean1920, field(r, 'cchi_days_vw_mean_2019_20', catFile), `${rowKey} CCHI mean 2019/20`);

    const legacy = LEGACY_UNIONS[rowKey]
      ? ` Legacy row: codes and subgroups of ${members.join(' + ')}, with the same modern volumes.`
      : '';
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
    [
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
      'status_note',
    ],
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
  return { categoriesCsv, categoryWeightsCsv };
}
