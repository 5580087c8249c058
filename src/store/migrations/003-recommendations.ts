/**
 * Migration 003: the recommendations register and its dated progress updates.
 *
 * Why: a strategic assessment's recommendations are followed up through the year and reported in
 * the next one ("Recommendations made in the last STRA; progress"), so each is a marked,
 * versioned record of its source assessment, and its progress is a list of dated updates that is
 * only ever added to: a trigger refuses UPDATE, DELETE and TRUNCATE of update rows, whatever code
 * or tool talks to the database. An open recommendation carried into next year's assessment is a
 * new row pointing at the one it continues (`carried_from`), so both years keep their own record
 * and the history is read through the chain.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const RECOMMENDATION_STATUSES = ['proposed', 'agreed', 'in_progress', 'complete', 'superseded', 'not_adopted'];

const STATUS_LIST = RECOMMENDATION_STATUSES.map((s) => `'${s}'`).join(', ');

const STATEMENTS = [
  `CREATE TABLE recommendations (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL REFERENCES assessments(id),
     number text CHECK (number IS NULL OR number <> ''),
     theme text NOT NULL CHECK (theme <> ''),
     text text NOT NULL CHECK (text <> ''),
     owner text,
     status text NOT NULL DEFAULT 'proposed' CHECK (status IN (${STATUS_LIST})),
     carried_from integer REFERENCES recommendations(id),
     ${MARKED_COLUMNS})`,
  `CREATE INDEX recommendations_assessment ON recommendations (assessment_id)`,
  `CREATE INDEX recommendations_carried_from ON recommendations (carried_from)`,
  `CREATE TABLE recommendation_updates (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     recommendation_id integer NOT NULL REFERENCES recommendations(id),
     dated date NOT NULL,
     text text NOT NULL CHECK (text <> ''),
     status_after text NOT NULL CHECK (status_after IN (${STATUS_LIST})),
     author text NOT NULL CHECK (author <> ''),
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX recommendation_updates_recommendation ON recommendation_updates (recommendation_id, dated, id)`,
  `CREATE FUNCTION recommendation_updates_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'recommendation_updates is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER recommendation_updates_no_update_delete BEFORE UPDATE OR DELETE ON recommendation_updates
     FOR EACH ROW EXECUTE FUNCTION recommendation_updates_refuse_change()`,
  `CREATE TRIGGER recommendation_updates_no_truncate BEFORE TRUNCATE ON recommendation_updates
     FOR EACH STATEMENT EXECUTE FUNCTION recommendation_updates_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
