/**
 * The date check of a recommendation's progress update, read from the store: the period of the
 * assessment the recommendation was first made in (through its carried_from chain, whoever can
 * see each link: only a date window comes out of it) and today. The rule is the domain's
 * (domain/recommendations/update-dates.ts).
 */
import { inputError } from '../../../errors.js';
import { todayUtc } from '../../../domain/calendar-date.js';
import { updateDateProblem, updateDateWindow } from '../../../domain/recommendations/update-dates.js';
import type { Tx } from '../../core/store.js';
import { unfilteredFrom } from '../../core/marked.js';

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
