/**
 * police.uk stop-and-search files (`YYYY-MM-<force>-stop-and-search.csv`, 15 columns). Dates
 * are UTC with an offset, so an April file can hold rows dated 31 March (BST): the partition
 * month is the file's month, never the date's.
 */
import type { RowCheck, SourceFormat } from '../../format.js';
import { sqlIdent } from '../../../sql.js';
import { booleanCheck, coordinateChecks, parsedCoordinates } from '../../row-checks.js';

export const STOP_AND_SEARCH_HEADER = [
  'Type',
  'Date',
  'Part of a policing operation',
  'Policing operation',
  'Latitude',
  'Longitude',
  'Gender',
  'Age range',
  'Self-defined ethnicity',
  'Officer-defined ethnicity',
  'Legislation',
  'Object of search',
  'Outcome',
  'Outcome linked to object of search',
  'Removal of more than just outer clothing',
] as const;

const SEARCH_TYPES = ['Person search', 'Person and Vehicle search', 'Vehicle search'];

const bool = (col: string) => `TRY_CAST(lower(${sqlIdent(col)}) AS BOOLEAN)`;

const typeCheck: RowCheck = {
  column: 'Type',
  failWhen: `"Type" IS NULL OR "Type" NOT IN (${SEARCH_TYPES.map((t) => `'${t}'`).join(', ')})`,
  reason: `'Type ''' || coalesce("Type", '') || ''' is not one of ${SEARCH_TYPES.join(', ')}'`,
};

const dateCheck: RowCheck = {
  column: 'Date',
  failWhen: `"Date" IS NULL OR TRY_CAST("Date" AS TIMESTAMPTZ) IS NULL`,
  reason: `'Date ''' || coalesce("Date", '') || ''' is not an ISO 8601 date-time'`,
};

/**
 * A search belongs to the file's month in UK time, as police.uk files it: 23:30 UTC on 31 March
 * in British Summer Time is a search of 1 April, and sits in the April file.
 */
const dateInMonthCheck: RowCheck = {
  column: 'Date',
  failWhen: `strftime(timezone('Europe/London', TRY_CAST("Date" AS TIMESTAMPTZ)), '%Y-%m') <> __file_month`,
  reason: `'Date ''' || "Date" || ''' is not in the file''s month ' || __file_month || ' (UK time; a police.uk file holds one month)'`,
};

export const stopAndSearchFormat: SourceFormat = {
  kind: 'stop-and-search',
  title: 'police.uk stop-and-search',
  table: 'stop_and_search',
  header: STOP_AND_SEARCH_HEADER,
  headerOrder: 'exact',
  parsed: parsedCoordinates(),
  select: {
    type: '"Type"',
    datetime: 'TRY_CAST("Date" AS TIMESTAMPTZ)',
    part_of_operation: bool('Part of a policing operation'),
    operation: '"Policing operation"',
    latitude: '__lat',
    longitude: '__lon',
    gender: '"Gender"',
    age_range: '"Age range"',
    self_defined_ethnicity: '"Self-defined ethnicity"',
    officer_defined_ethnicity: '"Officer-defined ethnicity"',
    legislation: '"Legislation"',
    object_of_search: '"Object of search"',
    outcome: '"Outcome"',
    outcome_linked_to_object: bool('Outcome linked to object of search'),
    removal_of_outer_clothing: bool('Removal of more than just outer clothing'),
  },
  checks: [
    typeCheck,
    dateCheck,
    dateInMonthCheck,
    booleanCheck('Part of a policing operation'),
    ...coordinateChecks('Longitude', 'Latitude'),
    booleanCheck('Outcome linked to object of search'),
    booleanCheck('Removal of more than just outer clothing'),
  ],
};
