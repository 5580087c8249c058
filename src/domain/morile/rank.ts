/**
 * Ranking threats scored with one model: priority descending, then the model's tie-break keys
 * in order (default: organisational-risk total, harm, confidence high first, name), then the
 * threat id so the order is total and repeatable. Decisions: priorities within a relative 1e-9
 * of each other are a tie (floating-point noise must not decide a ranking); threats scored with
 * different models or versions are refused, since their numbers are not comparable.
 */
import { inputError } from '../../errors.js';
import type { ScoringModel, TieBreak } from './model-schema.js';
import type { ThreatScore } from './score.js';

export interface ScoredThreat {
  readonly threatId: string;
  readonly name: string;
  readonly score: ThreatScore;
}

export interface RankedThreat extends ScoredThreat {
  /** 1 = highest priority. */
  readonly rank: number;
}

export type ThreatComparator = (a: ScoredThreat, b: ScoredThreat) => number;

export function rankThreats(model: ScoringModel, threats: readonly ScoredThreat[]): RankedThreat[] {
  for (const t of threats) assertSameModel(model, t);
  return [...threats].sort(compareThreats(model)).map((t, i) => ({ ...t, rank: i + 1 }));
}

/** Negative when `a` ranks above `b`. */
export function compareThreats(model: ScoringModel): ThreatComparator {
  return (a, b) => {
    const byPriority = compareNumbers(b.score.priority, a.score.priority);
    if (byPriority !== 0) return byPriority;
    for (const tie of model.tieBreak) {
      const c = compareBy(tie, a, b);
      if (c !== 0) return c;
    }
    return a.threatId < b.threatId ? -1 : a.threatId > b.threatId ? 1 : 0;
  };
}

function compareBy(tie: TieBreak, a: ScoredThreat, b: ScoredThreat): number {
  const asc =
    tie.key === 'name'
      ? a.name.localeCompare(b.name, 'en-GB')
      : compareNumbers(keyValue(a.score, tie.key), keyValue(b.score, tie.key));
  return tie.order === 'asc' ? asc : -asc;
}

function keyValue(score: ThreatScore, key: string): number {
  return score.outputs[key] ?? score.values[key] ?? 0;
}

function compareNumbers(a: number, b: number): number {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= tolerance ? 0 : a < b ? -1 : 1;
}

function assertSameModel(model: ScoringModel, t: ScoredThreat): void {
  const m = t.score.model;
  if (m.id === model.id && m.version === model.version) return;
  throw inputError(
    `Cannot rank "${t.name}": it was scored with ${m.id} v${m.version}, the ranking uses ` +
      `${model.id} v${model.version}. Re-score it with one model first.`,
    { threatId: t.threatId },
  );
}
