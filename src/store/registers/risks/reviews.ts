/**
 * Monthly reviews of a risk: each adds a dated entry (likelihood, impact, narrative, status after,
 * next review) to the risk's history and sets the risk's residual score, status and next review
 * from it. Earlier entries are never changed (the table refuses UPDATE and DELETE, migration 004),
 * so every earlier state can be read back. Decisions: entries are added in date order, so the
 * latest entry is always the risk's current state; a review of a stale version is a CONFLICT.
 */
import { sql } from 'kysely';
import { inputError } from '../../../errors.js';
import { addMonths, checkDate, today } from '../../../domain/risk/review-dates.js';
import { checkLevel } from '../../../domain/risk/scale.js';
import type { RiskStatus } from '../../../domain/risk/statuses.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { requireRole } from '../../core/policy.js';
import {
  describeRisk,
  readRisk,
  reviewRows,
  reviewsOf,
  riskRows,
  rowVersion,
  toReview,
  type Risk,
  type RiskReview,
} from './reads.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { assertCurrent } from '../../core/versioning.js';
import { usernameOf } from '../../core/who.js';

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

export interface RiskReviewWithReference extends RiskReview {
  readonly reference: string;
  readonly organisationId: string;
}

export interface RiskReviewQuery {
  readonly organisationId?: string | undefined;
}

/** Adds a dated review (never replacing an earlier one); give the version of the risk you read. */
export async function reviewRisk(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  input: NewRiskReview,
): Promise<{ risk: Risk; review: RiskReview }> {
  const narrative = input.narrative.trim();
  if (narrative === '') throw inputError('A review needs its narrative: what changed and why.');
  const dated = checkDate(input.dated ?? today(), 'review date');
  const nextReview = checkDate(input.nextReview ?? addMonths(dated, 1), 'next review date');
  if (nextReview < dated) throw inputError(`The next review (${nextReview}) cannot be before this review (${dated}).`);
  return inTransaction(store, async (tx) => {
    const before = await readRisk(tx, actor, id);
    assertCurrent(describeRisk(before), expectedVersion, rowVersion(before), await usernameOf(tx, before.updatedBy));
    requireRole(actor, before.organisationId, 'edit', `review risk ${id}`);
    const scale = { size: before.scaleSize };
    const likelihood = checkLevel(scale, input.likelihood, 'likelihood');
    const impact = checkLevel(scale, input.impact, 'impact');
    const latest = await tx
      .selectFrom('risk_reviews')
      .select(sql<string>`max(dated)::text`.as('dated'))
      .where('risk_id', '=', id)
      .executeTakeFirst();
    if (latest?.dated != null && dated < latest.dated) {
      throw inputError(
        `${describeRisk(before)} was last reviewed on ${latest.dated}; a review dated ${dated} would come before it. Reviews are added in date order.`,
      );
    }
    const status = input.status ?? before.status;
    await tx
      .updateTable('risks')
      .set((eb) => ({
        residual_likelihood: likelihood,
        residual_impact: impact,
        status,
        next_review: nextReview,
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirstOrThrow();
    const after = await readRisk(tx, actor, id);
    const review = await insertReview(tx, actor, after, {
      dated,
      likelihood,
      impact,
      narrative,
      statusAfter: status,
      nextReview,
    });
    await writeAudit(tx, actor, {
      action: 'update',
      table: 'risks',
      recordId: id,
      marking: after.marking,
      organisationId: after.organisationId,
      before,
      after,
    });
    return { risk: after, review };
  });
}

/** Every history entry of the risks the actor can see, by organisation, reference and date. */
export async function listRiskReviews(
  store: Store,
  actor: Actor,
  q: RiskReviewQuery = {},
): Promise<RiskReviewWithReference[]> {
  const db = dbOf(store);
  let query = riskRows(db, actor);
  if (q.organisationId !== undefined) query = query.where('organisation_id', '=', q.organisationId);
  const risks = await query
    .orderBy('organisation_id')
    .orderBy(sql`length(reference)`)
    .orderBy('reference')
    .execute();
  const reviews = await reviewsOf(
    db,
    risks.map((r) => r.id),
  );
  return risks.flatMap((r) =>
    (reviews.get(r.id) ?? []).map((v) => ({ ...v, reference: r.reference, organisationId: r.organisation_id })),
  );
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
