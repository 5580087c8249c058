/**
 * The warehouse's tables. Each source kind lands in its own table, stored as one Parquet file
 * per month holding every force: few, large files keep queries fast (DuckDB pays per file), and
 * a re-issued force-month rewrites only its month.
 */
export const TABLES = [
  'street',
  'outcomes',
  'stop_and_search',
  'offences',
  'street_counts',
  'street_area_counts',
  'street_district_counts',
  'prc',
  'incidents',
  'missing_episodes',
] as const;
export type TableName = (typeof TABLES)[number];

/** Tables that sources land in (the rest are derived from them at import). */
export const SOURCE_TABLES = [
  'street',
  'outcomes',
  'stop_and_search',
  'offences',
  'prc',
] as const satisfies readonly TableName[];

/** Column definitions (DuckDB types) of each table, in the order they are written. */
export const TABLE_COLUMNS: Readonly<Record<TableName, readonly (readonly [string, string])[]>> = {
  street: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['crime_id', 'VARCHAR'],
    ['reported_by', 'VARCHAR'],
    ['falls_within', 'VARCHAR'],
    ['longitude', 'DOUBLE'],
    ['latitude', 'DOUBLE'],
    ['location', 'VARCHAR'],
    ['lsoa_code', 'VARCHAR'],
    ['lsoa_name', 'VARCHAR'],
    ['lsoa_district', 'VARCHAR'],
    ['category', 'VARCHAR'],
    ['last_outcome', 'VARCHAR'],
    ['context', 'VARCHAR'],
  ],
  outcomes: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['crime_id', 'VARCHAR'],
    ['reported_by', 'VARCHAR'],
    ['falls_within', 'VARCHAR'],
    ['longitude', 'DOUBLE'],
    ['latitude', 'DOUBLE'],
    ['location', 'VARCHAR'],
    ['lsoa_code', 'VARCHAR'],
    ['lsoa_name', 'VARCHAR'],
    ['lsoa_district', 'VARCHAR'],
    ['outcome_type', 'VARCHAR'],
  ],
  stop_and_search: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['type', 'VARCHAR'],
    ['datetime', 'TIMESTAMPTZ'],
    ['part_of_operation', 'BOOLEAN'],
    ['operation', 'VARCHAR'],
    ['latitude', 'DOUBLE'],
    ['longitude', 'DOUBLE'],
    ['gender', 'VARCHAR'],
    ['age_range', 'VARCHAR'],
    ['self_defined_ethnicity', 'VARCHAR'],
    ['officer_defined_ethnicity', 'VARCHAR'],
    ['legislation', 'VARCHAR'],
    ['object_of_search', 'VARCHAR'],
    ['outcome', 'VARCHAR'],
    ['outcome_linked_to_object', 'BOOLEAN'],
    ['removal_of_outer_clothing', 'BOOLEAN'],
  ],
  // Derived at import: street rows counted by force, month and category, so the commonest
  // questions (volumes by force, month and category) read thousands of rows, not millions.
  street_counts: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['category', 'VARCHAR'],
    ['n', 'BIGINT'],
  ],
  // Derived at import: street rows counted by LSOA with the CSP and district the area table gives
  // them (DIMENSION_SQL's rules), so area breakdowns need no join over millions of rows. Built
  // with one version of the area table (`areasDigest` in the catalog); rebuilt when it changes.
  street_area_counts: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['category', 'VARCHAR'],
    ['home_force', 'VARCHAR'],
    ['csp', 'VARCHAR'],
    ['district', 'VARCHAR'],
    ['lsoa', 'VARCHAR'],
    ['n', 'BIGINT'],
  ],
  // Derived from street_area_counts without the LSOA: CSP and district breakdowns of a whole
  // country read tens of thousands of rows.
  street_district_counts: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['category', 'VARCHAR'],
    ['home_force', 'VARCHAR'],
    ['csp', 'VARCHAR'],
    ['district', 'VARCHAR'],
    ['n', 'BIGINT'],
  ],
  offences: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['crime_reference', 'VARCHAR'],
    ['offence_code', 'VARCHAR'],
    ['offence_description', 'VARCHAR'],
    ['category', 'VARCHAR'],
    ['committed_from', 'TIMESTAMP'],
    ['committed_to', 'TIMESTAMP'],
    ['recorded_date', 'DATE'],
    ['lsoa_code', 'VARCHAR'],
    ['beat', 'VARCHAR'],
    ['district', 'VARCHAR'],
    ['outcome', 'VARCHAR'],
    ['domestic_abuse', 'BOOLEAN'],
    ['hate_race', 'BOOLEAN'],
    ['hate_religion', 'BOOLEAN'],
    ['hate_sexual_orientation', 'BOOLEAN'],
    ['hate_disability', 'BOOLEAN'],
    ['hate_transgender', 'BOOLEAN'],
    ['alcohol', 'BOOLEAN'],
    ['night_time_economy', 'BOOLEAN'],
  ],
  // Home Office police recorded crime tables: one file per financial year, all forces. `month`
  // is the first month of the financial year (the partition and source key); `force` is the
  // police.uk id (NULL for the fraud bodies); `kind` is territorial, btp or fraud-body.
  prc: [
    ['financial_year', 'VARCHAR'],
    ['month', 'DATE'],
    ['quarter', 'TINYINT'],
    ['force_name', 'VARCHAR'],
    ['force', 'VARCHAR'],
    ['kind', 'VARCHAR'],
    ['offence_description', 'VARCHAR'],
    ['offence_group', 'VARCHAR'],
    ['offence_subgroup', 'VARCHAR'],
    ['offence_code', 'VARCHAR'],
    ['count', 'DOUBLE'],
  ],
  // Incidents (calls for service) read through a saved column mapping (src/demand): `month` is the
  // local month opened; `force` the owner named at import. Times are epoch milliseconds, the
  // instant (`*_utc`) and the force's local wall clock (`*_local`), as src/domain/demand keeps them.
  // `row_hash` is the content's digest: a re-import of an unchanged incident changes nothing.
  incidents: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['id', 'VARCHAR'],
    ['opened_utc', 'BIGINT'],
    ['opened_local', 'BIGINT'],
    ['arrived_utc', 'BIGINT'],
    ['arrived_local', 'BIGINT'],
    ['closed_utc', 'BIGINT'],
    ['closed_local', 'BIGINT'],
    ['opening_code', 'VARCHAR'],
    ['closing_code', 'VARCHAR'],
    ['disposition', 'VARCHAR'],
    ['demand_class', 'VARCHAR'],
    ['grade', 'VARCHAR'],
    ['outcome', 'VARCHAR'],
    ['area_kind', 'VARCHAR'],
    ['area_code', 'VARCHAR'],
    ['crime_related', 'BOOLEAN'],
    ['mental_health', 'BOOLEAN'],
    ['officer_minutes', 'DOUBLE'],
    ['units', 'INTEGER'],
    ['source', 'VARCHAR'],
    ['row_hash', 'VARCHAR'],
  ],
  // Missing-person episodes: `month` is the local month reported; `person` is already a keyed
  // pseudonym (src/demand/missing/pseudonymiser.ts), never the force's reference.
  missing_episodes: [
    ['force', 'VARCHAR'],
    ['month', 'DATE'],
    ['id', 'VARCHAR'],
    ['person', 'VARCHAR'],
    ['reported_utc', 'BIGINT'],
    ['reported_local', 'BIGINT'],
    ['found_utc', 'BIGINT'],
    ['found_local', 'BIGINT'],
    ['risk', 'VARCHAR'],
    ['age_band', 'VARCHAR'],
    ['looked_after', 'BOOLEAN'],
    ['address_type', 'VARCHAR'],
    ['missing_from', 'VARCHAR'],
    ['missing_from_area', 'VARCHAR'],
    ['found_area', 'VARCHAR'],
    ['source', 'VARCHAR'],
    ['row_hash', 'VARCHAR'],
  ],
};

/** A source key: one force's month of one table, as police.uk publishes it. */
export interface SourceKey {
  readonly table: TableName;
  readonly force: string;
  readonly month: string; // YYYY-MM
}

export function sourceId(key: SourceKey): string {
  return `${key.table}/${key.force}/${key.month}`;
}

/** A partition key: one month of one table (one Parquet file holding every force). */
export function partitionId(table: TableName, month: string): string {
  return `${table}/${month}`;
}
