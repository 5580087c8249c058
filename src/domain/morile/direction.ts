/**
 * Direction of travel for the assessment-summary chart: each threat's likelihood (probability)
 * and harm (impact) now and at the previous assessment, the arrow between them, and a label.
 *
 * Decisions: positions are also given on a 0..1 chart scale (x = likelihood, y = harm, each
 * normalised by the range its model allows), so a threat scored last year with another model or
 * version can still be placed; dx and dy are on that scale. The label follows the model's own
 * risk (harm combined with likelihood), normalised the same way: "up" if it rose, "down" if it
 * fell, "static" otherwise, with `moved` set when the point moved even though risk did not.
 * A threat with no previous score is "new"; one no longer scored is "removed".
 */
import { inputError } from '../../errors.js';
import type { Interval } from './expression.js';
import { outputRanges } from './formula.js';
import type { ModelRef, ScoringModel } from './model-schema.js';
import type { ThreatScore } from './score.js';

export interface DirectionInput {
  readonly threatId: string;
  readonly name: string;
  readonly current?: ThreatScore | undefined;
  readonly previous?: ThreatScore | undefined;
}

export interface ChartPosition {
  readonly model: ModelRef;
  readonly likelihood: number;
  readonly harm: number;
  /** Likelihood on 0..1 of its model's range. */
  readonly x: number;
  /** Harm on 0..1 of its model's range. */
  readonly y: number;
  /** Risk on 0..1 of its model's range. */
  readonly risk: number;
}

export type DirectionLabel = 'up' | 'down' | 'static' | 'new' | 'removed';

export interface Direction {
  readonly threatId: string;
  readonly name: string;
  readonly now: ChartPosition | null;
  readonly previous: ChartPosition | null;
  readonly dx: number;
  readonly dy: number;
  readonly moved: boolean;
  readonly label: DirectionLabel;
}

const TOLERANCE = 1e-9;

export function directionOfTravel(models: readonly ScoringModel[], threats: readonly DirectionInput[]): Direction[] {
  const place = placer(models);
  return threats.map((t) => {
    const now = t.current === undefined ? null : place(t.current);
    const previous = t.previous === undefined ? null : place(t.previous);
    if (now === null && previous === null) {
      throw inputError(`Threat "${t.name}" has neither a current nor a previous score to chart.`);
    }
    const dx = now !== null && previous !== null ? now.x - previous.x : 0;
    const dy = now !== null && previous !== null ? now.y - previous.y : 0;
    const moved = Math.abs(dx) > TOLERANCE || Math.abs(dy) > TOLERANCE;
    return {
      threatId: t.threatId,
      name: t.name,
      now,
      previous,
      dx,
      dy,
      moved,
      label: labelFor(now, previous),
    };
  });
}

function labelFor(now: ChartPosition | null, previous: ChartPosition | null): DirectionLabel {
  if (previous === null) return 'new';
  if (now === null) return 'removed';
  const change = now.risk - previous.risk;
  return change > TOLERANCE ? 'up' : change < -TOLERANCE ? 'down' : 'static';
}

function placer(models: readonly ScoringModel[]): (score: ThreatScore) => ChartPosition {
  const ranges = new Map(models.map((m) => [`${m.id}@${m.version}`, outputRanges(m)]));
  return (score) => {
    const r = ranges.get(`${score.model.id}@${score.model.version}`);
    if (r === undefined) {
      throw inputError(
        `Scoring model ${score.model.id} v${score.model.version} is needed to chart this score; load it.`,
      );
    }
    return {
      model: score.model,
      likelihood: score.likelihood,
      harm: score.harm,
      x: unit(score.likelihood, r.likelihood),
      y: unit(score.harm, r.harm),
      risk: unit(score.risk, r.risk),
    };
  };
}

function unit(value: number, range: Interval | undefined): number {
  if (range === undefined || range.hi === range.lo) return 0;
  return (value - range.lo) / (range.hi - range.lo);
}
