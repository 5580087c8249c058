/**
 * Direction of travel for the assessment-summary chart: each visible threat's likelihood and
 * harm now (its combined score) and last year (the score carried with it, recomputed with last
 * year's model and version), plus last year's visible threats that were not carried ("removed").
 * The chart product takes the highest marking of the threats it shows.
 */
import { highestMarking, type Marking } from '../../domain/marking.js';
import {
  directionOfTravel,
  scoreValues,
  type Direction,
  type DirectionInput,
  type ModelRef,
  type ScoringModel,
} from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { readAssessment, type Assessment } from './assessments.js';
import { modelFor } from './models.js';
import { buildRanking } from './ranking.js';
import { queryScores } from './scores.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';
import { listThreatsIn } from './reads.js';

export interface DirectionEntry extends Direction {
  /** Still a threat of this assessment (a "removed" one that is true is carried but not scored yet). */
  readonly inAssessment: boolean;
  /** Its rank this year among the threats the reader sees (1 = highest priority); null when not scored this year. */
  readonly rank: number | null;
}

export interface DirectionView {
  readonly assessment: Assessment;
  readonly directions: readonly DirectionEntry[];
  readonly marking: Marking;
}

export async function directionOfTravelFor(store: Store, actor: Actor, assessmentId: number): Promise<DirectionView> {
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, assessmentId);
    const models = new Map<string, ScoringModel>();
    const model = async (ref: ModelRef) => {
      const key = `${ref.id}@${ref.version}`;
      if (!models.has(key)) models.set(key, await modelFor(tx, null, ref));
      return models.get(key) as ScoringModel;
    };
    const now = await rankedIn(tx, actor, assessment, await model(assessment.model));
    const inputs: DirectionInput[] = [];
    const markings: Marking[] = [];
    for (const t of now.threats) {
      const prev = t.previousScore;
      const current = now.entries.get(t.id);
      if (current === undefined && prev === null) continue;
      inputs.push({
        threatId: String(t.id),
        name: t.name,
        current: current?.combined,
        previous: prev === null ? undefined : scoreValues(await model(prev.model), prev.values),
      });
      markings.push(current?.marking ?? t.marking);
    }
    if (assessment.previousId !== null) {
      const previous = await readAssessment(tx, actor, assessment.previousId).catch(() => undefined);
      if (previous !== undefined) {
        const carried = new Set(now.threats.map((t) => t.carriedFromId));
        const last = await rankedIn(tx, actor, previous, await model(previous.model));
        for (const t of last.threats) {
          const score = last.entries.get(t.id);
          if (carried.has(t.id) || score === undefined) continue;
          inputs.push({ threatId: String(t.id), name: t.name, previous: score.combined });
          markings.push(score.marking);
        }
      }
    }
    const current = new Set(now.threats.map((t) => String(t.id)));
    const directions = directionOfTravel([...models.values()], inputs).map((d) => ({
      ...d,
      inAssessment: current.has(d.threatId),
      rank: current.has(d.threatId) ? (now.entries.get(Number(d.threatId))?.rank ?? null) : null,
    }));
    return { assessment, directions, marking: highestMarking(markings) };
  });
}

async function rankedIn(tx: Tx, actor: Actor, assessment: Assessment, model: ScoringModel) {
  const threats = await listThreatsIn(tx, actor, assessment.id);
  const ranking = buildRanking(
    model,
    assessment.combineMethod,
    threats,
    await queryScores(tx, actor, { assessmentId: assessment.id }),
  );
  return { threats, entries: new Map(ranking.entries.map((e) => [e.threatId, e])) };
}
