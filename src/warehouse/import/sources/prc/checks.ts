/**
 * The checks a Home Office PRC row must pass: eight fields of UTF-8 text, the file's financial
 * year, a quarter, a known force or reporting body, an offence code, and a count as one of the
 * releases writes it (count.ts). A row that passes becomes the warehouse row.
 */
import type { PrcForce, PrcForceKind } from '../../../../domain/crime/home-office-forces.js';
import { parsePrcCount } from './count.js';
import { parseFinancialYear, PRC_HEADER } from './format.js';

/** One row as stored in the warehouse table `prc`. */
export interface PrcRow {
  readonly financial_year: string;
  readonly quarter: number;
  readonly force_name: string;
  readonly force: string | null;
  readonly kind: PrcForceKind;
  readonly offence_description: string;
  readonly offence_group: string;
  readonly offence_subgroup: string;
  readonly offence_code: string;
  readonly count: number;
}

type Field = (typeof PRC_HEADER)[number];
const col = (name: Field): number => PRC_HEADER.indexOf(name);

export type Checked = PrcRow | { column: string; reason: string; structural: boolean };

/** The warehouse row, or the first check the record fails; `forceOf` looks force names up. */
export function checkRow(
  record: readonly string[],
  fileYear: string | undefined,
  forceOf: (name: string) => PrcForce | undefined,
): Checked {
  const bad = (column: string, reason: string, structural = false) => ({ column, reason, structural });
  if (record.length !== PRC_HEADER.length) {
    return bad(
      '(row)',
      record.length < PRC_HEADER.length
        ? 'too few fields (a truncated line or a missing comma?)'
        : 'too many fields (an unquoted comma?)',
      true,
    );
  }
  if (record.some((v) => v.includes('\uFFFD'))) return bad('(row)', 'bytes that are not UTF-8 text', true);
  const get = (name: Field): string => (record[col(name)] ?? '').trim();

  const yearText = get('Financial Year');
  const year = parseFinancialYear(yearText);
  if (!year) return bad('Financial Year', `Financial Year '${yearText}' is not a financial year like 2017/18`);
  if (fileYear !== undefined && year.label !== fileYear) {
    return bad(
      'Financial Year',
      `Financial Year '${yearText}' is not the file's year ${fileYear} (a PRC file holds one financial year)`,
    );
  }
  const quarterText = get('Financial Quarter');
  const q = /^[Qq]?([1-4])$/.exec(quarterText);
  if (!q) return bad('Financial Quarter', `Financial Quarter '${quarterText}' is not 1, 2, 3 or 4`);
  const forceName = get('Force Name');
  if (forceName === '') return bad('Force Name', 'Force Name is empty');
  const force = forceOf(forceName);
  if (!force) {
    return bad(
      'Force Name',
      `Force Name '${forceName}' is not a force or reporting body of the Home Office tables (known names are in src/domain/crime/home-office-forces.ts)`,
    );
  }
  const code = get('Offence Code');
  if (code === '') return bad('Offence Code', 'Offence Code is empty');
  const count = parsePrcCount(record[col('Number of Offences')] ?? '');
  if (!count.ok) return bad('Number of Offences', count.reason);
  return {
    financial_year: year.label,
    quarter: Number(q[1]),
    force_name: forceName,
    force: force.force,
    kind: force.kind,
    offence_description: get('Offence Description'),
    offence_group: get('Offence Group'),
    offence_subgroup: get('Offence Subgroup'),
    offence_code: code,
    count: count.value,
  };
}
