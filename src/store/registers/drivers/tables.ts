/**
 * The environmental-scanning register's tables as Kysely sees them (merged into Database in
 * types.ts). Dates are written as 'YYYY-MM-DD' and read back as text (`::text`), so no driver
 * turns them into local-time Date objects.
 */
import type { ColumnType, Generated } from 'kysely';
import type { Json, MarkedColumns } from '../../core/columns.js';

type Day = ColumnType<Date | string, string, string>;

export interface DriversTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  number: number;
  name: string;
  challenge: string | null;
  pestelo: string | null;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  evidence: Json<unknown>;
  impact: number;
  uncertainty: number;
  reviewed_on: Day;
  carried_from: number | null;
}

/** Append-only: rows are inserted, never changed (a trigger refuses UPDATE and DELETE). */
export interface DriverReviewsTable {
  id: Generated<number>;
  driver_id: number;
  dated: ColumnType<Date | string, string, never>;
  impact: number;
  uncertainty: number;
  note: string;
  author: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DriverConfigurationsTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  topic: string;
  note: string | null;
  carried_from: number | null;
}

export interface DriverConfigurationMembersTable {
  configuration_id: number;
  driver_id: number;
  role: string;
  position: number;
}

export interface ScanningTables {
  drivers: DriversTable;
  driver_reviews: DriverReviewsTable;
  driver_configurations: DriverConfigurationsTable;
  driver_configuration_members: DriverConfigurationMembersTable;
}
