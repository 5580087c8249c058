/**
 * The force extract: a force's own crime records keyed by Home Office offence code, for the
 * analyses police.uk's coarse categories cannot support (offence-level harm, domestic abuse and
 * hate crime flags). Columns are matched by name in any order (case and spaces ignored); the
 * format is documented in the README ("Force extract CSV").
 */
import type { RowCheck, SourceFormat } from '../../format.js';
import { sqlIdent, sqlString } from '../../../sql.js';
import { lsoaChecks } from '../police-uk/checks.js';
import { EXTRACT_FLAGS } from '../../../../domain/crime/extract-flags.js';

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

/** Dates as forces export them: ISO 8601 or UK day-first, with or without a time. */
const DATE_FORMATS = [
  '%Y-%m-%d',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%dT%H:%M',
  '%Y-%m-%dT%H:%M:%S',
  '%d/%m/%Y',
  '%d/%m/%Y %H:%M',
  '%d/%m/%Y %H:%M:%S',
];
const dateList = `[${DATE_FORMATS.map(sqlString).join(', ')}]`;
export const parseDateSql = (col: string) => `try_strptime(${sqlIdent(col)}, ${dateList})`;

const TRUE_WORDS = ['y', 'yes', 'true', '1'];
const FALSE_WORDS = ['n', 'no', 'false', '0'];
const flagSql = (col: string) =>
  `CASE WHEN lower(trim(${sqlIdent(col)})) IN (${TRUE_WORDS.map(sqlString).join(', ')}) THEN true WHEN lower(trim(${sqlIdent(col)})) IN (${FALSE_WORDS.map(sqlString).join(', ')}) THEN false END`;

/** Canonical column name from a header cell: "Offence Code" -> "offence_code". */
export function canonicalColumn(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** What the extract's header holds; columns it lacks read as empty. */
export function forceExtractFormat(
  present: ReadonlySet<string>,
  offenceCategories: ReadonlyMap<string, string | null>,
): SourceFormat {
  const col = (name: string) => (present.has(name) ? sqlIdent(name) : 'NULL::VARCHAR');
  const codeCase = [...offenceCategories.entries()]
    .map(([code, cat]) => `WHEN ${sqlString(code.toUpperCase())} THEN ${cat ? sqlString(cat) : 'NULL'}`)
    .join(' ');
  const code = `upper(trim(${sqlIdent('offence_code')}))`;
  const knownCodes = [...offenceCategories.keys()].map((c) => sqlString(c.toUpperCase())).join(', ');
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

  const checks: RowCheck[] = [
    {
      column: 'crime_reference',
      failWhen: `${sqlIdent('crime_reference')} IS NULL`,
      reason: `'crime_reference is empty'`,
    },
    {
      column: 'crime_reference',
      failWhen: `__repeat`,
      reason: `'crime_reference ''' || ${sqlIdent('crime_reference')} || ''' appears more than once in the file; the first is kept'`,
    },
    { column: 'offence_code', failWhen: `${sqlIdent('offence_code')} IS NULL`, reason: `'offence_code is empty'` },
    {
      column: 'offence_code',
      failWhen: `NOT list_contains([${knownCodes}], ${code})`,
      reason: `'offence_code ''' || ${sqlIdent('offence_code')} || ''' is not a Home Office offence code'`,
    },
    { column: 'recorded_date', failWhen: `${sqlIdent('recorded_date')} IS NULL`, reason: `'recorded_date is empty'` },
    {
      column: 'recorded_date',
      failWhen: `${parseDateSql('recorded_date')} IS NULL`,
      reason: `'recorded_date ''' || ${sqlIdent('recorded_date')} || ''' is not a date (use YYYY-MM-DD or DD/MM/YYYY)'`,
    },
    ...dateChecks(present),
    ...(present.has('lsoa_code') ? [lsoaChecks('lsoa_code', 'lsoa_code')[0]!] : []),
    ...EXTRACT_FLAGS.filter((f) => present.has(f)).map(flagCheck),
    {
      column: 'force',
      failWhen: `__force IS NULL`,
      reason: `'no force: give a force column or import with --force <police.uk force id>'`,
    },
  ];
  return {
    kind: 'force-extract',
    table: 'offences',
    header: [...EXTRACT_REQUIRED],
    headerOrder: 'any',
    optionalColumns: EXTRACT_OPTIONAL,
    select,
    checks,
  };
}

function dateChecks(present: ReadonlySet<string>): RowCheck[] {
  const out: RowCheck[] = [];
  for (const c of ['committed_from', 'committed_to']) {
    if (!present.has(c)) continue;
    out.push({
      column: c,
      failWhen: `${sqlIdent(c)} IS NOT NULL AND ${parseDateSql(c)} IS NULL`,
      reason: `'${c} ''' || ${sqlIdent(c)} || ''' is not a date (use YYYY-MM-DD or DD/MM/YYYY, optionally with HH:MM)'`,
    });
  }
  if (present.has('committed_from') && present.has('committed_to')) {
    out.push({
      column: 'committed_to',
      failWhen: `${parseDateSql('committed_to')} < ${parseDateSql('committed_from')}`,
      reason: `'committed_to is before committed_from'`,
    });
  }
  return out;
}

function flagCheck(flag: string): RowCheck {
  const c = sqlIdent(flag);
  const words = [...TRUE_WORDS, ...FALSE_WORDS].map(sqlString).join(', ');
  return {
    column: flag,
    failWhen: `${c} IS NOT NULL AND lower(trim(${c})) NOT IN (${words})`,
    reason: `'${flag} ''' || ${c} || ''' is not Y/N, yes/no, true/false or 1/0'`,
  };
}
