/**
 * Heat-map data: for every cell of the likelihood x impact grid, how many risks sit there and
 * which, each with its movement since its previous review. Why data and not a picture: the CLI
 * prints it as a grid, the report draws it as a chart, from the same cells. Rows run from the
 * highest impact down, columns from the lowest likelihood up, as the map is usually drawn.
 */
import { inputError } from '../../errors.js';
import { movementOf, type Movement } from './movement.js';
import { DEFAULT_RATING_BANDS, ratingOf, type RatingBand } from './rating.js';
import { riskScore, type Assessed } from './score.js';
import type { RiskScale } from './scale.js';

export interface HeatMapEntry extends Assessed {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  /** The values at the review before the latest one; null when there has been only one. */
  readonly previous: Assessed | null;
}

export interface HeatMapRisk {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
  readonly score: number;
  readonly movement: Movement;
  /** The cell it was in at the previous review (null when new). */
  readonly from: (Assessed & { readonly score: number }) | null;
}

export interface HeatMapCell {
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly rating: string;
  readonly count: number;
  readonly risks: readonly HeatMapRisk[];
}

export interface HeatMapRow {
  readonly impact: number;
  readonly label: string;
  /** Likelihood 1 to size. */
  readonly cells: readonly HeatMapCell[];
}

export interface HeatMap {
  readonly scale: RiskScale;
  /** Impact size down to 1. */
  readonly rows: readonly HeatMapRow[];
  readonly total: number;
  readonly byRating: Readonly<Record<string, number>>;
  readonly byMovement: Readonly<Record<Movement, number>>;
}

export function heatMap(
  scale: RiskScale,
  entries: readonly HeatMapEntry[],
  bands: readonly RatingBand[] = DEFAULT_RATING_BANDS,
): HeatMap {
  const byCell = new Map<string, HeatMapRisk[]>();
  const byMovement: Record<Movement, number> = { up: 0, down: 0, same: 0, new: 0 };
  for (const e of entries) {
    const score = scoreOn(scale, e, e);
    const from = e.previous === null ? null : { ...pick(e.previous), score: scoreOn(scale, e, e.previous) };
    const risk: HeatMapRisk = {
      id: e.id,
      reference: e.reference,
      title: e.title,
      score,
      movement: movementOf(from?.score ?? null, score),
      from,
    };
    byMovement[risk.movement] += 1;
    const key = `${e.likelihood}x${e.impact}`;
    byCell.set(key, [...(byCell.get(key) ?? []), risk]);
  }
  const byRating: Record<string, number> = Object.fromEntries(bands.map((b) => [b.rating, 0]));
  const rows: HeatMapRow[] = [];
  for (let impact = scale.size; impact >= 1; impact -= 1) {
    const cells: HeatMapCell[] = [];
    for (let likelihood = 1; likelihood <= scale.size; likelihood += 1) {
      const risks = (byCell.get(`${likelihood}x${impact}`) ?? []).sort((a, b) =>
        a.reference.localeCompare(b.reference, 'en', { numeric: true }),
      );
      const rating = ratingOf(scale, likelihood * impact, bands);
      byRating[rating] = (byRating[rating] ?? 0) + risks.length;
      cells.push({ likelihood, impact, score: likelihood * impact, rating, count: risks.length, risks });
    }
    rows.push({ impact, label: scale.impactLabels[impact - 1] ?? String(impact), cells });
  }
  return { scale, rows, total: entries.length, byRating, byMovement };
}

const pick = (a: Assessed): Assessed => ({ likelihood: a.likelihood, impact: a.impact });

function scoreOn(scale: RiskScale, e: HeatMapEntry, a: Assessed): number {
  try {
    return riskScore(scale, a);
  } catch (err) {
    throw inputError(
      `Risk ${e.reference} cannot go on a ${scale.size}x${scale.size} heat map: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
