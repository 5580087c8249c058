/**
 * police.uk street-level crime files (`YYYY-MM-<force>-street.csv`, 12 columns). Anti-social
 * behaviour rows have no Crime ID: they are kept and counted like any other row.
 */
import type { SourceFormat } from '../format.js';
import {
  coordinateChecks,
  crimeTypeCheck,
  lsoaChecks,
  lsoaDistrictExpr,
  monthChecks,
  requiredText,
} from './checks.js';

export const STREET_HEADER = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

export const streetFormat: SourceFormat = {
  kind: 'street',
  table: 'street',
  header: STREET_HEADER,
  headerOrder: 'exact',
  categoryLabelColumn: 'Crime type',
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
    category: '__category',
    last_outcome: '"Last outcome category"',
    context: '"Context"',
  },
  checks: [
    ...monthChecks(),
    requiredText('Reported by'),
    ...coordinateChecks(),
    ...lsoaChecks(),
    crimeTypeCheck(),
  ],
};
