/**
 * Migration 006: partners' priorities, each in the partner's own words and mapped onto the common
 * taxonomy, with an append-only revision per change.
 *
 * Why: CSPs, counties and OPCCs set their priorities each year in their own words, and the
 * alliance compares them with its Control Strategy. A priority is a marked, versioned record of
 * the partner (`partner_id`) for a period, held by the partner or by a police body entering it on
 * the partner's behalf (`organisation_id`). Rewording or remapping it must never lose the old
 * state, so every version is also a row of `partner_priority_revisions`, which a trigger keeps
 * append-only. The taxonomy ids are CHECKed against the domain's closed list, and a note about a
 * partner's table (kind `note`) maps to nothing while a priority maps to at least one heading.
 * The taxonomy CHECKs are named so that a later migration adding a heading can replace them.
 */
import { sql, type Kysely } from 'kysely';
import { MARKED_COLUMNS, MARKING_CHECK } from './sql-checks.js';

/** As of this migration (literal: a changed list in src/domain needs a new migration). */
const PRIORITY_KINDS = ['priority', 'note'];
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
const KNOWN_IDS = `taxonomy_ids <@ ARRAY[${list(TAXONOMY_IDS)}]::text[]`;

const STATEMENTS = [
  `CREATE TABLE partner_priorities (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     partner_id text NOT NULL REFERENCES organisations(id),
     period text NOT NULL CHECK (period ~ '^[0-9]{4}/[0-9]{2}$'),
     kind text NOT NULL DEFAULT 'priority' CHECK (kind IN (${list(PRIORITY_KINDS)})),
     wording text NOT NULL CHECK (wording <> ''),
     taxonomy_ids text[] NOT NULL DEFAULT '{}' CONSTRAINT partner_priorities_known_taxonomy CHECK (${KNOWN_IDS}),
     ${MARKED_COLUMNS},
     CHECK ((kind = 'note') = (cardinality(taxonomy_ids) = 0)),
     UNIQUE (partner_id, period, wording))`,
  `CREATE INDEX partner_priorities_period ON partner_priorities (period, partner_id)`,
  `CREATE TABLE partner_priority_revisions (
     id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     priority_id integer NOT NULL REFERENCES partner_priorities(id),
     version integer NOT NULL CHECK (version >= 1),
     wording text NOT NULL CHECK (wording <> ''),
     taxonomy_ids text[] NOT NULL CONSTRAINT partner_priority_revisions_known_taxonomy CHECK (${KNOWN_IDS}),
     marking text NOT NULL ${MARKING_CHECK('marking')},
     shared_with text[] NOT NULL DEFAULT '{}',
     reason text,
     changed_by text NOT NULL CHECK (changed_by <> ''),
     changed_at timestamptz NOT NULL DEFAULT now(),
     UNIQUE (priority_id, version))`,
  `CREATE FUNCTION partner_priority_revisions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'partner_priority_revisions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE TRIGGER partner_priority_revisions_no_update_delete BEFORE UPDATE OR DELETE ON partner_priority_revisions
     FOR EACH ROW EXECUTE FUNCTION partner_priority_revisions_refuse_change()`,
  `CREATE TRIGGER partner_priority_revisions_no_truncate BEFORE TRUNCATE ON partner_priority_revisions
     FOR EACH STATEMENT EXECUTE FUNCTION partner_priority_revisions_refuse_change()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
