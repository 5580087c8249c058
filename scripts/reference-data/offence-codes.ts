/**
 * data/reference/ho-offence-codes.csv: every Home Office offence code of the PRC tables with its
 * group, subgroup and police.uk category, from ho_offence_codes.csv plus the codes found only in
 * the 2017/18 table.
 */
import { field, num, toCsv, type PrcCode, type Row } from './csv.js';
import { COMBINED_HOMICIDE, HOMICIDE_CODES } from './transcribed.js';

export interface CodeOut {
  code: string;
  description: string;
  group: string;
  subgroup: string;
  slug: string;
  count: number | null;
  notes: string;
}

export interface OffenceCodes {
  readonly codes: CodeOut[];
  readonly codeIndex: Map<string, CodeOut>;
  readonly csv: string;
}

export function buildOffenceCodes(
  hoRows: readonly Row[],
  hoFile: string,
  codes1718: Map<string, PrcCode>,
  codes1920: Map<string, PrcCode>,
): OffenceCodes {
  const codes: CodeOut[] = [];
  const codeIndex = new Map<string, CodeOut>();
  for (const r of hoRows) {
    const code = field(r, 'offence_code', hoFile).trim();
    const countRaw = field(r, 'count_ew_pfa_2019_20', hoFile).trim();
    const srcNotes = field(r, 'notes', hoFile);
    const notes: string[] = [];
    const neg = /Source has (\d+) negative force-quarter adjustment row/.exec(srcNotes);
    if (neg)
      notes.push(`2019/20 count includes ${neg[1]} negative force-quarter adjustment row(s), summed as published`);
    const slug = field(r, 'policeuk_category_slug', hoFile).trim();
    const group = field(r, 'offence_group', hoFile).trim();
    if (slug === '') {
      if (group !== 'Fraud offences')
        throw new Error(`${hoFile}: code ${code} has no police.uk category but is not fraud`);
      notes.push(
        'fraud recorded by a national reporting body, not a police force area; not in police.uk street data, so no category',
      );
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
  for (const c of [...codes1718.values()]
    .filter((c) => !codeIndex.has(c.code))
    .sort((a, b) => (a.code < b.code ? -1 : 1))) {
    let slug = '';
    let note: string;
    if (c.code === COMBINED_HOMICIDE) {
      const slugs = new Set(HOMICIDE_CODES.map((h) => codeIndex.get(h)?.slug));
      const only = [...slugs][0];
      if (slugs.size !== 1 || only === undefined) throw new Error('homicide codes do not share one police.uk category');
      slug = only;
      note = `combined homicide code of the 2017/18 table; replaced by ${HOMICIDE_CODES.join(', ')} in 2019/20; category as those codes`;
    } else if (c.group === 'Fraud offences') {
      note =
        'fraud recorded by a national reporting body (2017/18 table only), not a police force area; no police.uk category';
    } else {
      throw new Error(`2017/18 code ${c.code} (${c.description}) is not in ho_offence_codes.csv and has no rule here`);
    }
    const out: CodeOut = {
      code: c.code,
      description: c.description,
      group: c.group,
      subgroup: c.subgroup,
      slug,
      count: null,
      notes: note,
    };
    codes.push(out);
    codeIndex.set(c.code, out);
  }
  const prcTables = (code: string): string =>
    [codes1718.has(code) ? '2017/18' : '', codes1920.has(code) ? '2019/20' : ''].filter(Boolean).join(' ');
  for (const c of codes) {
    if (prcTables(c.code) === '') throw new Error(`code ${c.code} is in neither PRC table`);
  }
  const offenceCodesCsv = toCsv(
    [
      'offence_code',
      'offence_description',
      'offence_group',
      'offence_subgroup',
      'policeuk_category_slug',
      'count_ew_pfa_2019_20',
      'prc_tables',
      'notes',
    ],
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
  return { codes, codeIndex, csv: offenceCodesCsv };
}
