/**
 * Migration 005: the environmental-scanning register. Change drivers of an assessment (number,
 * name, Social/Partner/Policing group and/or PESTELO heading, cross-cutting themes, evidence
 * notes, current impact and uncertainty on the 1-10 scale), their dated reviews, and configured
 * uses (a topic with its primary and secondary drivers).
 *
 * Why: a driver's scores move as the scan is reviewed, and the earlier positions must stay
 * readable, so each review is a row that is only ever added (a trigger refuses UPDATE, DELETE and
 * TRUNCATE whatever tool talks to the database); the driver row holds the latest scores for
 * listing. A driver carried into another assessment is a new row pointing at the one it continues
 * (`carried_from`), as recommendations are. A configuration lists each driver once (primary key),
 * so no driver can be both primary and secondary. The CHECKs list the domain's closed lists as
 * they were when this migration shipped.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const CHALLENGE_GROUPS = ['social', 'partner', 'policing'];
const PESTELO_HEADINGS = [
  'political',
  'economic',
  'social',
  'technological',
  'environmental',
  'legal',
  'organisational',
];
const DRIVER_SCALE = { min: 1, max: 10 };
const CONFIGURATION_ROLES = ['primary', 'secondary'];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const SCORE = `BETWEEN ${DRIVER_SCALE.min} AND ${DRIVER_SCALE.max}`;

const STATEMENTS = [
  `CREATE TABLE drivers (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL REFERENCES assessments(id),
     number integer NOT NULL CHECK (number >= 1),
     name text NOT NULL CHECK (name <> ''),
     challenge text CHECK (challenge IN (${list(CHALLENGE_GROUPS)})),
     pestelo text CHECK (pestelo IN (${list(PESTELO_HEADINGS)})),
     themes text[] NOT NULL DEFAULT '{}',
     evidence jsonb NOT NULL DEFAULT '[]',
     impact integer NOT NULL CHECK (impact ${SCORE}),
     uncertainty integer NOT NULL CHECK (uncertainty ${SCORE}),
     reviewed_on date NOT NULL,
     carried_from integer REFERENCES drivers(id),
     ${MARKED_COLUMNS},
     CHECK (challenge IS NOT NULL OR pestelo IS NOT NULL),
     UNIQUE (assessment_id, number))`,
  `CREATE INDEX drivers_carried_from ON drivers (carried_from)`,
  `CREATE TABLE driver_reviews (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     driver_id integer NOT NULL REFERENCES drivers(id),
     dated date NOT NULL,
     impact integer NOT NULL CHECK (impact ${SCORE}),
     uncertainty integer NOT NULL CHECK (uncertainty ${SCORE}),
     note text NOT NULL CHECK (note <> ''),
     author text NOT NULL CHECK (author <> ''),
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX driver_reviews_driver ON driver_reviews (driver_id, dated, id)`,
  `CREATE FUNCTION driver_reviews_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'driver_reviews is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER driver_reviews_no_update_delete BEFORE UPDATE OR DELETE ON driver_reviews
     FOR EACH ROW EXECUTE FUNCTION driver_reviews_refuse_change()`,
  `CREATE TRIGGER driver_reviews_no_truncate BEFORE TRUNCATE ON driver_reviews
     FOR EACH STATEMENT EXECUTE FUNCTION driver_reviews_refuse_change()`,
  `CREATE TABLE driver_configurations (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     assessment_id integer NOT NULL REFERENCES assessments(id),
     topic text NOT NULL CHECK (topic <> ''),
     note text,
     carried_from integer REFERENCES driver_configurations(id),
     ${MARKED_COLUMNS})`,
  `CREATE UNIQUE INDEX driver_configurations_topic ON driver_configurations (assessment_id, lower(topic))`,
  `CREATE TABLE driver_configuration_members (
     configuration_id integer NOT NULL REFERENCES driver_configurations(id),
     driver_id integer NOT NULL REFERENCES drivers(id),
     role text NOT NULL CHECK (role IN (${list(CONFIGURATION_ROLES)})),
     position integer NOT NULL CHECK (position >= 1),
     PRIMARY KEY (configuration_id, driver_id))`,
  `CREATE INDEX driver_configuration_members_driver ON driver_configuration_members (driver_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
