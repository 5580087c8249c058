/**
 * The guard of every write in the assessment area (and of the registers' writes that hang on an
 * assessment): once an assessment's control strategy is approved, its threats and scores are the record of
 * what the approvers saw, so they no longer change: a change needs a new version of the
 * assessment (`reviseAssessment`). Every threat and score write calls `openAssessment`, which
 * also takes a share lock on the assessment row, so an approval and an edit cannot interleave.
 */
import { stateError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { describeAssessment, readAssessment, type Assessment } from './assessments.js';
import type { Tx } from '../core/store.js';
import { visibleFrom, unfilteredFrom } from '../core/marked.js';

export async function openAssessment(tx: Tx, actor: Actor, assessmentId: number): Promise<Assessment> {
  await visibleFrom(tx, actor, 'assessments').select('id').where('id', '=', assessmentId).forShare().execute();
  const assessment = await readAssessment(tx, actor, assessmentId);
  if (assessment.status === 'approved' || assessment.status === 'published') {
    const approval = await unfilteredFrom(tx, 'control_strategies')
      .innerJoin('users', 'users.id', 'control_strategies.approved_by')
      .select(['users.username', 'control_strategies.approved_at'])
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirst();
    const who =
      approval === undefined ? '' : ` by ${approval.username} at ${new Date(approval.approved_at ?? 0).toISOString()}`;
    throw stateError(
      `${describeAssessment(assessment)} is ${assessment.status} (control strategy approved${who}); its threats and scores can no longer change. ` +
        `Make a new version to change them: stra assessment revise ${assessment.id} --label "V<n>".`,
    );
  }
  return assessment;
}
