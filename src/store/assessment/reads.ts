/**
 * Reads of one assessment's threats and scores shared by the assessment area (NOT exported from
 * index.ts):
 * - `listThreatsIn`: the visible threats, inside a transaction (for the derived views);
 * - `allThreatsOf`, `allScoresOf`: unfiltered, for deriving products that must be computed over
 *   everything (the Control Strategy, next year's carried scores). Every caller checks the
 *   derived product's marking (the highest of its inputs) against the actor before returning
 *   anything, or writes records that keep their own marking.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { toScore, type StoredScore } from './scores.js';
import { toThreat, type Threat } from './threats.js';
import type { Database } from '../core/schema.js';
import { unfilteredFrom, visibleFrom } from '../core/marked.js';

export async function listThreatsIn(db: Kysely<Database>, actor: Actor, assessmentId: number): Promise<Threat[]> {
  const rows = await visibleFrom(db, actor, 'threats')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map(toThreat);
}

export async function allThreatsOf(db: Kysely<Database>, assessmentId: number): Promise<Threat[]> {
  const rows = await unfilteredFrom(db, 'threats')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map(toThreat);
}

export async function allScoresOf(db: Kysely<Database>, assessmentId: number): Promise<StoredScore[]> {
  const rows = await unfilteredFrom(db, 'scores')
    .innerJoin(unfilteredFrom(db, 'threats').selectAll().as('threats'), 'threats.id', 'scores.threat_id')
    .selectAll('scores')
    .where('threats.assessment_id', '=', assessmentId)
    .orderBy('scores.threat_id')
    .orderBy('scores.assessor')
    .execute();
  return rows.map(toScore);
}
