/**
 * Link analysis tables as Kysely sees them (migration 013): marked investigations, and their
 * devices, imports, identifiers and events, which are read only joined to a visible investigation.
 */
import type { ColumnType, Generated } from 'kysely';
import type { MarkedColumns, TextArray, Timestamp } from '../core/columns.js';

export interface LinkInvestigationsTable extends MarkedColumns {
  id: Generated<number>;
  reference: string;
  title: string;
}

export interface LinkDevicesTable {
  id: Generated<number>;
  investigation_id: number;
  label: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface LinkImportsTable {
  id: Generated<number>;
  investigation_id: number;
  device_id: number;
  file_name: string;
  sha256: string;
  format: string;
  region: string;
  mappings: TextArray;
  records: number;
  identifiers: number;
  events: number;
  skipped: number;
  imported_by: number | null;
  imported_at: Timestamp;
}

export interface LinkIdentifiersTable {
  id: Generated<number>;
  investigation_id: number;
  device_id: number;
  import_id: number;
  role: string;
  kind: string;
  value: string;
  raw: string;
  status: string;
  name: string | null;
  source: string;
  line: number;
}

export interface LinkEventsTable {
  id: Generated<number>;
  investigation_id: number;
  device_id: number;
  import_id: number;
  type: string;
  direction: string;
  at: ColumnType<Date | null, string | null, string | null>;
  duration_s: number | null;
  role: string;
  kind: string;
  value: string;
  raw: string;
  status: string;
  source: string;
  line: number;
}

/** An organisation's designated deconfliction contact (migration 020). */
export interface LinkContactsTable {
  organisation_id: string;
  contact: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** An import refused for its rejected rows (migration 022): nothing of it was kept. */
export interface LinkRefusedImportsTable {
  id: Generated<number>;
  investigation_id: number;
  device: string;
  file_name: string;
  sha256: string;
  rows_read: number;
  rejects: number;
  first_rejects: ColumnType<unknown, string, string>;
  refused_by: number | null;
  refused_at: Timestamp;
}

export interface LinkTables {
  link_refused_imports: LinkRefusedImportsTable;
  link_contacts: LinkContactsTable;
  link_investigations: LinkInvestigationsTable;
  link_devices: LinkDevicesTable;
  link_imports: LinkImportsTable;
  link_identifiers: LinkIdentifiersTable;
  link_events: LinkEventsTable;
}
