/**
 * Deriving the Control Strategy from ranked, banded threats: the priorities, the intelligence
 * requirements and business as usual, in rank order, each entry with the reason it is there.
 *
 * Decisions: placement follows the band category alone (never re-judged here); a PRIORITY
 * threat with low confidence appears under priorities AND intelligence requirements, because
 * the force must act on it and find out more; reasons quote the numbers and thresholds that put
 * the threat there, so the Strategic Tasking and Co-ordination Group can check them. The
 * strategy carries its headings; actions under each heading are written by people later.
 * Approval (who, when) is recorded by the store, not here.
 */
import { bandReason } from './bands.js';
import { resolveHeadings } from './headings.js';
import type { Heading, HeadingSet } from './headings.js';
import { describeValue, getFactor } from './levels.js';
import type { ModelRef, ScoringModel } from './model-schema.js';
import type { RankedThreat } from './rank.js';

export interface StrategyEntry {
  readonly threatId: string;
  readonly name: string;
  readonly rank: number;
  readonly band: string;
  readonly priority: number;
  readonly s: number;
  readonly reason: string;
}

export interface ControlStrategy {
  readonly model: ModelRef;
  readonly headings: readonly Heading[];
  readonly priorities: readonly StrategyEntry[];
  readonly intelligenceRequirements: readonly StrategyEntry[];
  readonly businessAsUsual: readonly StrategyEntry[];
}

export interface ControlStrategyOptions {
  readonly headings?: HeadingSet;
}

export function deriveControlStrategy(
  model: ScoringModel,
  ranked: readonly RankedThreat[],
  options: ControlStrategyOptions = {},
): ControlStrategy {
  const inOrder = [...ranked].sort((a, b) => a.rank - b.rank);
  const entry = (t: RankedThreat, reason: string): StrategyEntry => ({
    threatId: t.threatId,
    name: t.name,
    rank: t.rank,
    band: t.score.band.id,
    priority: t.score.priority,
    s: t.score.s,
    reason,
  });
  const inCategory = (category: string) => inOrder.filter((t) => t.score.band.category === category);
  return {
    model: { id: model.id, version: model.version },
    headings: resolveHeadings(options.headings),
    priorities: inCategory('priority').map((t) => entry(t, bandReason(model, t.score.s))),
    intelligenceRequirements: inOrder
      .filter((t) => t.score.intelligenceRequirement !== null)
      .map((t) => entry(t, irReason(model, t))),
    businessAsUsual: inCategory('business-as-usual').map((t) => entry(t, bandReason(model, t.score.s))),
  };
}

function irReason(model: ScoringModel, t: RankedThreat): string {
  const because = bandReason(model, t.score.s);
  const rule = model.lowConfidence;
  if (t.score.intelligenceRequirement !== 'low-confidence' || rule === undefined) return because;
  const factor = getFactor(model, rule.factor);
  const given = describeValue(factor, t.score.values[rule.factor] ?? factor.min);
  return `${because} but confidence is low (${given} <= ${rule.atOrBelow}): intelligence is needed to confirm it`;
}
