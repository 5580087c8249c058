/** Visible threats of one assessment, inside a transaction (shared by the derived views). */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { toThreat, type Threat } from './threats.js';
import type { Database } from '../core/schema.js';
import { visibleFrom } from '../core/marked.js';

export async function listThreatsIn(db: Kysely<Database>, actor: Actor, assessmentId: number): Promise<Threat[]> {
  const rows = await visibleFrom(db, actor, 'threats')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map(toThreat);
}
