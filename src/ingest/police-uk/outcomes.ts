/**
 * police.uk outcomes files (`YYYY-MM-<force>-outcomes.csv`, 10 columns): one row per outcome
 * event; `Month` is the month of the outcome, not of the crime.
 */
import type { SourceFormat } from '../format.js';
import { coordinateChecks, lsoaChecks, lsoaDistrictExpr, monthChecks, requiredText } from './checks.js';

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
  table: 'outcomes',
  header: OUTCOMES_HEADER,
  headerOrder: 'exact',
  select: {
    crime_id: '"Crime ID"',
    reported_by: '"Reported by"',
    falls_within: '"Falls within"',
    longitude: 'TRY_CAST("Longitude" AS DOUBLE)',
    latitude: 'TRY_CAST("Latitude" AS DOUBLE)',
    location: '"Location"',
    lsoa_code: '"LSOA code"',
    lsoa_name: '"LSOA name"',
    lsoa_district: lsoaDistrictExpr(),
    outcome_type: '"Outcome type"',
  },
  checks: [
    requiredText('Crime ID'),
    ...monthChecks(),
    requiredText('Reported by'),
    ...coordinateChecks(),
    ...lsoaChecks(),
    requiredText('Outcome type'),
  ],
};
