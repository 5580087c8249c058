/**
 * Migration 011: recommendations get a due date, and a progress update can be corrected.
 *
 * Why: the register follows each recommendation to its owner and the date it is due (issue 14).
 * Progress updates stay append-only (the trigger of migration 003 still refuses UPDATE and
 * DELETE): a correction is a new row that names the update it replaces (`corrects`), so the
 * wrong date or words stay readable, and at most one correction replaces a given row (a later
 * correction corrects the correction).
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  // Text, not date: both drivers read it back as written (a date column comes back as a Date whose
  // time zone differs between PGlite and node-postgres).
  `ALTER TABLE recommendations ADD COLUMN due_on text CHECK (due_on IS NULL OR due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`,
  `ALTER TABLE recommendation_updates ADD COLUMN corrects integer REFERENCES recommendation_updates(id)`,
  `ALTER TABLE recommendation_updates ADD COLUMN reason text CHECK (reason IS NULL OR reason <> '')`,
  `CREATE UNIQUE INDEX recommendation_updates_corrects ON recommendation_updates (corrects) WHERE corrects IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
