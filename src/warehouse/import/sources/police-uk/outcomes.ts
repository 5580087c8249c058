/**
 * police.uk outcomes files (`YYYY-MM-<force>-outcomes.csv`, 10 columns): one row per outcome
 * event; `Month` is the month of the outcome, not of the crime.
 */
import type { SourceFormat } from '../../format.js';
import { coordinateChecks, parsedCoordinates, lsoaChecks, requiredText } from '../../row-checks.js';
import { forceChecks, monthChecks } from './checks.js';
import { LOCATED_CRIME_COLUMNS } from './columns.js';

export const OUTCOMES_HEADER = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Outcome type',
] as const;

export const outcomesFormat: SourceFormat = {
  kind: 'outcomes',
  title: 'police.uk outcomes',
  table: 'outcomes',
  header: OUTCOMES_HEADER,
  headerOrder: 'exact',
  parsed: parsedCoordinates(),
  select: {
    ...LOCATED_CRIME_COLUMNS,
    outcome_type: '"Outcome type"',
  },
  checks: [
    requiredText('Crime ID'),
    ...monthChecks(),
    requiredText('Reported by'),
    ...forceChecks(),
    ...coordinateChecks(),
    ...lsoaChecks(),
    requiredText('Outcome type'),
  ],
};
