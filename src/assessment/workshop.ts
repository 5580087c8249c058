/**
 * The MoRiLE scoring workshop's view of one threat: each assessor scores independently, so until
 * the actor has submitted their own score for the threat, the other assessors' scores are
 * withheld (only who has submitted is shown); once the actor has scored, every visible score and
 * the combined result are shown with disagreements. An assessor is identified by username.
 */
import { combineAssessors, type CombinedScore, type ScoringModel } from '../domain/morile/index.js';
import {
  getThreat,
  listScores,
  modelOfAssessment,
  type Actor,
  type StoredScore,
  type Store,
  type Threat,
} from '../store/index.js';

export interface WorkshopView {
  readonly threat: Threat;
  readonly model: ScoringModel;
  readonly mine: StoredScore | null;
  /** Everyone who has scored the threat (visible to the actor), the actor included. */
  readonly submitted: readonly string[];
  /** Other assessors' scores: empty until the actor has submitted their own. */
  readonly others: readonly StoredScore[];
  /** The assessors combined (median by default), once the actor has submitted. */
  readonly combined: CombinedScore | null;
  readonly hidden: boolean;
}

export async function workshopView(store: Store, actor: Actor, threatId: number): Promise<WorkshopView> {
  const threat = await getThreat(store, actor, threatId);
  const model = await modelOfAssessment(store, actor, threat.assessmentId);
  const scores = await listScores(store, actor, { threatId });
  const mine = scores.find((s) => s.assessor === actor.username) ?? null;
  const hidden = mine === null;
  const combined =
    hidden || scores.length === 0
      ? null
      : combineAssessors(
          model,
          scores.map((s) => ({ assessor: s.assessor, input: s.inputs.values })),
        );
  return {
    threat,
    model,
    mine,
    hidden,
    combined,
    submitted: scores.map((s) => s.assessor).sort(),
    others: hidden ? [] : scores.filter((s) => s !== mine),
  };
}
