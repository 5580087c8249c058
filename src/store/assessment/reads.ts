/**
 * Reads of one assessment's threats and scores shared by the assessment area (NOT exported from
 * index.ts):
 * - `listThreatsIn`: the visible threats, inside a transaction (for the derived views);
 * - `isStrategyVisible`: whether the actor may see a stored Control Strategy;
 * - `allThreatsOf`, `allScoresOf`, `approvedStrategyOf`: unfiltered, for deriving products that must be computed over
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

/** The assessment's approved Control Strategy with its approver's username, whoever may see it. */
export async function approvedStrategyOf(db: Kysely<Database>, assessmentId: number) {
  return unfilteredFrom(db, 'control_strategies')
    .leftJoin('users', 'users.id', 'control_strategies.approved_by')
    .selectAll('control_strategies')
    .select('users.username')
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
}

/** Whether the actor may see the stored Control Strategy `id`. */
export async function isStrategyVisible(db: Kysely<Database>, actor: Actor, id: number): Promise<boolean> {
  const row = await visibleFrom(db, actor, 'control_strategies').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
