/**
 * Migration 008: login sessions, login attempts (for rate limiting) and background jobs.
 *
 * Why in the store: the web server keeps no state in its process, so two servers against one
 * PostgreSQL serve the same users. A session row holds only the SHA-256 of its token (a stolen
 * database backup does not log anyone in) and its CSRF token; it expires. Login attempts are
 * counted per username and per client address over a window. A job (an import, a report build)
 * is claimed by one server with `FOR UPDATE SKIP LOCKED`, so it runs once however many are up.
 */
import { sql, type Kysely } from 'kysely';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const JOB_STATUSES = ['queued', 'running', 'done', 'failed'];

const STATEMENTS = [
  `CREATE TABLE sessions (
     token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
     user_id integer NOT NULL REFERENCES users(id),
     csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
     created_at timestamptz NOT NULL DEFAULT now(),
     last_seen_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL)`,
  `CREATE INDEX sessions_user ON sessions (user_id)`,
  `CREATE INDEX sessions_expiry ON sessions (expires_at)`,
  `CREATE TABLE login_attempts (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     username text NOT NULL,
     client text NOT NULL,
     succeeded boolean NOT NULL,
     at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX login_attempts_username ON login_attempts (username, at)`,
  `CREATE INDEX login_attempts_client ON login_attempts (client, at)`,
  `CREATE TABLE jobs (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     kind text NOT NULL CHECK (kind <> ''),
     params jsonb NOT NULL,
     status text NOT NULL DEFAULT 'queued' CHECK (status IN (${JOB_STATUSES.map((s) => `'${s}'`).join(', ')})),
     progress jsonb,
     result jsonb,
     error text,
     claimed_by text,
     created_by integer NOT NULL REFERENCES users(id),
     created_at timestamptz NOT NULL DEFAULT now(),
     started_at timestamptz,
     finished_at timestamptz)`,
  `CREATE INDEX jobs_queue ON jobs (status, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
