/**
 * Migration 004: the strategic risk register and its dated reviews.
 *
 * Why: strategic risks are owned by chief officers, mapped on a likelihood x impact heat map and
 * reviewed monthly; the history of each risk must survive every review so it can be read back
 * and charted. A risk is a marked, versioned record of its organisation; each review (and the
 * initial assessment, the first row) is a row that is only ever added to: a trigger refuses
 * UPDATE, DELETE and TRUNCATE of review rows, whatever code or tool talks to the database.
 * Decisions: a risk stores its scale size, and every level is checked against it, so a register
 * that later moves to another size never reinterprets an old score; scores are generated
 * columns (likelihood x impact), so SQL can order by them and they can never disagree.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const RISK_STATUSES = ['open', 'tolerated', 'closed'];
const MIN_SCALE_SIZE = 2;
const MAX_SCALE_SIZE = 10;

const STATUS_LIST = RISK_STATUSES.map((s) => `'${s}'`).join(', ');
const level = (column: string) => `${column} integer NOT NULL CHECK (${column} BETWEEN 1 AND scale_size)`;

const STATEMENTS = [
  `CREATE TABLE risks (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     reference text NOT NULL CHECK (reference <> ''),
     title text NOT NULL CHECK (title <> ''),
     category text NOT NULL CHECK (category <> ''),
     owner text NOT NULL CHECK (owner <> ''),
     cause text NOT NULL DEFAULT '',
     consequence text NOT NULL DEFAULT '',
     scale_size integer NOT NULL CHECK (scale_size BETWEEN ${MIN_SCALE_SIZE} AND ${MAX_SCALE_SIZE}),
     ${level('inherent_likelihood')},
     ${level('inherent_impact')},
     inherent_score integer GENERATED ALWAYS AS (inherent_likelihood * inherent_impact) STORED,
     ${level('residual_likelihood')},
     ${level('residual_impact')},
     residual_score integer GENERATED ALWAYS AS (residual_likelihood * residual_impact) STORED,
     mitigation text NOT NULL DEFAULT '',
     actions text[] NOT NULL DEFAULT '{}',
     identified_on date NOT NULL,
     next_review date NOT NULL,
     status text NOT NULL DEFAULT 'open' CHECK (status IN (${STATUS_LIST})),
     ${MARKED_COLUMNS},
     UNIQUE (organisation_id, reference))`,
  `CREATE TABLE risk_reviews (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     risk_id integer NOT NULL REFERENCES risks(id),
     dated date NOT NULL,
     likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND ${MAX_SCALE_SIZE}),
     impact integer NOT NULL CHECK (impact BETWEEN 1 AND ${MAX_SCALE_SIZE}),
     score integer GENERATED ALWAYS AS (likelihood * impact) STORED,
     narrative text NOT NULL CHECK (narrative <> ''),
     status_after text NOT NULL CHECK (status_after IN (${STATUS_LIST})),
     next_review date NOT NULL,
     author text NOT NULL CHECK (author <> ''),
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX risk_reviews_risk ON risk_reviews (risk_id, dated, id)`,
  `CREATE FUNCTION risk_reviews_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'risk_reviews is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER risk_reviews_no_update_delete BEFORE UPDATE OR DELETE ON risk_reviews
     FOR EACH ROW EXECUTE FUNCTION risk_reviews_refuse_change()`,
  `CREATE TRIGGER risk_reviews_no_truncate BEFORE TRUNCATE ON risk_reviews
     FOR EACH STATEMENT EXECUTE FUNCTION risk_reviews_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
