/**
 * Migration 020: each organisation's designated deconfliction contact (issue 16).
 *
 * Why: when a link analysis search matches an identifier held in an investigation the searcher may
 * not see, they are told only whom to contact in the owning organisation: its designated contact,
 * set by its administrator (a name, a desk, a phone number). Decisions: one row per organisation,
 * not marked (it is how to reach a public body's officer, shown to anyone whose search hits that
 * organisation); every change audited; an organisation without one is named with the deployment's
 * default (STRA_LINKS_DECONFLICTION_CONTACT). Frozen in time: literal SQL only.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `CREATE TABLE link_contacts (
     organisation_id text PRIMARY KEY REFERENCES organisations(id),
     contact text NOT NULL CHECK (contact <> '' AND length(contact) <= 300),
     updated_by integer REFERENCES users(id),
     updated_at timestamptz NOT NULL DEFAULT now())`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** Undoes 020, so a test can rebuild a store as it was before an earlier migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE link_contacts`.execute(db);
}
