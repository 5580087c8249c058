/**
 * The priorities register's tables as Kysely sees them (merged into Database in types.ts; see
 * migration 006).
 */
import type { ColumnType, Generated } from 'kysely';
import type { MarkedColumns } from '../../core/columns.js';

/** text[]: read as a JS array, written through the textArray() SQL helper. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PartnerPrioritiesTable extends MarkedColumns {
  id: Generated<number>;
  /** The partner whose priority it is (a CSP, OPCC or other partner). */
  partner_id: string;
  period: string;
  kind: Generated<string>;
  wording: string;
  taxonomy_ids: TextArray;
}

/** Append-only: one row per version of a priority (a trigger refuses UPDATE and DELETE). */
export interface PartnerPriorityRevisionsTable {
  id: Generated<number>;
  priority_id: number;
  version: number;
  wording: string;
  taxonomy_ids: TextArray;
  marking: string;
  shared_with: TextArray;
  reason: string | null;
  changed_by: string;
  changed_at: Timestamp;
}

export interface PriorityTables {
  partner_priorities: PartnerPrioritiesTable;
  partner_priority_revisions: PartnerPriorityRevisionsTable;
}
