/**
 * The strategic risk register: risks owned by chief officers, scored likelihood x impact
 * (inherent, and residual with mitigation in place) on the scale each risk stores, with a
 * mitigation narrative and actions, a next-review date and a status. Every read is filtered by
 * the marking rule in SQL (a risk the actor may not see is "not found", never "forbidden"); every
 * change is versioned and audited in the same transaction.
 *
 * Decisions: a risk belongs to an organisation (not to an assessment: the register runs from year
 * to year). Its history is a list of dated entries that is only ever added to (migration 004):
 * creating a risk writes the first, its initial assessment; each monthly review adds one and sets
 * the residual score, status and next review (risk-reviews.ts). Editing a risk changes its
 * description, never its residual score or status, so those always come from a dated entry.
 */
import { refuseVisibleClash } from '../../core/uniqueness.js';
import { sql } from 'kysely';
import { inputError } from '../../../errors.js';
import type { Marking } from '../../../domain/marking.js';
import { addMonths, checkDate, today } from '../../../domain/risk/review-dates.js';
import { checkLevel, checkScaleSize, DEFAULT_SCALE_SIZE } from '../../../domain/risk/scale.js';
import type { Assessed } from '../../../domain/risk/score.js';
import { scoreSeries, type SeriesPoint } from '../../../domain/risk/series.js';
import { movementOf, type Movement } from '../../../domain/risk/movement.js';
import type { RiskStatus } from '../../../domain/risk/statuses.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import {
  describeRisk,
  readRisk,
  reviewsOf,
  riskRows,
  toRisk,
  type Risk,
  type RiskReview,
  type ScoredLevels,
} from './reads.js';
import { insertReview, type NewRiskReview } from './reviews.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';

export interface NewRisk {
  readonly organisationId: string;
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly owner: string;
  readonly cause?: string | undefined;
  readonly consequence?: string | undefined;
  /** Levels per axis; 5 (a 5x5 scale) when left out. */
  readonly scaleSize?: number | undefined;
  readonly inherent: Assessed;
  /** With mitigation in place; the inherent values when left out. */
  readonly residual?: Assessed | undefined;
  readonly mitigation?: string | undefined;
  readonly actions?: readonly string[] | undefined;
  /** YYYY-MM-DD; today (UTC) when left out. */
  readonly identifiedOn?: string | undefined;
  /** YYYY-MM-DD; a month after identifiedOn when left out. */
  readonly nextReview?: string | undefined;
  readonly status?: RiskStatus | undefined;
  /** The narrative of the initial assessment (the first history entry). */
  readonly narrative?: string | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

/** What an edit may change: the description, never the residual score or status (a review does). */
export interface RiskChanges {
  readonly reference?: string | undefined;
  readonly title?: string | undefined;
  readonly category?: string | undefined;
  readonly owner?: string | undefined;
  readonly cause?: string | undefined;
  readonly consequence?: string | undefined;
  readonly inherent?: Assessed | undefined;
  readonly mitigation?: string | undefined;
  readonly actions?: readonly string[] | undefined;
  readonly nextReview?: string | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface RiskQuery {
  readonly organisationId?: string | undefined;
  /** Exactly this reference (two risks at different markings may share one: core/uniqueness.ts). */
  readonly reference?: string | undefined;
  readonly status?: RiskStatus | undefined;
  /** Owners containing this text (ignoring case). */
  readonly owner?: string | undefined;
  readonly category?: string | undefined;
}

/** A risk with its residual score at the review before the latest, and the movement since. */
export interface RiskListed extends Risk {
  readonly previous: ScoredLevels | null;
  readonly movement: Movement;
}

/** A risk with its whole history, oldest first, and that history as a chartable series. */
export interface RiskWithHistory extends RiskListed {
  readonly reviews: readonly RiskReview[];
  readonly series: readonly SeriesPoint[];
}

export async function createRisk(store: Store, actor: Actor, fields: NewRisk): Promise<Risk> {
  const scaleSize = checkScaleSize(fields.scaleSize ?? DEFAULT_SCALE_SIZE);
  const inherent = levels(scaleSize, fields.inherent, 'inherent');
  const residual = levels(scaleSize, fields.residual ?? fields.inherent, 'residual');
  const identifiedOn = checkDate(fields.identifiedOn ?? today(), 'date identified');
  const nextReview = checkDate(fields.nextReview ?? addMonths(identifiedOn, 1), 'next review date');
  if (nextReview < identifiedOn)
    throw inputError(`The next review (${nextReview}) cannot be before the risk was identified (${identifiedOn}).`);
  const described = descriptionOf(fields);
  const marking = fields.marking ?? 'OFFICIAL';
  return inTransaction(store, async (tx) => {
    requireRole(actor, fields.organisationId, 'edit', `add risks to ${fields.organisationId}`);
    requireCanMark(actor, marking, fields.organisationId);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    await refuseDuplicateReference(tx, actor, fields.organisationId, described.reference);
    const { id } = await tx
      .insertInto('risks')
      .values({
        ...described,
        scale_size: scaleSize,
        inherent_likelihood: inherent.likelihood,
        inherent_impact: inherent.impact,
        residual_likelihood: residual.likelihood,
        residual_impact: residual.impact,
        identified_on: identifiedOn,
        next_review: nextReview,
        status: fields.status ?? 'open',
        marking,
        organisation_id: fields.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const risk = await readRisk(tx, actor, id);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'risks',
      recordId: id,
      marking,
      organisationId: risk.organisationId,
      after: risk,
    });
    await insertReview(tx, actor, risk, {
      dated: identifiedOn,
      ...residual,
      narrative: fields.narrative?.trim() || 'Initial assessment.',
      statusAfter: risk.status,
      nextReview,
    });
    return risk;
  });
}

export async function listRisks(store: Store, actor: Actor, q: RiskQuery = {}): Promise<RiskListed[]> {
  const db = dbOf(store);
  let query = riskRows(db, actor);
  if (q.organisationId !== undefined) query = query.where('organisation_id', '=', q.organisationId);
  if (q.reference !== undefined) query = query.where('reference', '=', q.reference.trim());
  if (q.status !== undefined) query = query.where('status', '=', q.status);
  if (q.owner !== undefined) query = query.where(sql<boolean>`owner ILIKE ${`%${q.owner}%`}`);
  if (q.category !== undefined) query = query.where(sql<boolean>`lower(category) = lower(${q.category})`);
  const rows = await query
    .orderBy('organisation_id')
    .orderBy(sql`length(reference)`)
    .orderBy('reference')
    .execute();
  const risks = rows.map(toRisk);
  const reviews = await reviewsOf(
    db,
    actor,
    risks.map((r) => r.id),
  );
  return risks.map((r) => withMovement(r, reviews.get(r.id) ?? []));
}

export async function getRisk(store: Store, actor: Actor, id: number): Promise<RiskWithHistory> {
  const db = dbOf(store);
  const risk = await readRisk(db, actor, id);
  const reviews = (await reviewsOf(db, actor, [id])).get(id) ?? [];
  return { ...withMovement(risk, reviews), reviews, series: scoreSeries({ size: risk.scaleSize }, reviews) };
}

/** Edits a risk's description (give the version you read); its history is untouched. */
export async function updateRisk(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  changes: RiskChanges,
): Promise<Risk> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'risks',
      id,
      expectedVersion,
      read: (t: Tx) => readRisk(t, actor, id),
      describe: describeRisk,
      role: { action: 'edit', what: `edit risk ${id}` },
      marking: changes.marking,
      sharedWith: changes.sharedWith,
      set: async (before) => {
        await requireOrganisationsExist(tx, changes.sharedWith ?? []);
        const described = descriptionOf({ ...before, ...definedOnly(changes) });
        if (described.reference !== before.reference || (changes.marking ?? before.marking) !== before.marking)
          await refuseDuplicateReference(tx, actor, before.organisationId, described.reference, id);
        const inherent =
          changes.inherent === undefined ? undefined : levels(before.scaleSize, changes.inherent, 'inherent');
        const nextReview =
          changes.nextReview === undefined ? undefined : checkDate(changes.nextReview, 'next review date');
        return {
          ...described,
          ...(inherent === undefined
            ? {}
            : { inherent_likelihood: inherent.likelihood, inherent_impact: inherent.impact }),
          ...(nextReview === undefined ? {} : { next_review: nextReview }),
        };
      },
    });
    return after;
  });
}

function withMovement(risk: Risk, reviews: readonly RiskReview[]): RiskListed {
  const before = reviews.at(-2);
  const previous =
    before === undefined ? null : { likelihood: before.likelihood, impact: before.impact, score: before.score };
  return { ...risk, previous, movement: movementOf(previous?.score ?? null, risk.residual.score) };
}

/** The descriptive columns, trimmed, with the required ones checked. */
function descriptionOf(f: Omit<RiskChanges, 'inherent' | 'nextReview' | 'marking' | 'sharedWith'>) {
  const required = (value: string | undefined, what: string, example: string) => {
    const v = (value ?? '').trim();
    if (v === '') throw inputError(`A risk needs ${what} (${example}).`);
    return v;
  };
  return {
    reference: required(f.reference, 'a reference', 'e.g. SR01'),
    title: required(f.title, 'a title', 'a short name for the risk'),
    category: required(f.category, 'a category', 'e.g. Operational, Organisational, Financial'),
    owner: required(f.owner, 'an owner', 'the chief officer post, e.g. Deputy Chief Constable'),
    cause: (f.cause ?? '').trim(),
    consequence: (f.consequence ?? '').trim(),
    mitigation: (f.mitigation ?? '').trim(),
    actions: textArray((f.actions ?? []).map((a) => a.trim()).filter((a) => a !== '')),
  };
}

/** Both levels checked against the risk's own scale; `which` is "inherent" or "residual". */
function levels(size: number, a: Assessed, which: string): Assessed {
  return {
    likelihood: checkLevel({ size }, a.likelihood, `${which} likelihood`),
    impact: checkLevel({ size }, a.impact, `${which} impact`),
  };
}

/** Refuses a reference a risk the actor can see already has (a hidden one's is free: core/uniqueness.ts). */
async function refuseDuplicateReference(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  reference: string,
  exceptId = 0,
): Promise<void> {
  const clash = await visibleFrom(tx, actor, 'risks')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('reference', '=', reference)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  refuseVisibleClash(
    clash,
    `${organisationId} already has a risk with reference ${reference}; choose another reference.`,
    'reference',
  );
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

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
    let review: RiskReview | undefined;
    const { after } = await changeMarked(tx, actor, {
      table: 'risks',
      id,
      expectedVersion,
      read: (t: Tx) => readRisk(t, actor, id),
      describe: describeRisk,
      role: { action: 'edit', what: `review risk ${id}` },
      set: async (before) => {
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
        return { residual_likelihood: likelihood, residual_impact: impact, status, next_review: nextReview };
      },
      afterUpdate: async (updated) => {
        review = await insertReview(tx, actor, updated, {
          dated,
          likelihood: updated.residual.likelihood,
          impact: updated.residual.impact,
          narrative,
          statusAfter: updated.status,
          nextReview,
        });
      },
    });
    if (review === undefined) throw new Error('the review was not written');
    return { risk: after, review };
  });
}
