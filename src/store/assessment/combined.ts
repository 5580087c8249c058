/**
 * The combined view an actor sees: every threat of an assessment they may see, its assessors'
 * scores combined (median by default) with disagreement flags, ranked and banded, and the
 * sensitivity of any one threat. Only visible threats and scores take part, so the ranks are
 * ranks among what the actor can see and nothing about hidden records can be inferred.
 */
import { sensitivity, type CombineMethod, type ScoringModel, type Sensitivity } from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { readAssessment, type Assessment } from './assessments.js';
import { modelFor } from './models.js';
import { buildRanking, type Ranking } from './ranking.js';
import { queryScores } from './scores.js';
import { inTransaction, type Store } from '../core/store.js';
import { listThreatsIn } from './reads.js';

export interface CombinedView extends Ranking {
  readonly assessment: Assessment;
}

export async function combinedView(
  store: Store,
  actor: Actor,
  assessmentId: number,
  options: { method?: CombineMethod } = {},
): Promise<CombinedView> {
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, assessmentId);
    const model = await modelFor(tx, null, assessment.model);
    const threats = await listThreatsIn(tx, actor, assessmentId);
    const scores = await queryScores(tx, actor, { assessmentId });
    return { assessment, ...buildRanking(model, options.method ?? assessment.combineMethod, threats, scores) };
  });
}

export async function threatSensitivity(
  store: Store,
  actor: Actor,
  assessmentId: number,
  threatId: number,
): Promise<Sensitivity> {
  const view = await combinedView(store, actor, assessmentId);
  const model = await inTransaction(store, (tx) => modelFor(tx, null, view.assessment.model));
  return sensitivity(model, view.ranked, String(threatId));
}

/** The scoring model an assessment's threats are scored and ranked with. */
export async function modelOfAssessment(store: Store, actor: Actor, assessmentId: number): Promise<ScoringModel> {
  return inTransaction(store, async (tx) => modelFor(tx, null, (await readAssessment(tx, actor, assessmentId)).model));
}
