/**
 * Migration 019: a plan's objectives mapped onto the partners' priorities (the common taxonomy's
 * headings) and onto the threats of an assessment (issue 14, "plans and their mappings").
 *
 * Why: the Strategic Assessment reads the commissioners' plans beside the partners' priorities
 * and the Control Strategy; an analyst says which heading of the priorities' taxonomy and which
 * threats each objective of a plan serves, so that the plan can be read against both. Decisions:
 * the maps are the plan's content, like its objectives: they take the plan's marking and a change
 * of them moves the plan to its next version (audited); a map to a threat is read only where the
 * reader may see the threat too, so a plan never names a threat above its reader; a threat that is
 * deleted takes its maps with it. The taxonomy CHECK is named so that a later migration adding a
 * heading can replace it. Frozen in time: literal SQL only.
 */
import { sql, type Kysely } from 'kysely';

/** As of this migration (migration 006's list). */
const TAXONOMY_IDS = [
  'reoffending',
  'asb',
  'violent-crime',
  'sexual-violence',
  'domestic-abuse',
  'drugs-alcohol',
  'burglary',
  'road-safety',
  'rural-crime',
  'business-crime',
  'cyber-crime',
  'hate-crime',
  'radicalisation',
  'family-focus',
  'community-cohesion',
  'serious-acquisitive-crime',
  'fire',
  'cse',
  'criminal-damage',
  'environmental-crime',
  'vulnerability',
  'modern-slavery',
  'serious-organised-crime',
  'honour-based-abuse',
];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const STATEMENTS = [
  `CREATE TABLE plan_objective_priorities (
     objective_id integer NOT NULL REFERENCES plan_objectives(id),
     taxonomy_id text NOT NULL CONSTRAINT plan_objective_priorities_known_taxonomy CHECK (taxonomy_id IN (${list(TAXONOMY_IDS)})),
     PRIMARY KEY (objective_id, taxonomy_id))`,
  `CREATE TABLE plan_objective_threats (
     objective_id integer NOT NULL REFERENCES plan_objectives(id),
     threat_id integer NOT NULL REFERENCES threats(id) ON DELETE CASCADE,
     PRIMARY KEY (objective_id, threat_id))`,
  `CREATE INDEX plan_objective_threats_threat ON plan_objective_threats (threat_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

/** Undoes 019, so a test can rebuild a store as it was before an earlier migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE plan_objective_threats`.execute(db);
  await sql`DROP TABLE plan_objective_priorities`.execute(db);
}
