/**
 * Migration 007: the plans register (Police and Crime Plans, their themes and objectives, and the
 * mappings that set two plans side by side) and the inspections register (HMIC/HMICFRS
 * inspections, their findings and the findings' dated progress updates).
 *
 * Why this shape: a plan is a marked, versioned record owned by its commissioner's office; its
 * themes and objectives are its content and take its marking (an objective changes only with its
 * plan's version). A mapping is a record of its own, owned by whoever compares the plans (the
 * alliance in the seed's Appendix 1), holding theme links and objective pairs; each objective and
 * theme sits in at most one link of a mapping, so the side-by-side table shows each once. A
 * finding is marked on its own (an area for improvement about counter-corruption may be more
 * sensitive than the published grade); its progress updates are only ever added, and a trigger
 * refuses UPDATE, DELETE and TRUNCATE of them whatever tool talks to the database.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS } from './sql-checks.js';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const INSPECTION_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate', 'not_graded'];
const FINDING_KINDS = ['area_for_improvement', 'recommendation', 'cause_of_concern'];
const FINDING_STATUSES = ['open', 'in_progress', 'complete', 'superseded'];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const PLAN_TABLES = [
  `CREATE TABLE plans (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     title text NOT NULL CHECK (title <> ''),
     period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{4}$'),
     commissioner text CHECK (commissioner IS NULL OR commissioner <> ''),
     source text CHECK (source IS NULL OR source <> ''),
     ${MARKED_COLUMNS})`,
  `CREATE TABLE plan_themes (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id integer NOT NULL REFERENCES plans(id),
     name text NOT NULL CHECK (name <> ''),
     position integer NOT NULL,
     UNIQUE (plan_id, name))`,
  `CREATE TABLE plan_objectives (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_id integer NOT NULL REFERENCES plans(id),
     theme_id integer NOT NULL REFERENCES plan_themes(id),
     text text NOT NULL CHECK (text <> ''),
     position integer NOT NULL,
     UNIQUE (theme_id, text))`,
  `CREATE INDEX plan_objectives_plan ON plan_objectives (plan_id, position)`,
  `CREATE TABLE plan_mappings (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     plan_a_id integer NOT NULL REFERENCES plans(id),
     plan_b_id integer NOT NULL REFERENCES plans(id),
     title text CHECK (title IS NULL OR title <> ''),
     CHECK (plan_a_id <> plan_b_id),
     ${MARKED_COLUMNS})`,
  // One mapping per pair of plans, whichever way round it was made.
  `CREATE UNIQUE INDEX plan_mappings_pair ON plan_mappings (least(plan_a_id, plan_b_id), greatest(plan_a_id, plan_b_id))`,
  `CREATE TABLE plan_theme_links (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     mapping_id integer NOT NULL REFERENCES plan_mappings(id),
     theme_a_id integer NOT NULL REFERENCES plan_themes(id),
     theme_b_id integer NOT NULL REFERENCES plan_themes(id),
     UNIQUE (mapping_id, theme_a_id),
     UNIQUE (mapping_id, theme_b_id))`,
  `CREATE TABLE plan_objective_pairs (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     mapping_id integer NOT NULL REFERENCES plan_mappings(id),
     objective_a_id integer NOT NULL REFERENCES plan_objectives(id),
     objective_b_id integer NOT NULL REFERENCES plan_objectives(id),
     UNIQUE (mapping_id, objective_a_id),
     UNIQUE (mapping_id, objective_b_id))`,
];

const INSPECTION_TABLES = [
  `CREATE TABLE inspections (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     body text NOT NULL CHECK (body <> ''),
     title text NOT NULL CHECK (title <> ''),
     dated text CHECK (dated IS NULL OR dated ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
     grade text CHECK (grade IS NULL OR grade IN (${list(INSPECTION_GRADES)})),
     source text CHECK (source IS NULL OR source <> ''),
     ${MARKED_COLUMNS})`,
  `CREATE TABLE inspection_findings (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     inspection_id integer NOT NULL REFERENCES inspections(id),
     reference text CHECK (reference IS NULL OR reference <> ''),
     kind text NOT NULL CHECK (kind IN (${list(FINDING_KINDS)})),
     text text NOT NULL CHECK (text <> ''),
     detail text CHECK (detail IS NULL OR detail <> ''),
     owner text CHECK (owner IS NULL OR owner <> ''),
     status text NOT NULL DEFAULT 'open' CHECK (status IN (${list(FINDING_STATUSES)})),
     ${MARKED_COLUMNS})`,
  `CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id)`,
  `CREATE TABLE inspection_finding_updates (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     finding_id integer NOT NULL REFERENCES inspection_findings(id),
     dated date NOT NULL,
     text text NOT NULL CHECK (text <> ''),
     status_after text NOT NULL CHECK (status_after IN (${list(FINDING_STATUSES)})),
     author text NOT NULL CHECK (author <> ''),
     created_at timestamptz NOT NULL DEFAULT now())`,
  `CREATE INDEX inspection_finding_updates_finding ON inspection_finding_updates (finding_id, dated, id)`,
  `CREATE FUNCTION inspection_finding_updates_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'inspection_finding_updates is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER inspection_finding_updates_no_update_delete BEFORE UPDATE OR DELETE ON inspection_finding_updates
     FOR EACH ROW EXECUTE FUNCTION inspection_finding_updates_refuse_change()`,
  `CREATE TRIGGER inspection_finding_updates_no_truncate BEFORE TRUNCATE ON inspection_finding_updates
     FOR EACH STATEMENT EXECUTE FUNCTION inspection_finding_updates_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...PLAN_TABLES, ...INSPECTION_TABLES]) await sql.raw(statement).execute(db);
}
