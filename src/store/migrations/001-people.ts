/**
 * Migration 001: organisations, users, memberships and the append-only audit log.
 *
 * Why: who may see and change what rests on these tables, and the audit log is evidence, so it
 * is made non-editable in the database itself: a trigger raises on UPDATE, DELETE or TRUNCATE of
 * audit rows (plpgsql, which PGlite ships too), whatever code or tool talks to the database.
 * One statement per call: PGlite's extended protocol runs a single statement at a time.
 */
import { sql, type Kysely } from 'kysely';
import { MARKING_CHECK, ROLE_CHECK } from './sql-checks.js';

const STATEMENTS = [
  `CREATE TABLE organisations (
     id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
     name text NOT NULL CHECK (name <> ''),
     kind text NOT NULL CHECK (kind IN ('force', 'alliance', 'csp', 'opcc', 'partner')),
     parent_id text REFERENCES organisations(id),
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE users (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
     display_name text NOT NULL CHECK (display_name <> ''),
     clearance text NOT NULL ${MARKING_CHECK('clearance')},
     password_hash text,
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE TABLE memberships (
     user_id integer NOT NULL REFERENCES users(id),
     organisation_id text NOT NULL REFERENCES organisations(id),
     role text NOT NULL ${ROLE_CHECK},
     PRIMARY KEY (user_id, organisation_id, role))`,
  `CREATE TABLE audit_log (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at timestamptz NOT NULL DEFAULT now(),
     actor_id integer REFERENCES users(id),
     actor_name text NOT NULL,
     action text NOT NULL,
     table_name text NOT NULL,
     record_id text NOT NULL,
     marking text NOT NULL ${MARKING_CHECK('marking')},
     organisation_id text REFERENCES organisations(id),
     before jsonb,
     after jsonb)`,
  `CREATE INDEX audit_log_record ON audit_log (table_name, record_id)`,
  `CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
     FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
