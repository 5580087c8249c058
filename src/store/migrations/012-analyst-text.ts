/**
 * Migration 012: the analyst's written text of the document, in the store (issue 14).
 *
 * Why: the text was a folder of Markdown files on the server, out of reach of a browser, unmarked
 * unless a front-matter line said so, unversioned and unaudited. Each part's text is now a marked,
 * versioned record of its assessment's organisation: one per (assessment, part), edited with the
 * version the writer read (a stale write is a CONFLICT), every change audited.
 * Decision: the part is checked against the document's list in code, not in a CHECK, because the
 * document's parts grow with the document; the database refuses an empty part or a body that is
 * not text.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

const STATEMENTS = [
  `CREATE TABLE analyst_texts (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL REFERENCES assessments(id),
     part text NOT NULL CHECK (part <> ''),
     body text NOT NULL,
     ${MARKED_COLUMNS},
     UNIQUE (assessment_id, part))`,
  `CREATE INDEX analyst_texts_assessment ON analyst_texts (assessment_id, part)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
