/**
 * Migration 016: a name, number or reference is unique among the records that can see each other,
 * not over every record (issue 13, defect 5).
 *
 * Why: a threat name, driver number, risk reference, driver-configuration topic or partner
 * priority's wording unique over all records meant that a writer who picked the value of a record
 * above their clearance was refused, and the refusal itself confirmed that the hidden record
 * exists. Decision: each key now also holds the record's organisation and marking. Whoever may
 * write a record of organisation O at marking M is a member of O cleared to M, so sees every record
 * of (O, M): the database can only refuse a clash the writer can see. The stores check the wider
 * clash (every record the writer can see, at any marking) before writing, and a lookup by name,
 * number or reference resolves among the records its caller can see, refusing an ambiguous one.
 * Frozen in time: literal SQL only.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `DROP INDEX threats_name_in_assessment`,
  `CREATE UNIQUE INDEX threats_name_in_sight ON threats (assessment_id, organisation_id, marking, lower(name))`,
  `ALTER TABLE drivers DROP CONSTRAINT drivers_assessment_id_number_key`,
  `CREATE UNIQUE INDEX drivers_number_in_sight ON drivers (assessment_id, organisation_id, marking, number)`,
  `DROP INDEX driver_configurations_topic`,
  `CREATE UNIQUE INDEX driver_configurations_topic_in_sight
     ON driver_configurations (assessment_id, organisation_id, marking, lower(topic))`,
  `ALTER TABLE risks DROP CONSTRAINT risks_organisation_id_reference_key`,
  `CREATE UNIQUE INDEX risks_reference_in_sight ON risks (organisation_id, marking, reference)`,
  `ALTER TABLE partner_priorities DROP CONSTRAINT partner_priorities_partner_id_period_wording_key`,
  `CREATE UNIQUE INDEX partner_priorities_wording_in_sight
     ON partner_priorities (partner_id, period, organisation_id, marking, wording)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
