/**
 * Reading risks and their reviews, and the shapes the register returns. Why one place: every
 * read of the register goes through `riskRows`, which applies the marking rule, and through
 * `reviewsOf`, which only reads the reviews of risks already read that way (a review carries its
 * risk's marking). Dates are read as text (`::text`): node-postgres would turn a date into a
 * local-time Date and shift it by the time zone.
 */
import { sql, type Kysely } from 'kysely';
import { notFoundError } from '../../../errors.js';
import type { Assessed } from '../../../domain/risk/score.js';
import type { RiskStatus } from '../../../domain/risk/statuses.js';
import type { Actor } from '../../core/actor.js';
import { dbOf, type Store } from '../../core/store.js';
import { markedFields, toIso, type MarkedFields, type MarkedRow } from '../../core/rows.js';
import type { Database } from '../../core/schema.js';
import { visibleFrom } from '../../core/marked.js';

export interface ScoredLevels extends Assessed {
  /** likelihood x impact. */
  readonly score: number;
}

export interface Risk extends MarkedFields {
  readonly id: number;
  /** The register's reference, unique among its organisation's risks a writer can see (e.g. "SR01"). */
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  /** The chief officer post that owns it (e.g. "Deputy Chief Constable"). */
  readonly owner: string;
  readonly cause: string;
  readonly consequence: string;
  /** Levels per axis of the scale it is scored on (5 for 5x5); fixed for the life of the risk. */
  readonly scaleSize: number;
  /** Before mitigation. */
  readonly inherent: ScoredLevels;
  /** With mitigation in place: the latest review's values. */
  readonly residual: ScoredLevels;
  /** The narrative describing mitigation. */
  readonly mitigation: string;
  /** Mitigating actions, one per item. */
  readonly actions: readonly string[];
  /** YYYY-MM-DD: when it was first assessed (the date of its first history entry). */
  readonly identifiedOn: string;
  /** YYYY-MM-DD: when its next review is due. */
  readonly nextReview: string;
  readonly status: RiskStatus;
}

/** One dated entry of a risk's history: the initial assessment, then each review. Never changed. */
export interface RiskReview {
  readonly id: number;
  readonly riskId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly score: number;
  readonly narrative: string;
  readonly statusAfter: RiskStatus;
  /** YYYY-MM-DD: the next review it set. */
  readonly nextReview: string;
  /** Username of whoever recorded it. */
  readonly author: string;
  readonly createdAt: string;
}

interface RiskRow extends MarkedRow {
  id: number;
  reference: string;
  title: string;
  category: string;
  owner: string;
  cause: string;
  consequence: string;
  scale_size: number;
  inherent_likelihood: number;
  inherent_impact: number;
  inherent_score: number;
  residual_likelihood: number;
  residual_impact: number;
  residual_score: number;
  mitigation: string;
  actions: string[];
  identified_on: string;
  next_review: string;
  status: string;
}

/** Risks the actor may see, every column, dates as text. */
export const riskRows = (db: Kysely<Database>, actor: Actor) =>
  visibleFrom(db, actor, 'risks').select([
    'id',
    'reference',
    'title',
    'category',
    'owner',
    'cause',
    'consequence',
    'scale_size',
    'inherent_likelihood',
    'inherent_impact',
    'inherent_score',
    'residual_likelihood',
    'residual_impact',
    'residual_score',
    'mitigation',
    'actions',
    'status',
    'marking',
    'organisation_id',
    'shared_with',
    'version',
    'created_by',
    'created_at',
    'updated_by',
    'updated_at',
    sql<string>`identified_on::text`.as('identified_on'),
    sql<string>`next_review::text`.as('next_review'),
  ]);

export async function readRisk(db: Kysely<Database>, actor: Actor, id: number): Promise<Risk> {
  const row = await riskRows(db, actor).where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no risk ${id} that you can see.`);
  return toRisk(row);
}

/** The reviews of the given risks, oldest first, by risk id: only those of risks the actor may see. */
export async function reviewsOf(
  db: Kysely<Database>,
  actor: Actor,
  riskIds: readonly number[],
): Promise<Map<number, RiskReview[]>> {
  const byRisk = new Map<number, RiskReview[]>(riskIds.map((id) => [id, []]));
  if (riskIds.length === 0) return byRisk;
  const rows = await reviewRows(db)
    .innerJoin(
      visibleFrom(db, actor, 'risks').select('id as visible_risk_id').as('visible'),
      'visible.visible_risk_id',
      'risk_reviews.risk_id',
    )
    .where('risk_id', 'in', [...riskIds])
    .orderBy('risk_id')
    .orderBy('dated')
    .orderBy('id')
    .execute();
  for (const r of rows) byRisk.get(r.risk_id)?.push(toReview(r));
  return byRisk;
}

export const reviewRows = (db: Kysely<Database>) =>
  db
    .selectFrom('risk_reviews')
    .select([
      'id',
      'risk_id',
      'likelihood',
      'impact',
      'score',
      'narrative',
      'status_after',
      'author',
      'created_at',
      sql<string>`dated::text`.as('dated'),
      sql<string>`next_review::text`.as('next_review'),
    ]);

interface ReviewRow {
  id: number;
  risk_id: number;
  dated: string;
  likelihood: number;
  impact: number;
  score: number;
  narrative: string;
  status_after: string;
  next_review: string;
  author: string;
  created_at: Date | string;
}

export function toReview(r: ReviewRow): RiskReview {
  return {
    id: r.id,
    riskId: r.risk_id,
    dated: r.dated,
    likelihood: r.likelihood,
    impact: r.impact,
    score: r.score,
    narrative: r.narrative,
    statusAfter: r.status_after as RiskStatus,
    nextReview: r.next_review,
    author: r.author,
    createdAt: toIso(r.created_at),
  };
}

export function toRisk(row: RiskRow): Risk {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    category: row.category,
    owner: row.owner,
    cause: row.cause,
    consequence: row.consequence,
    scaleSize: row.scale_size,
    inherent: { likelihood: row.inherent_likelihood, impact: row.inherent_impact, score: row.inherent_score },
    residual: { likelihood: row.residual_likelihood, impact: row.residual_impact, score: row.residual_score },
    mitigation: row.mitigation,
    actions: [...row.actions],
    identifiedOn: row.identified_on,
    nextReview: row.next_review,
    status: row.status as RiskStatus,
    ...markedFields(row),
  };
}

export const rowVersion = (r: Risk) => ({ version: r.version, updated_by: r.updatedBy, updated_at: r.updatedAt });

export const describeRisk = (r: Pick<Risk, 'id' | 'reference'>) => `Risk ${r.id} (${r.reference})`;

export interface RiskReviewWithReference extends RiskReview {
  readonly reference: string;
  readonly organisationId: string;
}

export interface RiskReviewQuery {
  readonly organisationId?: string | undefined;
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
    actor,
    risks.map((r) => r.id),
  );
  return risks.flatMap((r) =>
    (reviews.get(r.id) ?? []).map((v) => ({ ...v, reference: r.reference, organisationId: r.organisation_id })),
  );
}
