/**
 * The checks a force extract's row must pass: a crime reference given once, a known Home Office
 * offence code, dates that parse, flags that read as yes or no, and a force (from its column or
 * --force). `__repeat` and `__force` are computed by the loader (load.ts).
 */
import { EXTRACT_FLAGS } from '../../../../domain/crime/extract-flags.js';
import { sqlIdent, sqlString } from '../../../sql.js';
import { KNOWN_FORCES } from '../../stage.js';
import { POLICE_UK_FORCES } from '../../../../domain/crime/forces.js';
import type { RowCheck } from '../../format.js';
import { lsoaChecks } from '../../row-checks.js';
import { FALSE_WORDS, parseDateSql, TRUE_WORDS } from './values.js';

/** `code` is the SQL of the upper-cased offence code the format selects. */
export function forceExtractChecks(present: ReadonlySet<string>, codes: readonly string[], code: string): RowCheck[] {
  const knownCodes = codes.map((c) => sqlString(c.toUpperCase())).join(', ');
  return [
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
    {
      column: 'force',
      failWhen: `__force NOT IN (SELECT slug FROM ${KNOWN_FORCES})`,
      reason:
        `'force ''' || __force || ''' is not a police.uk force id' || coalesce(': it is the name of ' || ` +
        `(SELECT max(slug) FROM ${KNOWN_FORCES} k WHERE lower(k.name) = lower(__force)) || ', write that id instead', ` +
        `CASE WHEN regexp_full_match(__force, '[a-z]+(-[a-z]+)*') ` +
        `THEN ' of the ${POLICE_UK_FORCES.length} shipped; if it is a new or renamed force, import again with --new-force ' || __force ` +
        `ELSE ' (ids are lower-case words joined by hyphens, e.g. west-mercia)' END)`,
    },
  ];
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
