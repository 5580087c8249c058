/**
 * A risk's history: monthly reviews, each a dated entry (likelihood, impact, narrative, status
 * after, next review). Earlier entries are never changed (the table refuses UPDATE and DELETE,
 * migration 004), so every earlier state can be read back; `reviewRisk` (writes.ts) adds one and
 * sets the risk's residual score, status and next review from it, `listRiskReviews` (reads.ts)
 * reads them. Decisions: entries are added in date order, so the latest entry is always the
 * risk's current state; a review of a stale version is a CONFLICT.
 */
import type { RiskStatus } from '../../../domain/risk/statuses.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { reviewRows, toReview, type Risk, type RiskReview } from './reads.js';
import type { Tx } from '../../core/store.js';

export interface NewRiskReview {
  /** The residual likelihood and impact now, on the risk's own scale. */
  readonly likelihood: number;
  readonly impact: number;
  readonly narrative: string;
  /** YYYY-MM-DD; today (UTC) when left out. */
  readonly dated?: string | undefined;
  /** YYYY-MM-DD; a month after the review when left out (the monthly cycle). */
  readonly nextReview?: string | undefined;
  /** The status after this review; unchanged when left out. */
  readonly status?: RiskStatus | undefined;
}

/** Writes one history entry of `risk` (already checked and visible) and its audit row. */
export async function insertReview(
  tx: Tx,
  actor: Actor,
  risk: Risk,
  e: Omit<RiskReview, 'id' | 'riskId' | 'score' | 'author' | 'createdAt'>,
): Promise<RiskReview> {
  const { id } = await tx
    .insertInto('risk_reviews')
    .values({
      risk_id: risk.id,
      dated: e.dated,
      likelihood: e.likelihood,
      impact: e.impact,
      narrative: e.narrative,
      status_after: e.statusAfter,
      next_review: e.nextReview,
      author: actor.username,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const review = toReview(await reviewRows(tx).where('id', '=', id).executeTakeFirstOrThrow());
  await writeAudit(tx, actor, {
    action: 'create',
    table: 'risk_reviews',
    recordId: id,
    marking: risk.marking,
    organisationId: risk.organisationId,
    after: review,
  });
  return review;
}
