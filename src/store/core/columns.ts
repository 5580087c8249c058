/**
 * The column types every table shares (timestamps, jsonb, text[]) and the block of columns every
 * marked table has. Apart from core/schema.ts so that each area's tables can use them without
 * importing the schema that lists those tables (which would tie them in a circle).
 */
import type { ColumnType, Generated } from 'kysely';

/** Timestamps with a default: read as Date (both drivers), written as Date or left out. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** jsonb: read parsed, written as JSON text (node-postgres would turn a JS array into a SQL array). */
export type Json<T> = ColumnType<T, string, string>;
/** text[]: read as a JS array, written through the textArray() SQL helper. */
export type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface MarkedColumns {
  marking: string;
  organisation_id: string;
  shared_with: TextArray;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}
