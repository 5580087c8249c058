/** Visible threats of one assessment, inside a transaction (shared by the derived views). */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import { visibleTo } from '../core/policy.js';
import { toThreat, type Threat } from './threats.js';
import type { Database } from '../core/schema.js';

export async function listThreatsIn(db: Kysely<Database>, actor: Actor, assessmentId: number): Promise<Threat[]> {
  const rows = await db
    .selectFrom('threats')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where(visibleTo(actor, 'threats'))
    .orderBy('id')
    .execute();
  return rows.map(toThreat);
}
