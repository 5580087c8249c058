/**
 * The force extract: a force's own crime records keyed by Home Office offence code, for the
 * analyses police.uk's coarse categories cannot support (offence-level harm, domestic abuse and
 * hate crime flags). Columns are matched by name in any order (case and spaces ignored); the
 * format is documented in the README ("Force extract CSV"). Its warehouse columns depend on the
 * columns the file has and on the offence-code table, so the format is built per file.
 */
import { EXTRACT_FLAGS } from '../../../../domain/crime/extract-flags.js';
import type { OffenceCategories } from '../../../../domain/crime/offence-codes.js';
import { sqlIdent, sqlString } from '../../../sql.js';
import type { SourceFormat } from '../../format.js';
import { forceExtractChecks } from './checks.js';
import { flagSql, parseDateSql } from './values.js';

export const EXTRACT_REQUIRED = ['crime_reference', 'offence_code', 'recorded_date'] as const;
export const EXTRACT_OPTIONAL = [
  'force',
  'offence_description',
  'committed_from',
  'committed_to',
  'lsoa_code',
  'beat',
  'district',
  'outcome',
  ...EXTRACT_FLAGS,
] as const;

/** Canonical column name from a header cell: "Offence Code" -> "offence_code". */
export function canonicalColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** What the extract's header holds; columns it lacks read as empty. */
export function forceExtractFormat(present: ReadonlySet<string>, offenceCategories: OffenceCategories): SourceFormat {
  const col = (name: string) => (present.has(name) ? sqlIdent(name) : 'NULL::VARCHAR');
  const codeCase = [...offenceCategories.entries()]
    .map(([code, cat]) => `WHEN ${sqlString(code.toUpperCase())} THEN ${cat ? sqlString(cat) : 'NULL'}`)
    .join(' ');
  const code = `upper(trim(${sqlIdent('offence_code')}))`;
  const select: Record<string, string> = {
    crime_reference: `trim(${sqlIdent('crime_reference')})`,
    offence_code: code,
    offence_description: col('offence_description'),
    category: `CASE ${code} ${codeCase} END`,
    committed_from: present.has('committed_from') ? parseDateSql('committed_from') : 'NULL::TIMESTAMP',
    committed_to: present.has('committed_to') ? parseDateSql('committed_to') : 'NULL::TIMESTAMP',
    recorded_date: `CAST(${parseDateSql('recorded_date')} AS DATE)`,
    lsoa_code: col('lsoa_code'),
    beat: col('beat'),
    district: col('district'),
    outcome: col('outcome'),
  };
  for (const flag of EXTRACT_FLAGS) select[flag] = present.has(flag) ? flagSql(flag) : 'NULL::BOOLEAN';
  return {
    kind: 'force-extract',
    title: 'force extract',
    table: 'offences',
    header: [...EXTRACT_REQUIRED],
    headerOrder: 'any',
    optionalColumns: EXTRACT_OPTIONAL,
    select,
    checks: forceExtractChecks(present, [...offenceCategories.keys()], code),
  };
}
