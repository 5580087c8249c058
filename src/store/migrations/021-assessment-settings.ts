/**
 * Migration 021: an assessment's settings (issue 14): the document's title and the organisation
 * name printed on its title page (until now only from the workspace's document.json, which the
 * browser cannot reach and which is one for every assessment), and the Control Strategy's
 * headings (prevention, intelligence, enforcement, reassurance by default; until now only a
 * command-line option of each show or approve).
 *
 * Why a row per assessment and not marked columns of its own: the settings are the assessment's,
 * read and written only where the assessment is (its marking, organisation and sharing), like a
 * plan's objectives are its plan's. Versioned for the 409 flow; every change audited. Null: the
 * default (the assessment's title, the organisation's name, the default headings). Frozen in
 * time: literal SQL only.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `CREATE TABLE assessment_settings (
     assessment_id integer PRIMARY KEY REFERENCES assessments(id),
     document_title text CHECK (document_title IS NULL OR length(document_title) BETWEEN 1 AND 300),
     document_organisation text CHECK (document_organisation IS NULL OR length(document_organisation) BETWEEN 1 AND 200),
     strategy_headings jsonb CHECK (strategy_headings IS NULL OR jsonb_typeof(strategy_headings) = 'array'),
     version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
     updated_by integer REFERENCES users(id),
     updated_at timestamptz NOT NULL DEFAULT now())`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** Undoes 021, so a test can rebuild a store as it was before an earlier migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE assessment_settings`.execute(db);
}
