/**
 * Migration 018: the Control Strategy's written plan for each threat (issue 14): its lead
 * officer, the actions under each of the strategy's headings (prevention, intelligence,
 * enforcement, reassurance by default) and, for an intelligence requirement, the questions to be
 * answered.
 *
 * Why a record per threat: the bands say which threats are priorities; what the force will do
 * about each is written by people, edited in the browser, carried into next year with the threat
 * and printed in the document. It is a marked, versioned, audited record of the threat's
 * organisation, marked at least as high as its threat. Decision: the actions are a JSON object
 * keyed by heading id (a force's headings are a list it may change, so the database does not fix
 * them), the questions a JSON array of text; the database refuses anything else.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

const STATEMENTS = [
  `CREATE TABLE strategy_plans (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL REFERENCES assessments(id),
     threat_id integer NOT NULL REFERENCES threats(id),
     lead_officer text NOT NULL DEFAULT '',
     actions jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(actions) = 'object'),
     questions jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(questions) = 'array'),
     ${MARKED_COLUMNS},
     UNIQUE (threat_id))`,
  `CREATE INDEX strategy_plans_assessment ON strategy_plans (assessment_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** Undoes 018, so a test can rebuild a store as it was before an earlier migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE strategy_plans`.execute(db);
}
