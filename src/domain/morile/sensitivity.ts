/**
 * Sensitivity: which single change to one factor would change the outcome for a threat.
 * Four questions: the smallest change that lifts it into a higher band, drops it into a lower
 * band, lifts it past the threat ranked just above it, or lets the threat just below pass it.
 *
 * Decisions: changes move along the factor's own levels (one level up or down, then two, ...),
 * so every suggestion is a value an assessor could actually pick; "smallest" means fewest level
 * steps, and every factor achieving that smallest step count is returned (in model order) so
 * the analyst sees all the near tipping points, not an arbitrary one. Passing a neighbour uses
 * the same comparator as the ranking, tie-breaks included.
 */
import { inputError } from '../../errors.js';
import { bandIndex } from './bands.js';
import { levelsAbove, levelsBelow } from './levels.js';
import type { Factor, ScoringModel } from './model-schema.js';
import { compareThreats } from './rank.js';
import type { RankedThreat, ScoredThreat } from './rank.js';
import { scoreValues } from './score.js';
import type { ThreatScore } from './score.js';

export interface FactorChange {
  readonly factor: string;
  readonly from: number;
  readonly to: number;
  /** Signed level steps: +1 is one level up, -2 two levels down. */
  readonly steps: number;
  readonly score: ThreatScore;
}

export interface Sensitivity {
  readonly threatId: string;
  readonly bandUp: readonly FactorChange[];
  readonly bandDown: readonly FactorChange[];
  /** Changes that take it above the threat ranked just above (empty if it is first). */
  readonly passAbove: readonly FactorChange[];
  /** Changes that let the threat ranked just below overtake it (empty if it is last). */
  readonly fallBelow: readonly FactorChange[];
}

type Goal = (changed: ScoredThreat) => boolean;

export function sensitivity(model: ScoringModel, ranked: readonly RankedThreat[], threatId: string): Sensitivity {
  const index = ranked.findIndex((t) => t.threatId === threatId);
  const threat = ranked[index];
  if (threat === undefined) throw inputError(`Threat ${threatId} is not in the ranked list.`);
  const compare = compareThreats(model);
  const band = bandIndex(model, threat.score.s);
  const above = ranked[index - 1];
  const below = ranked[index + 1];
  const changes = allChanges(model, threat);
  const smallest = (goal: Goal) => smallestReaching(changes, threat, goal);
  return {
    threatId,
    bandUp: smallest((t) => bandIndex(model, t.score.s) < band),
    bandDown: smallest((t) => bandIndex(model, t.score.s) > band),
    passAbove: above === undefined ? [] : smallest((t) => compare(t, above) < 0),
    fallBelow: below === undefined ? [] : smallest((t) => compare(below, t) < 0),
  };
}

/** Every single-factor change along the levels, each already scored. */
function allChanges(model: ScoringModel, threat: ScoredThreat): FactorChange[] {
  return model.factors.flatMap((factor) => changesOf(model, factor, threat.score));
}

function changesOf(model: ScoringModel, factor: Factor, score: ThreatScore): FactorChange[] {
  const from = score.values[factor.id] ?? factor.min;
  const step = (to: number, steps: number): FactorChange => ({
    factor: factor.id,
    from,
    to,
    steps,
    score: scoreValues(model, { ...score.values, [factor.id]: to }),
  });
  return [
    ...levelsAbove(factor, from).map((l, i) => step(l.value, i + 1)),
    ...levelsBelow(factor, from).map((l, i) => step(l.value, -(i + 1))),
  ];
}

function smallestReaching(changes: readonly FactorChange[], threat: ScoredThreat, goal: Goal): FactorChange[] {
  const reaching = changes.filter((c) => goal({ ...threat, score: c.score }));
  const fewest = Math.min(...reaching.map((c) => Math.abs(c.steps)));
  return reaching.filter((c) => Math.abs(c.steps) === fewest);
}
