/**
 * The recommendations register: each recommendation made in an assessment (its theme, the
 * control-strategy area; its number in the document, if any; text, owner, status), and its dated
 * progress updates. Every read is filtered by the marking rule in SQL (a recommendation the actor
 * may not see is "not found", never "forbidden"); every change is versioned and audited in the
 * same transaction.
 *
 * Decisions: an update only adds (the table refuses UPDATE and DELETE, migration 003), and it may
 * set the recommendation's status, so the status is always the `status_after` of some update or
 * the initial one. Updates are progress reported after the assessment was written, so approval of
 * the source assessment does not freeze them; creating a recommendation does need the assessment
 * open. An open recommendation is carried into next year's assessment as a new record with
 * `carried_from` (CARRY_FORWARD_STEPS); its history is read through that chain, and further
 * updates go to the newest link, so no two records of one recommendation move apart.
 */
import { refuseVisibleClash } from '../../core/uniqueness.js';
import { sql, type Kysely, type Selectable } from 'kysely';
import { inputError, notFoundError } from '../../../errors.js';
import { canSee, type Marking } from '../../../domain/marking.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { CarryContext } from '../../assessment/carry-step.js';
import { openAssessment } from '../../assessment/writes.js';
import { RECOMMENDATION_STATUSES } from '../../../domain/recommendations/statuses.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { markedFields, toIso, type MarkedFields } from '../../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import type { Database, RecommendationsTable } from '../../core/schema.js';
import { isCalendarDate, todayUtc } from '../../../domain/calendar-date.js';
import { changeMarked, visibleFrom, unfilteredFrom, type MarkedChange } from '../../core/marked.js';
import { requireDateInWindow } from './reads.js';

export { RECOMMENDATION_STATUSES };
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Statuses that end a recommendation: it is not carried into next year's assessment. */
export const CLOSED_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'complete',
  'superseded',
  'not_adopted',
];

export function parseRecommendationStatus(value: string): RecommendationStatus {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if ((RECOMMENDATION_STATUSES as readonly string[]).includes(v)) return v as RecommendationStatus;
  throw inputError(`Unknown recommendation status "${value}": expected one of ${RECOMMENDATION_STATUSES.join(', ')}.`);
}

export interface Recommendation extends MarkedFields {
  readonly id: number;
  /** The assessment the recommendation belongs to (for a carried one, the year it was carried into). */
  readonly assessmentId: number;
  /** Its number in the document ('15'), or null for an unnumbered one. */
  readonly number: string | null;
  /** The control-strategy area, e.g. "Cyber Crime". */
  readonly theme: string;
  readonly text: string;
  readonly owner: string | null;
  /** YYYY-MM-DD: when it is due, or null when no date was set. */
  readonly dueOn: string | null;
  readonly status: RecommendationStatus;
  /** The recommendation (in an earlier assessment) this one continues. */
  readonly carriedFrom: number | null;
}

export interface RecommendationUpdate {
  readonly id: number;
  /** The record the update was added to (an earlier link of the chain for carried history). */
  readonly recommendationId: number;
  readonly assessmentId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly text: string;
  readonly statusAfter: RecommendationStatus;
  /** Username of whoever added it. */
  readonly author: string;
  readonly createdAt: string;
  /** The update this one corrects (it is shown in its place), or null for one as first written. */
  readonly corrects: number | null;
  /** Why it was corrected (a correction only). */
  readonly reason: string | null;
}

export interface RecommendationWithHistory extends Recommendation {
  /** Every update through the carried_from chain as it stands (corrections in place of what they correct), oldest first. */
  readonly updates: readonly RecommendationUpdate[];
  /** The updates a correction replaced, kept as they were written, oldest first. */
  readonly corrected: readonly RecommendationUpdate[];
}

export interface RecommendationHistory {
  /** The record and those it continues that the actor can see, oldest first (the asked-for one last). */
  readonly chain: readonly Recommendation[];
  /** Every update of the chain as it stands (a correction in place of what it corrects), oldest first. */
  readonly updates: readonly RecommendationUpdate[];
  /** The updates a correction replaced, oldest first. */
  readonly corrected: readonly RecommendationUpdate[];
}

export interface NewRecommendation {
  readonly theme: string;
  readonly text: string;
  readonly number?: string | null | undefined;
  readonly owner?: string | null | undefined;
  /** YYYY-MM-DD. */
  readonly dueOn?: string | null | undefined;
  readonly status?: RecommendationStatus | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface NewRecommendationUpdate {
  readonly text: string;
  /** YYYY-MM-DD; today (UTC) when left out. */
  readonly dated?: string | undefined;
  /** The status after this update; unchanged when left out. */
  readonly status?: RecommendationStatus | undefined;
}

export interface RecommendationQuery {
  readonly assessmentId?: number | undefined;
  readonly status?: RecommendationStatus | undefined;
}

export async function createRecommendation(
  store: Store,
  actor: Actor,
  assessmentId: number,
  fields: NewRecommendation,
): Promise<Recommendation> {
  const theme = fields.theme.trim();
  const text = fields.text.trim();
  if (theme === '') throw inputError('A recommendation needs a theme (its control-strategy area).');
  if (text === '') throw inputError('A recommendation needs its text.');
  const number =
    fields.number === undefined || fields.number === null || fields.number.trim() === '' ? null : fields.number.trim();
  const dueOn = dueDate(fields.dueOn);
  return inTransaction(store, async (tx) => {
    const assessment = await openAssessment(tx, actor, assessmentId);
    const marking = fields.marking ?? 'OFFICIAL';
    requireRole(actor, assessment.organisationId, 'edit', `add recommendations to assessment ${assessmentId}`);
    requireCanMark(actor, marking, assessment.organisationId);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    if (number !== null) {
      const clash = await visibleFrom(tx, actor, 'recommendations')
        .select('id')
        .where('assessment_id', '=', assessmentId)
        .where('number', '=', number)
        .executeTakeFirst();
      refuseVisibleClash(
        clash,
        `Assessment ${assessmentId} already has a recommendation numbered ${number} (recommendation ${clash?.id}).`,
        'number',
      );
    }
    const row = await tx
      .insertInto('recommendations')
      .values({
        assessment_id: assessmentId,
        number,
        theme,
        text,
        owner: blankToNull(fields.owner),
        due_on: dueOn,
        status: fields.status ?? 'proposed',
        marking,
        organisation_id: assessment.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const rec = toRecommendation(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'recommendations',
      recordId: rec.id,
      marking,
      organisationId: rec.organisationId,
      after: rec,
    });
    return rec;
  });
}

export async function listRecommendations(
  store: Store,
  actor: Actor,
  q: RecommendationQuery = {},
): Promise<Recommendation[]> {
  let query = visibleFrom(dbOf(store), actor, 'recommendations').selectAll();
  if (q.assessmentId !== undefined) query = query.where('assessment_id', '=', q.assessmentId);
  if (q.status !== undefined) query = query.where('status', '=', q.status);
  // Numbered ones in their numeric order, then the unnumbered ones in the order entered.
  const rows = await query
    .orderBy('assessment_id')
    .orderBy(sql`(number IS NULL)`)
    .orderBy(sql`length(number)`)
    .orderBy('number')
    .orderBy('id')
    .execute();
  return rows.map(toRecommendation);
}

export async function getRecommendation(store: Store, actor: Actor, id: number): Promise<RecommendationWithHistory> {
  const db = dbOf(store);
  const rec = await readRecommendation(db, actor, id);
  const { updates, corrected } = await historyOf(db, actor, rec);
  return { ...rec, updates, corrected };
}

/** The recommendation, the earlier records it continues, and every update of them, oldest first. */
export async function recommendationHistory(store: Store, actor: Actor, id: number): Promise<RecommendationHistory> {
  const db = dbOf(store);
  return historyOf(db, actor, await readRecommendation(db, actor, id));
}

/** Adds a dated progress update (never replacing an earlier one), setting the status if given. */
export async function addRecommendationUpdate(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  input: NewRecommendationUpdate,
): Promise<{ recommendation: Recommendation; update: RecommendationUpdate }> {
  const text = input.text.trim();
  if (text === '') throw inputError('An update needs its text.');
  const dated = parseDate(input.dated ?? todayUtc());
  return inTransaction(store, async (tx) => {
    let update: RecommendationUpdate | undefined;
    let status: RecommendationStatus = 'proposed';
    const { after } = await changeMarked(tx, actor, {
      table: 'recommendations',
      id,
      expectedVersion,
      read: (t: Tx) => readRecommendation(t, actor, id),
      describe: (r) => `Recommendation ${id}${r.number === null ? '' : ` (number ${r.number})`}`,
      role: { action: 'edit', what: `update recommendation ${id}` },
      set: async (before) => {
        const later = await unfilteredFrom(tx, 'recommendations')
          .select(['id', 'assessment_id'])
          .where('carried_from', '=', id)
          .executeTakeFirst();
        if (later !== undefined) {
          throw inputError(
            `Recommendation ${id} was carried into assessment ${later.assessment_id} as recommendation ${later.id}; add the update there.`,
          );
        }
        // After the read and role checks, so a hidden recommendation's year is never told.
        await requireDateInWindow(tx, id, dated);
        status = input.status ?? before.status;
        // The status is the latest update's by date: an update dated before the latest one does not set it.
        const latest = (await historyOf(tx, actor, before)).updates.at(-1);
        return { status: latest === undefined || dated >= latest.dated ? status : latest.statusAfter };
      },
      // The update row and its audit row come before the recommendation's own audit row.
      afterUpdate: async (after) => {
        const inserted = await tx
          .insertInto('recommendation_updates')
          .values({
            recommendation_id: id,
            dated,
            text,
            status_after: status,
            author: actor.username,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        update = await readUpdate(tx, inserted.id, after.assessmentId);
        await writeAudit(tx, actor, {
          action: 'create',
          table: 'recommendation_updates',
          recordId: update.id,
          marking: after.marking,
          organisationId: after.organisationId,
          after: update,
        });
      },
    });
    if (update === undefined) throw new Error(`Recommendation ${id}: the update was not written.`);
    return { recommendation: after, update };
  });
}

/**
 * Carry-forward step: next year's assessment gets a copy of every recommendation of the previous
 * one that is still open (whoever can see it; copies keep marking, organisation and shares), each
 * pointing back with `carried_from` and audited as a create. A revision (a new version of the
 * same year) copies none: the recommendations stay with the version they were made in.
 */
export async function carryOpenRecommendations(ctx: CarryContext): Promise<Record<string, number>> {
  if (ctx.kind !== 'next-year') return {};
  const { tx, actor, from, to } = ctx;
  const rows = await unfilteredFrom(tx, 'recommendations')
    .selectAll()
    .where('assessment_id', '=', from.id)
    .where('status', 'not in', [...CLOSED_RECOMMENDATION_STATUSES])
    .orderBy('id')
    .execute();
  let visible = 0;
  for (const r of rows.map(toRecommendation)) {
    const row = await tx
      .insertInto('recommendations')
      .values({
        assessment_id: to.id,
        number: r.number,
        theme: r.theme,
        text: r.text,
        owner: r.owner,
        due_on: r.dueOn,
        status: r.status,
        carried_from: r.id,
        marking: r.marking,
        organisation_id: r.organisationId,
        shared_with: textArray(r.sharedWith),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const copy = toRecommendation(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'recommendations',
      recordId: copy.id,
      marking: copy.marking,
      organisationId: copy.organisationId,
      after: copy,
    });
    if (canSee(actor, copy)) visible += 1;
  }
  return { recommendations: visible };
}

export async function readRecommendation(db: Kysely<Database>, actor: Actor, id: number): Promise<Recommendation> {
  const row = await visibleFrom(db, actor, 'recommendations').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no recommendation ${id} that you can see.`);
  return toRecommendation(row);
}

/** Walks carried_from back while the actor can see each link (a hidden link ends the walk). */
export async function historyOf(
  db: Kysely<Database>,
  actor: Actor,
  rec: Recommendation,
): Promise<RecommendationHistory> {
  const chain: Recommendation[] = [rec];
  const seen = new Set([rec.id]);
  for (let at = rec.carriedFrom; at !== null && !seen.has(at);) {
    const row = await visibleFrom(db, actor, 'recommendations').selectAll().where('id', '=', at).executeTakeFirst();
    if (row === undefined) break;
    const link = toRecommendation(row);
    chain.unshift(link);
    seen.add(link.id);
    at = link.carriedFrom;
  }
  const assessmentOf = new Map(chain.map((r) => [r.id, r.assessmentId]));
  // Through the visible recommendations, so that an update is read only with a record the actor may see.
  const rows = await updateRows(db)
    .innerJoin(
      visibleFrom(db, actor, 'recommendations').select('id as visible_recommendation_id').as('visible'),
      'visible.visible_recommendation_id',
      'recommendation_updates.recommendation_id',
    )
    .where(
      'recommendation_id',
      'in',
      chain.map((r) => r.id),
    )
    .execute();
  const order = new Map(chain.map((r, i) => [r.id, i]));
  const all = rows
    .map((u) => toUpdate(u, assessmentOf.get(u.recommendation_id) ?? 0))
    .sort(
      (a, b) =>
        (order.get(a.recommendationId) ?? 0) - (order.get(b.recommendationId) ?? 0) ||
        a.dated.localeCompare(b.dated) ||
        a.id - b.id,
    );
  const replaced = new Set(all.flatMap((u) => (u.corrects === null ? [] : [u.corrects])));
  return {
    chain,
    updates: all.filter((u) => !replaced.has(u.id)),
    corrected: all.filter((u) => replaced.has(u.id)).sort((a, b) => a.id - b.id),
  };
}

export const updateRows = (db: Kysely<Database>) =>
  db
    .selectFrom('recommendation_updates')
    .select([
      'id',
      'recommendation_id',
      'text',
      'status_after',
      'author',
      'created_at',
      'corrects',
      'reason',
      sql<string>`dated::text`.as('dated'),
    ]);

export async function readUpdate(tx: Tx, id: number, assessmentId: number): Promise<RecommendationUpdate> {
  return toUpdate(await updateRows(tx).where('id', '=', id).executeTakeFirstOrThrow(), assessmentId);
}

interface UpdateRow {
  id: number;
  recommendation_id: number;
  dated: string;
  text: string;
  status_after: string;
  author: string;
  created_at: Date | string;
  corrects: number | null;
  reason: string | null;
}

export function toUpdate(u: UpdateRow, assessmentId: number): RecommendationUpdate {
  return {
    id: u.id,
    recommendationId: u.recommendation_id,
    assessmentId,
    dated: u.dated,
    text: u.text,
    statusAfter: u.status_after as RecommendationStatus,
    author: u.author,
    createdAt: toIso(u.created_at),
    corrects: u.corrects,
    reason: u.reason,
  };
}

export function parseDate(value: string): string {
  if (!isCalendarDate(value.trim())) throw inputError(`Update date "${value}" is not a date (expected YYYY-MM-DD).`);
  return value.trim();
}

/** A due date as given (YYYY-MM-DD) or null for none. */
export function dueDate(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  if (!isCalendarDate(value.trim())) throw inputError(`Due date "${value}" is not a date (expected YYYY-MM-DD).`);
  return value.trim();
}

export const blankToNull = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v.trim();

export function toRecommendation(row: Selectable<RecommendationsTable>): Recommendation {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    number: row.number,
    theme: row.theme,
    text: row.text,
    owner: row.owner,
    dueOn: row.due_on,
    status: row.status as RecommendationStatus,
    carriedFrom: row.carried_from,
    ...markedFields(row),
  };
}

/**
 * The one change path of a recommendation (edits.ts and corrections.ts describe their changes and
 * pass them here): read as the actor, version, role, marking, columns, audit (core/marked.ts).
 */
export function changeRecommendation(
  tx: Tx,
  actor: Actor,
  change: MarkedChange<'recommendations', Recommendation>,
): Promise<{ before: Recommendation; after: Recommendation }> {
  return changeMarked(tx, actor, change);
}
