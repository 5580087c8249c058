/**
 * Migration 022: link analysis imports that were refused (issue 16).
 *
 * Why: an import is all or nothing, so a file with rejected rows keeps nothing; the
 * investigation's page still shows that it was tried, by whom and when, how many rows were
 * rejected and the first of them (file, line, field, why), so an analyst sees what is missing
 * and the next person does not try the same file blind. Decisions: one row per refusal, read
 * only through its investigation (no marking of its own, like the devices and imports); the
 * rejects kept are the first 50 (the refusal says how many there were); the device is the label
 * asked for (a refused first import makes no device). Frozen in time: literal SQL only.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `CREATE TABLE link_refused_imports (
     id serial PRIMARY KEY,
     investigation_id integer NOT NULL REFERENCES link_investigations(id) ON DELETE CASCADE,
     device text NOT NULL,
     file_name text NOT NULL,
     sha256 text NOT NULL,
     rows_read integer NOT NULL CHECK (rows_read >= 0),
     rejects integer NOT NULL CHECK (rejects > 0),
     first_rejects jsonb NOT NULL,
     refused_by integer REFERENCES users(id),
     refused_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX link_refused_imports_investigation ON link_refused_imports (investigation_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** Undoes 022, so a test can rebuild a store as it was before an earlier migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE link_refused_imports`.execute(db);
}
