/**
 * Migration 009: organisations as the boundary (issue 13).
 *
 * - `jobs.organisation_id`: the organisation a job acts for (a report's assessment owner, an
 *   import's force). An administrator reaches the jobs of the organisations they administer,
 *   never every job in the store.
 * - `audit_log.subject_id`: the user an identity row is about (a login, a password, a new user),
 *   so that such rows, which belong to no organisation, are shown only to administrators of an
 *   organisation that user belongs to.
 * - `audit_log_org_at`: the audit searched by organisation and time.
 * - `login_attempts_user_client`: throttling per (user, client).
 * - `audit_log_changes`: the store's revision (the newest change, not the newest event) stays an
 *   index lookup however many reads and logins are audited.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `ALTER TABLE jobs ADD COLUMN organisation_id text REFERENCES organisations(id)`,
  `CREATE INDEX jobs_organisation ON jobs (organisation_id, id)`,
  `ALTER TABLE audit_log ADD COLUMN subject_id integer REFERENCES users(id)`,
  `CREATE INDEX audit_log_org_at ON audit_log (organisation_id, id)`,
  `CREATE INDEX audit_log_subject ON audit_log (subject_id, id)`,
  `CREATE INDEX login_attempts_user_client ON login_attempts (username, client, at)`,
  // Literal: a migration never changes once shipped (core/audit.ts CHANGE_ACTIONS is the same list).
  `CREATE INDEX audit_log_changes ON audit_log (id) WHERE action IN ('create', 'update', 'delete', 'approve', 'load', 'grant', 'password')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
