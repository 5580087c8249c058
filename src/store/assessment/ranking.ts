/**
 * Turning an assessment's threats and scores into the ranked, banded list: each threat's
 * assessors combined (median by default) with disagreement flags, then ranked by the domain
 * library. Pure over the rows it is given: the caller decides which rows (the actor's visible
 * ones, or all of them for a product whose marking is checked afterwards). Each entry, and the
 * list as a whole, carries the highest marking of the records it was derived from.
 */
import { highestMarking, type Marking } from '../../domain/marking.js';
import {
  combineAssessors,
  rankThreats,
  type CombinedScore,
  type CombineMethod,
  type Disagreement,
  type RankedThreat,
  type ScoringModel,
  type ThreatScore,
} from '../../domain/morile/index.js';
import type { StoredScore } from './scores.js';
import type { Threat } from './threats.js';

export interface RankedEntry {
  readonly rank: number;
  readonly threatId: number;
  readonly name: string;
  readonly marking: Marking;
  readonly assessors: readonly string[];
  readonly combined: ThreatScore;
  readonly disagreements: readonly Disagreement[];
}

export interface Ranking {
  readonly method: CombineMethod;
  readonly entries: readonly RankedEntry[];
  /** The domain's ranked list (for sensitivity and the control strategy). */
  readonly ranked: readonly RankedThreat[];
  readonly unscored: ReadonlyArray<{ readonly threatId: number; readonly name: string }>;
  readonly marking: Marking;
}

export function buildRanking(
  model: ScoringModel,
  method: CombineMethod,
  threats: readonly Threat[],
  scores: readonly StoredScore[],
): Ranking {
  const combined = new Map<number, { threat: Threat; result: CombinedScore; marking: Marking }>();
  const unscored: { threatId: number; name: string }[] = [];
  for (const threat of threats) {
    const own = scores.filter((s) => s.threatId === threat.id);
    if (own.length === 0) {
      unscored.push({ threatId: threat.id, name: threat.name });
      continue;
    }
    const result = combineAssessors(
      model,
      own.map((s) => ({ assessor: s.assessor, input: s.inputs.values })),
      { method },
    );
    combined.set(threat.id, {
      threat,
      result,
      marking: highestMarking([threat.marking, ...own.map((s) => s.marking)]),
    });
  }
  const ranked = rankThreats(
    model,
    [...combined.values()].map((c) => ({
      threatId: String(c.threat.id),
      name: c.threat.name,
      score: c.result.combined,
    })),
  );
  const entries = ranked.map((r): RankedEntry => {
    const c = combined.get(Number(r.threatId));
    if (c === undefined) throw new Error(`ranked threat ${r.threatId} was not combined`);
    return {
      rank: r.rank,
      threatId: c.threat.id,
      name: c.threat.name,
      marking: c.marking,
      assessors: c.result.assessors.map((a) => a.assessor),
      combined: c.result.combined,
      disagreements: c.result.disagreements,
    };
  });
  return {
    method,
    entries,
    ranked,
    unscored,
    marking: highestMarking([...threats.map((t) => t.marking), ...scores.map((s) => s.marking)]),
  };
}
