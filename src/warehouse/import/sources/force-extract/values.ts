/**
 * How forces write dates and yes/no flags in their extracts, as the SQL that reads them: one
 * place for the words, shared by the columns the format selects and the checks that reject a
 * value no reading accepts.
 */
import { sqlIdent, sqlString } from '../../../sql.js';

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

export const TRUE_WORDS = ['y', 'yes', 'true', '1'];
export const FALSE_WORDS = ['n', 'no', 'false', '0'];
export const flagSql = (col: string) =>
  `CASE WHEN lower(trim(${sqlIdent(col)})) IN (${TRUE_WORDS.map(sqlString).join(', ')}) THEN true WHEN lower(trim(${sqlIdent(col)})) IN (${FALSE_WORDS.map(sqlString).join(', ')}) THEN false END`;
