/**
 * Migration 002: scoring models, assessments, threats, scores and control strategies.
 *
 * Why: these are the marked records of a strategic assessment. Decisions: a scoring model is
 * stored whole (its JSON) under (id, version) and never changed, so a score's model reference
 * always means the same arithmetic; an assessment names the one model its threats are ranked
 * with; a threat name is unique within its assessment (ignoring case); one score per assessor
 * per threat; one control strategy per assessment (a changed one needs a new assessment version).
 */
import { sql, type Kysely } from 'kysely';
import { ASSESSMENT_STATUS_CHECK, MARKED_COLUMNS } from './sql-checks.js';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const ASSESSMENT_STATUSES = ['draft', 'under_review', 'approved', 'published'];

const STATEMENTS = [
  `CREATE TABLE scoring_models (
     id text NOT NULL,
     version integer NOT NULL CHECK (version >= 1),
     name text NOT NULL,
     definition jsonb NOT NULL,
     source text NOT NULL,
     loaded_by integer REFERENCES users(id),
     loaded_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (id, version))`,
  `CREATE TABLE assessments (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     period text NOT NULL CHECK (period ~ '^[0-9]{4}/[0-9]{2}$'),
     version_label text NOT NULL CHECK (version_label <> ''),
     title text NOT NULL CHECK (title <> ''),
     status text NOT NULL DEFAULT 'draft' ${ASSESSMENT_STATUS_CHECK(ASSESSMENT_STATUSES)},
     previous_id integer REFERENCES assessments(id),
     revision_of_id integer REFERENCES assessments(id),
     model_id text NOT NULL,
     model_version integer NOT NULL,
     combine_method text NOT NULL DEFAULT 'median' CHECK (combine_method IN ('median', 'mean')),
     FOREIGN KEY (model_id, model_version) REFERENCES scoring_models(id, version),
     ${MARKED_COLUMNS})`,
  `CREATE TABLE threats (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL REFERENCES assessments(id),
     name text NOT NULL CHECK (name <> ''),
     description text NOT NULL DEFAULT '',
     evidence jsonb NOT NULL DEFAULT '{}',
     owner text,
     carried_from_id integer REFERENCES threats(id),
     previous_score jsonb,
     ${MARKED_COLUMNS})`,
  `CREATE UNIQUE INDEX threats_name_in_assessment ON threats (assessment_id, lower(name))`,
  `CREATE TABLE scores (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     threat_id integer NOT NULL REFERENCES threats(id),
     assessor text NOT NULL CHECK (assessor <> ''),
     model_id text NOT NULL,
     model_version integer NOT NULL,
     inputs jsonb NOT NULL,
     outputs jsonb NOT NULL,
     FOREIGN KEY (model_id, model_version) REFERENCES scoring_models(id, version),
     UNIQUE (threat_id, assessor),
     ${MARKED_COLUMNS})`,
  `CREATE TABLE control_strategies (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL UNIQUE REFERENCES assessments(id),
     headings jsonb NOT NULL,
     entries jsonb NOT NULL,
     status text NOT NULL CHECK (status IN ('draft', 'approved')),
     approved_by integer REFERENCES users(id),
     approved_at timestamptz,
     CHECK (status <> 'approved' OR (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
     ${MARKED_COLUMNS})`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
