/**
 * Change drivers: adding one to an assessment (with its first scores as its first review),
 * changing its description, listing and reading them. Every read is filtered by the marking rule
 * in SQL; every change is versioned and audited in the same transaction.
 *
 * Decisions: a driver is numbered within its assessment (the seed's 1-18; when none is given, the
 * next after the highest its writer can see: core/uniqueness.ts). Adding or describing a driver needs the assessment open (drivers are part
 * of the assessment's content); scoring goes through reviews (driver-reviews.ts), which only add.
 */
import { refuseVisibleClash } from '../../core/uniqueness.js';
import { sql, type SqlBool } from 'kysely';
import { inputError } from '../../../errors.js';
import { markingRank, type Marking } from '../../../domain/marking.js';
import {
  distinctThemes,
  evidenceNote,
  parseDriverScore,
  themeKey,
  type ChallengeGroup,
  type EvidenceNote,
  type PesteloHeading,
} from '../../../domain/scanning/index.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import {
  DRIVER_COLUMNS,
  readDriver,
  requireLatestLink,
  reviewDate,
  rowVersion,
  toDriver,
  toReview,
  reviewRows,
  visibleDrivers,
  type Driver,
} from './reads.js';
import { openAssessment } from '../../assessment/writes.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { json } from '../../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { changeMarked, unfilteredFrom, visibleFrom } from '../../core/marked.js';

export interface NewDriver {
  readonly name: string;
  readonly impact: number;
  readonly uncertainty: number;
  /** Its number in the assessment; the next free number when left out. */
  readonly number?: number | undefined;
  readonly challenge?: ChallengeGroup | null | undefined;
  readonly pestelo?: PesteloHeading | null | undefined;
  readonly themes?: readonly string[] | undefined;
  readonly evidence?: readonly { text: string; source?: string | null | undefined }[] | undefined;
  /** The first review: its date (YYYY-MM-DD, default today) and note. */
  readonly dated?: string | undefined;
  readonly note?: string | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface DriverChanges {
  readonly name?: string | undefined;
  /** null removes the heading (a driver keeps at least one of the two). */
  readonly challenge?: ChallengeGroup | null | undefined;
  readonly pestelo?: PesteloHeading | null | undefined;
  /** Replaces the themes. */
  readonly themes?: readonly string[] | undefined;
  /** Added after the existing notes (notes are never removed). */
  readonly addEvidence?: readonly { text: string; source?: string | null | undefined }[] | undefined;
  /**
   * A new protective marking, up to the writer's clearance. A configuration using the driver that
   * is marked lower is raised with it (audited), as a configuration is marked at least as high as
   * its highest driver.
   */
  readonly marking?: Marking | undefined;
}

export interface DriverQuery {
  readonly assessmentId?: number | undefined;
  readonly challenge?: ChallengeGroup | undefined;
  readonly pestelo?: PesteloHeading | undefined;
  /** Drivers tagged with this theme (any case). */
  readonly theme?: string | undefined;
}

export const DRIVER_FIRST_REVIEW_NOTE = 'First scores.';

const notes = (list: NewDriver['evidence']): EvidenceNote[] => (list ?? []).map((n) => evidenceNote(n.text, n.source));

function checkName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n === '') throw inputError('A driver needs a name.');
  return n;
}

function checkGroups(challenge: ChallengeGroup | null, pestelo: PesteloHeading | null): void {
  if (challenge === null && pestelo === null)
    throw inputError('A driver needs a group: Social, Partner or Policing Challenges, or a PESTELO heading (or both).');
}

export async function createDriver(
  store: Store,
  actor: Actor,
  assessmentId: number,
  fields: NewDriver,
): Promise<Driver> {
  const name = checkName(fields.name);
  const challenge = fields.challenge ?? null;
  const pestelo = fields.pestelo ?? null;
  checkGroups(challenge, pestelo);
  const impact = parseDriverScore('impact', fields.impact);
  const uncertainty = parseDriverScore('uncertainty', fields.uncertainty);
  const dated = reviewDate(fields.dated);
  const note = fields.note?.trim() || DRIVER_FIRST_REVIEW_NOTE;
  if (fields.number !== undefined && (!Number.isSafeInteger(fields.number) || fields.number < 1))
    throw inputError(`Driver number "${fields.number}" is not a whole number from 1.`);
  const themes = distinctThemes(fields.themes ?? []);
  const evidence = notes(fields.evidence);
  return inTransaction(store, async (tx) => {
    const assessment = await openAssessment(tx, actor, assessmentId);
    const marking = fields.marking ?? 'OFFICIAL';
    requireRole(actor, assessment.organisationId, 'edit', `add drivers to assessment ${assessmentId}`);
    requireCanMark(actor, marking, assessment.organisationId);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    const number = await driverNumber(tx, actor, assessmentId, fields.number);
    const row = await tx
      .insertInto('drivers')
      .values({
        assessment_id: assessmentId,
        number,
        name,
        challenge,
        pestelo,
        themes: textArray(themes),
        evidence: json(evidence),
        impact,
        uncertainty,
        reviewed_on: dated,
        marking,
        organisation_id: assessment.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returning(DRIVER_COLUMNS)
      .executeTakeFirstOrThrow();
    const driver = toDriver(row);
    const review = await tx
      .insertInto('driver_reviews')
      .values({ driver_id: driver.id, dated, impact, uncertainty, note, author: actor.username })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'drivers',
      recordId: driver.id,
      marking,
      organisationId: driver.organisationId,
      after: driver,
    });
    const first = toReview(await reviewRows(tx).where('id', '=', review.id).executeTakeFirstOrThrow(), assessmentId);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'driver_reviews',
      recordId: first.id,
      marking,
      organisationId: driver.organisationId,
      after: first,
    });
    return driver;
  });
}

/**
 * The number asked for, refused only when a driver the actor can see has it; or the next after the
 * highest the actor can see, so a hidden driver neither takes a number nor leaves a gap that shows
 * (core/uniqueness.ts). Whoever may add a driver at its marking sees every driver there, so the
 * database's (assessment, organisation, marking, number) key never refuses a number over a hidden one.
 */
async function driverNumber(tx: Tx, actor: Actor, assessmentId: number, wanted: number | undefined): Promise<number> {
  if (wanted === undefined) {
    const top = await visibleFrom(tx, actor, 'drivers')
      .select(sql<number>`coalesce(max(number), 0)::int`.as('top'))
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    return top.top + 1;
  }
  const clash = await visibleFrom(tx, actor, 'drivers')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('number', '=', wanted)
    .executeTakeFirst();
  refuseVisibleClash(
    clash,
    `Assessment ${assessmentId} already has a driver numbered ${wanted} (driver ${clash?.id}).`,
    'number',
  );
  return wanted;
}

/** Changes a driver's name, groups or themes, or adds evidence notes (give the version you read). */
export async function updateDriver(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  changes: DriverChanges,
): Promise<Driver> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'drivers',
      id,
      expectedVersion,
      read: (t: Tx) => readDriver(t, actor, id),
      describe: (d) => `Driver ${id} (number ${d.number})`,
      versionOf: rowVersion,
      role: { action: 'edit', what: `change driver ${id}` },
      marking: changes.marking,
      set: async (before) => {
        await openAssessment(tx, actor, before.assessmentId);
        await requireLatestLink(tx, before, 'change it');
        const challenge = changes.challenge === undefined ? before.challenge : changes.challenge;
        const pestelo = changes.pestelo === undefined ? before.pestelo : changes.pestelo;
        checkGroups(challenge, pestelo);
        return {
          name: changes.name === undefined ? before.name : checkName(changes.name),
          challenge,
          pestelo,
          themes: textArray(changes.themes === undefined ? before.themes : distinctThemes(changes.themes)),
          evidence: json([...before.evidence, ...notes(changes.addEvidence)]),
        };
      },
      afterUpdate: async (after) => {
        if (changes.marking !== undefined) await raiseConfigurations(tx, actor, after);
      },
    });
    return after;
  });
}

export async function listDrivers(store: Store, actor: Actor, q: DriverQuery = {}): Promise<Driver[]> {
  let query = visibleDrivers(dbOf(store), actor);
  if (q.assessmentId !== undefined) query = query.where('drivers.assessment_id', '=', q.assessmentId);
  if (q.challenge !== undefined) query = query.where('drivers.challenge', '=', q.challenge);
  if (q.pestelo !== undefined) query = query.where('drivers.pestelo', '=', q.pestelo);
  if (q.theme !== undefined) {
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM unnest(drivers.themes) AS t(theme) WHERE lower(regexp_replace(trim(t.theme), '\\s+', ' ', 'g')) = ${themeKey(q.theme)})`,
    );
  }
  const rows = await query.orderBy('drivers.assessment_id').orderBy('drivers.number').execute();
  return rows.map(toDriver);
}

/** Raises each configuration using the driver that is marked below it to the driver's marking (audited). */
async function raiseConfigurations(tx: Tx, actor: Actor, driver: Driver): Promise<void> {
  const rows = await unfilteredFrom(tx, 'driver_configurations')
    .innerJoin('driver_configuration_members as m', 'm.configuration_id', 'driver_configurations.id')
    .select(['driver_configurations.id', 'driver_configurations.marking', 'driver_configurations.organisation_id'])
    .where('m.driver_id', '=', driver.id)
    .execute();
  for (const r of rows) {
    if (markingRank(r.marking as Marking) >= markingRank(driver.marking)) continue;
    await tx
      .updateTable('driver_configurations')
      .set({
        marking: driver.marking,
        version: sql<number>`version + 1`,
        updated_by: actor.userId,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', r.id)
      .execute();
    await writeAudit(tx, actor, {
      action: 'update',
      table: 'driver_configurations',
      recordId: r.id,
      marking: driver.marking,
      organisationId: r.organisation_id,
      before: { id: r.id, marking: r.marking },
      after: { id: r.id, marking: driver.marking, because: `driver ${driver.id} is now marked ${driver.marking}` },
    });
  }
}
