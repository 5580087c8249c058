/**
 * Change drivers and their reviews as the repositories return them, and the reads every driver
 * module shares. Every read of a driver adds the marking rule (`visibleTo`): a driver the actor
 * may not see is "not found", never "forbidden". Dates are read as text so both database drivers
 * give the same 'YYYY-MM-DD'.
 */
import { sql, type Kysely } from 'kysely';
import { inputError, notFoundError } from '../../../errors.js';
import type { ChallengeGroup, EvidenceNote, PesteloHeading } from '../../../domain/scanning/index.js';
import type { Actor } from '../../core/actor.js';
import { markedFields, toIso, type MarkedFields, type MarkedRow } from '../../core/rows.js';
import type { Database } from '../../core/schema.js';
import { isCalendarDate, todayUtc } from '../../../domain/calendar-date.js';
import { visibleFrom, unfilteredFrom } from '../../core/marked.js';

export interface Driver extends MarkedFields {
  readonly id: number;
  /** The assessment the driver belongs to (for a carried one, the assessment it was carried into). */
  readonly assessmentId: number;
  /** Its number in the assessment (the seed's 1-18). */
  readonly number: number;
  readonly name: string;
  /** Social, Partner or Policing Challenges (the default grouping), if given. */
  readonly challenge: ChallengeGroup | null;
  /** PESTELO heading (the optional grouping), if given. */
  readonly pestelo: PesteloHeading | null;
  /** Cross-cutting themes it is tagged with. */
  readonly themes: readonly string[];
  readonly evidence: readonly EvidenceNote[];
  /** Its latest scores (1-10) and the date of the review that gave them. */
  readonly impact: number;
  readonly uncertainty: number;
  readonly reviewedOn: string;
  /** The driver (in an earlier assessment) this one continues. */
  readonly carriedFrom: number | null;
}

export interface DriverReview {
  readonly id: number;
  /** The record the review was added to (an earlier link of the chain for carried history). */
  readonly driverId: number;
  readonly assessmentId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly impact: number;
  readonly uncertainty: number;
  readonly note: string;
  /** Username of whoever added it. */
  readonly author: string;
  readonly createdAt: string;
}

/** Every driver column, with the review date as text. */
export const DRIVER_COLUMNS = [
  'drivers.id',
  'drivers.assessment_id',
  'drivers.number',
  'drivers.name',
  'drivers.challenge',
  'drivers.pestelo',
  'drivers.themes',
  'drivers.evidence',
  'drivers.impact',
  'drivers.uncertainty',
  'drivers.carried_from',
  'drivers.marking',
  'drivers.organisation_id',
  'drivers.shared_with',
  'drivers.version',
  'drivers.created_by',
  'drivers.created_at',
  'drivers.updated_by',
  'drivers.updated_at',
  sql<string>`drivers.reviewed_on::text`.as('reviewed_on'),
] as const;

export interface DriverRow extends MarkedRow {
  id: number;
  assessment_id: number;
  number: number;
  name: string;
  challenge: string | null;
  pestelo: string | null;
  themes: string[];
  evidence: unknown;
  impact: number;
  uncertainty: number;
  reviewed_on: string;
  carried_from: number | null;
}

export function toDriver(row: DriverRow): Driver {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    number: row.number,
    name: row.name,
    challenge: row.challenge as ChallengeGroup | null,
    pestelo: row.pestelo as PesteloHeading | null,
    themes: [...row.themes],
    evidence: row.evidence as EvidenceNote[],
    impact: row.impact,
    uncertainty: row.uncertainty,
    reviewedOn: row.reviewed_on,
    carriedFrom: row.carried_from,
    ...markedFields(row),
  };
}

export const visibleDrivers = (db: Kysely<Database>, actor: Actor) =>
  visibleFrom(db, actor, 'drivers').select(DRIVER_COLUMNS);

export async function readDriver(db: Kysely<Database>, actor: Actor, id: number): Promise<Driver> {
  const row = await visibleDrivers(db, actor).where('drivers.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no driver ${id} that you can see.`);
  return toDriver(row);
}

export const reviewRows = (db: Kysely<Database>) =>
  db
    .selectFrom('driver_reviews')
    .select([
      'id',
      'driver_id',
      'impact',
      'uncertainty',
      'note',
      'author',
      'created_at',
      sql<string>`dated::text`.as('dated'),
    ]);

/** The reviews of the drivers the actor may see (read through the visible driver, never alone). */
export const visibleReviewRows = (db: Kysely<Database>, actor: Actor) =>
  reviewRows(db).innerJoin(
    visibleFrom(db, actor, 'drivers').select('id as visible_driver_id').as('visible'),
    'visible.visible_driver_id',
    'driver_reviews.driver_id',
  );

export interface ReviewRow {
  id: number;
  driver_id: number;
  dated: string;
  impact: number;
  uncertainty: number;
  note: string;
  author: string;
  created_at: Date | string;
}

export function toReview(r: ReviewRow, assessmentId: number): DriverReview {
  return {
    id: r.id,
    driverId: r.driver_id,
    assessmentId,
    dated: r.dated,
    impact: r.impact,
    uncertainty: r.uncertainty,
    note: r.note,
    author: r.author,
    createdAt: toIso(r.created_at),
  };
}

export const rowVersion = (d: { version: number; updatedBy: number | null; updatedAt: string }) => ({
  version: d.version,
  updated_by: d.updatedBy,
  updated_at: d.updatedAt,
});

/** Refuses a change to a driver that was carried on: changes go to the newest link. */
export async function requireLatestLink(db: Kysely<Database>, d: Driver, what: string): Promise<void> {
  const later = await unfilteredFrom(db, 'drivers')
    .select(['id', 'assessment_id'])
    .where('carried_from', '=', d.id)
    .executeTakeFirst();
  if (later !== undefined) {
    throw inputError(
      `Driver ${d.id} (number ${d.number}) was carried into assessment ${later.assessment_id} as driver ${later.id}; ${what} there.`,
    );
  }
}

/** 'YYYY-MM-DD', a real date; today (UTC) when left out. */
export function reviewDate(value: string | undefined): string {
  const v = (value ?? todayUtc()).trim();
  if (!isCalendarDate(v)) throw inputError(`Review date "${v}" is not a date (expected YYYY-MM-DD).`);
  return v;
}
