/**
 * The register's derived products: the heat map (count and names per cell, movement since the
 * previous review) and the overdue-review list. Both are built only from the risks the actor can
 * see, and each carries the highest marking of the risks in it, as every derived product does.
 */
import { sql } from 'kysely';
import { highestMarking, type Marking } from '../../../domain/marking.js';
import { heatMap, type HeatMap } from '../../../domain/risk/heat-map.js';
import { overdueReviews } from '../../../domain/risk/overdue.js';
import { DEFAULT_RATING_BANDS, type RatingBand } from '../../../domain/risk/rating.js';
import { checkDate, today } from '../../../domain/risk/review-dates.js';
import { DEFAULT_SCALE_SIZE, riskScale } from '../../../domain/risk/scale.js';
import { CLOSED_RISK_STATUSES } from '../../../domain/risk/statuses.js';
import type { Actor } from '../../core/actor.js';
import { riskRows, toRisk, type Risk } from './reads.js';
import { listRisks } from './writes.js';
import { dbOf, type Store } from '../../core/store.js';

export interface RiskHeatMapOptions {
  readonly organisationId?: string | undefined;
  /** The scale to map; the one most of the risks use when left out (5 when there are none). */
  readonly scaleSize?: number | undefined;
  /** Closed risks are left off unless asked for. */
  readonly includeClosed?: boolean | undefined;
  readonly bands?: readonly RatingBand[] | undefined;
  readonly likelihoodLabels?: readonly string[] | undefined;
  readonly impactLabels?: readonly string[] | undefined;
}

export interface RiskHeatMap extends HeatMap {
  /** The highest marking of the risks on the map (OFFICIAL when it is empty). */
  readonly marking: Marking;
  /** Visible risks left off because they are scored on another scale size. */
  readonly otherScales: number;
}

export async function riskHeatMap(store: Store, actor: Actor, o: RiskHeatMapOptions = {}): Promise<RiskHeatMap> {
  const held = (await listRisks(store, actor, { organisationId: o.organisationId })).filter(
    (r) => o.includeClosed === true || !CLOSED_RISK_STATUSES.includes(r.status),
  );
  const size = o.scaleSize ?? mostCommonSize(held);
  const onScale = held.filter((r) => r.scaleSize === size);
  const scale = riskScale(size, { likelihood: o.likelihoodLabels, impact: o.impactLabels });
  const map = heatMap(
    scale,
    onScale.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      likelihood: r.residual.likelihood,
      impact: r.residual.impact,
      previous: r.previous,
    })),
    o.bands ?? DEFAULT_RATING_BANDS,
  );
  return { ...map, marking: highestMarking(onScale.map((r) => r.marking)), otherScales: held.length - onScale.length };
}

export interface OverdueRisk extends Risk {
  readonly daysOverdue: number;
}

export interface OverdueRiskList {
  /** YYYY-MM-DD: reviews due before this date are overdue. */
  readonly asOf: string;
  readonly marking: Marking;
  readonly risks: readonly OverdueRisk[];
}

/** Risks still held whose next review was due before `asOf` (default today), longest overdue first. */
export async function overdueRiskReviews(
  store: Store,
  actor: Actor,
  o: { asOf?: string | undefined; organisationId?: string | undefined } = {},
): Promise<OverdueRiskList> {
  const asOf = checkDate(o.asOf ?? today(), 'date');
  let query = riskRows(dbOf(store), actor)
    .where(sql<boolean>`next_review < ${asOf}::date`)
    .where('status', 'not in', [...CLOSED_RISK_STATUSES]);
  if (o.organisationId !== undefined) query = query.where('organisation_id', '=', o.organisationId);
  const risks = overdueReviews((await query.execute()).map(toRisk), asOf);
  return { asOf, marking: highestMarking(risks.map((r) => r.marking)), risks };
}

function mostCommonSize(risks: readonly Risk[]): number {
  const counts = new Map<number, number>();
  for (const r of risks) counts.set(r.scaleSize, (counts.get(r.scaleSize) ?? 0) + 1);
  let best = DEFAULT_SCALE_SIZE;
  let most = 0;
  for (const [size, n] of counts) if (n > most || (n === most && size === DEFAULT_SCALE_SIZE)) [best, most] = [size, n];
  return best;
}
