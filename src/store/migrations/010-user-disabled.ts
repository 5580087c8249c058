/**
 * Migration 010: a user can be disabled by an administrator (issue 14). Why a column and not a
 * deletion: a user's past changes, scores and audit rows name them, so the row stays and only
 * their logins stop (sessions are ended when they are disabled). Null: the user may log in.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`).execute(db);
}
