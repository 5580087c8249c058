/**
 * police.uk street-level crime files (`YYYY-MM-<force>-street.csv`, 12 columns). Anti-social
 * behaviour rows have no Crime ID: they are kept and counted like any other row.
 */
import type { SourceFormat } from '../../format.js';
import { coordinateChecks, parsedCoordinates, lsoaChecks, requiredText } from '../../row-checks.js';
import { crimeTypeCheck, forceChecks, monthChecks } from './checks.js';
import { LOCATED_CRIME_COLUMNS } from './columns.js';

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
  title: 'police.uk street',
  table: 'street',
  header: STREET_HEADER,
  headerOrder: 'exact',
  parsed: parsedCoordinates(),
  categoryLabelColumn: 'Crime type',
  select: {
    ...LOCATED_CRIME_COLUMNS,
    category: '__category',
    last_outcome: '"Last outcome category"',
    context: '"Context"',
  },
  checks: [
    ...monthChecks(),
    requiredText('Reported by'),
    ...forceChecks(),
    ...coordinateChecks(),
    ...lsoaChecks(),
    crimeTypeCheck(),
  ],
};
