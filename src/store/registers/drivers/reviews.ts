/**
 * Reviewing a change driver: each review adds a dated impact and uncertainty with a note (and any
 * new evidence notes), never replacing an earlier one, so every past position can be read back.
 * The driver keeps its latest scores for listing and the matrix.
 *
 * Decisions: a review names the version it read (a stale one is a CONFLICT and saves nothing);
 * reviews are dated in order (not before the latest); reviews go on after approval of the
 * assessment (scanning is continuous), but once a driver is carried into another assessment,
 * reviews go to the newest link, and its history is read back through the carried_from chain.
 */
import { sql, type Kysely } from 'kysely';
import { inputError } from '../../../errors.js';
import { highestMarking } from '../../../domain/marking.js';
import { evidenceNote, parseDriverScore } from '../../../domain/scanning/index.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import {
  DRIVER_COLUMNS,
  readDriver,
  requireLatestLink,
  reviewDate,
  reviewRows,
  visibleReviewRows,
  rowVersion,
  toDriver,
  toReview,
  visibleDrivers,
  type Driver,
  type DriverReview,
} from './reads.js';
import { requireRole } from '../../core/policy.js';
import { json } from '../../core/rows.js';
import { dbOf, inTransaction, type Store } from '../../core/store.js';
import type { Database } from '../../core/schema.js';
import { assertCurrent } from '../../core/versioning.js';
import { usernameOf } from '../../core/who.js';

export interface NewDriverReview {
  /** Why the scores are what they are now (required, even when they do not change). */
  readonly note: string;
  /** Unchanged when left out. */
  readonly impact?: number | undefined;
  readonly uncertainty?: number | undefined;
  /** YYYY-MM-DD; today (UTC) when left out. */
  readonly dated?: string | undefined;
  /** Evidence notes to add to the driver's. */
  readonly evidence?: readonly { text: string; source?: string | null | undefined }[] | undefined;
}

export interface DriverWithHistory extends Driver {
  /** Every review through the carried_from chain, oldest first (the first is the driver's first scores). */
  readonly reviews: readonly DriverReview[];
}

export interface DriverHistory {
  /** The driver and those it continues that the actor can see, oldest first (the asked-for one last). */
  readonly chain: readonly Driver[];
  readonly reviews: readonly DriverReview[];
}

export async function reviewDriver(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  input: NewDriverReview,
): Promise<{ driver: Driver; review: DriverReview }> {
  const note = input.note.trim();
  if (note === '') throw inputError('A review needs a note: why the scores are what they are now.');
  const dated = reviewDate(input.dated);
  const added = (input.evidence ?? []).map((n) => evidenceNote(n.text, n.source));
  return inTransaction(store, async (tx) => {
    const before = await readDriver(tx, actor, id);
    assertCurrent(
      `Driver ${id} (number ${before.number})`,
      expectedVersion,
      rowVersion(before),
      await usernameOf(tx, before.updatedBy),
    );
    requireRole(actor, before.organisationId, 'edit', `review driver ${id}`);
    await requireLatestLink(tx, before, 'add the review');
    if (dated < before.reviewedOn)
      throw inputError(
        `Driver ${id} was last reviewed on ${before.reviewedOn}; a review must be dated on or after that (it was ${dated}).`,
      );
    const impact = input.impact === undefined ? before.impact : parseDriverScore('impact', input.impact);
    const uncertainty =
      input.uncertainty === undefined ? before.uncertainty : parseDriverScore('uncertainty', input.uncertainty);
    const row = await tx
      .updateTable('drivers')
      .set((eb) => ({
        impact,
        uncertainty,
        reviewed_on: dated,
        evidence: json([...before.evidence, ...added]),
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returning(DRIVER_COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toDriver(row);
    const inserted = await tx
      .insertInto('driver_reviews')
      .values({ driver_id: id, dated, impact, uncertainty, note, author: actor.username })
      .returning('id')
      .executeTakeFirstOrThrow();
    const review = toReview(
      await reviewRows(tx).where('id', '=', inserted.id).executeTakeFirstOrThrow(),
      after.assessmentId,
    );
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'driver_reviews',
      recordId: review.id,
      marking: after.marking,
      organisationId: after.organisationId,
      after: review,
    });
    await writeAudit(tx, actor, {
      action: 'update',
      table: 'drivers',
      recordId: id,
      marking: highestMarking([before.marking, after.marking]),
      organisationId: after.organisationId,
      before,
      after,
    });
    return { driver: after, review };
  });
}

export async function getDriver(store: Store, actor: Actor, id: number): Promise<DriverWithHistory> {
  const db = dbOf(store);
  const driver = await readDriver(db, actor, id);
  return { ...driver, reviews: (await historyOf(db, actor, driver)).reviews };
}

/** The driver, the earlier records it continues, and every review of them, oldest first. */
export async function driverHistory(store: Store, actor: Actor, id: number): Promise<DriverHistory> {
  const db = dbOf(store);
  return historyOf(db, actor, await readDriver(db, actor, id));
}

/** Walks carried_from back while the actor can see each link (a hidden link ends the walk). */
async function historyOf(db: Kysely<Database>, actor: Actor, driver: Driver): Promise<DriverHistory> {
  const chain: Driver[] = [driver];
  const seen = new Set([driver.id]);
  for (let at = driver.carriedFrom; at !== null && !seen.has(at);) {
    const row = await visibleDrivers(db, actor).where('drivers.id', '=', at).executeTakeFirst();
    if (row === undefined) break;
    const link = toDriver(row);
    chain.unshift(link);
    seen.add(link.id);
    at = link.carriedFrom;
  }
  const assessmentOf = new Map(chain.map((d) => [d.id, d.assessmentId]));
  const order = new Map(chain.map((d, i) => [d.id, i]));
  const rows = await visibleReviewRows(db, actor)
    .where(
      'driver_id',
      'in',
      chain.map((d) => d.id),
    )
    .execute();
  const reviews = rows
    .map((r) => toReview(r, assessmentOf.get(r.driver_id) ?? 0))
    .sort(
      (a, b) =>
        (order.get(a.driverId) ?? 0) - (order.get(b.driverId) ?? 0) || a.dated.localeCompare(b.dated) || a.id - b.id,
    );
  return { chain, reviews };
}
