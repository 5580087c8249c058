/**
 * Migration 017: a part of the document holds one text per marking; an investigation's reference
 * and a pair of plans' mapping are unique per organisation and marking (issue 13, defect 5, the
 * last of its kind).
 *
 * Why: one analyst text per (assessment, part) meant that a writer below the clearance of a
 * part's existing text was refused, and the refusal confirmed that a hidden text exists. A link
 * investigation's reference unique per organisation over every marking meant that opening OP-X
 * beside a hidden OP-X failed on the database's key, which again told the writer it was there;
 * one mapping per pair of plans over every organisation and marking meant that mapping two plans
 * another organisation (or a higher marking) had mapped was refused with "already have a mapping".
 * Decision: each key now also holds the record's organisation and marking, as migration 016 did
 * for names and numbers. Whoever may write a text, an investigation or a mapping of organisation O at
 * marking M is a member of O cleared to M, so sees every record of (O, M): the database can only
 * refuse a clash the writer can see. The document prints, per part, the highest-marked text the
 * build's clearance allows (report/text/stored-text.ts). Existing rows are not touched: each
 * keeps its marking, and is the only text of its part at that marking.
 * Frozen in time: literal SQL only.
 */
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  `ALTER TABLE analyst_texts DROP CONSTRAINT analyst_texts_assessment_id_part_key`,
  `CREATE UNIQUE INDEX analyst_texts_part_in_sight ON analyst_texts (assessment_id, part, organisation_id, marking)`,
  `ALTER TABLE link_investigations DROP CONSTRAINT link_investigations_organisation_id_reference_key`,
  `CREATE UNIQUE INDEX link_investigations_reference_in_sight ON link_investigations (organisation_id, marking, reference)`,
  `DROP INDEX plan_mappings_pair`,
  `CREATE UNIQUE INDEX plan_mappings_pair_in_sight
     ON plan_mappings (least(plan_a_id, plan_b_id), greatest(plan_a_id, plan_b_id), organisation_id, marking)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
