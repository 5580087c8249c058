/**
 * The recommendations register's unfiltered reads that decide a write (never returned to the
 * actor): the date check of a progress update (the period of the assessment the recommendation
 * was first made in, through its carried_from chain: only a date window comes out of it; the rule
 * is the domain's, domain/recommendations/update-dates.ts), the record a recommendation was
 * carried into. (A number already used is looked for among the recommendations the writer can see,
 * `numberTakenBy`: core/uniqueness.ts.)
 */
import { inputError } from '../../../errors.js';
import { todayUtc } from '../../../domain/calendar-date.js';
import { updateDateProblem, updateDateWindow } from '../../../domain/recommendations/update-dates.js';
import type { Tx } from '../../core/store.js';
import type { Actor } from '../../core/actor.js';
import { unfilteredFrom, visibleFrom } from '../../core/marked.js';

/** Refuses `dated` for an update of recommendation `id` when it is outside its window. */
export async function requireDateInWindow(tx: Tx, id: number, dated: string): Promise<void> {
  let at: number | null = id;
  let assessmentId: number | undefined;
  for (let steps = 0; at !== null && steps < 100; steps += 1) {
    const row = await unfilteredFrom(tx, 'recommendations')
      .select(['assessment_id', 'carried_from'])
      .where('id', '=', at)
      .executeTakeFirst();
    if (row === undefined) break;
    assessmentId = row.assessment_id;
    at = row.carried_from;
  }
  if (assessmentId === undefined) return; // The caller's read refuses an unknown recommendation.
  const { period } = await unfilteredFrom(tx, 'assessments')
    .select('period')
    .where('id', '=', assessmentId)
    .executeTakeFirstOrThrow();
  const problem = updateDateProblem(dated, updateDateWindow(period, todayUtc()), period);
  if (problem !== null) throw inputError(problem, { field: 'dated' });
}

/** The record recommendation `id` was carried into, if any (whoever can see it). */
export async function carriedInto(tx: Tx, id: number): Promise<{ id: number; assessment_id: number } | undefined> {
  return unfilteredFrom(tx, 'recommendations')
    .select(['id', 'assessment_id'])
    .where('carried_from', '=', id)
    .executeTakeFirst();
}

/**
 * Another recommendation of the assessment numbered `number` that the actor can see, if any (a
 * hidden one's number is free: core/uniqueness.ts).
 */
export async function numberTakenBy(
  tx: Tx,
  actor: Actor,
  assessmentId: number,
  number: string,
  exceptId: number,
): Promise<number | undefined> {
  const row = await visibleFrom(tx, actor, 'recommendations')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('number', '=', number)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return row?.id;
}
