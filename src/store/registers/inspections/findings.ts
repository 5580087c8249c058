/**
 * An inspection's findings (areas for improvement, recommendations, causes of concern), each with
 * its owner, status and dated progress updates. Part of the inspections register, re-exported
 * through plans.ts. A finding is marked on its own, never lower than its inspection and shared
 * only where the inspection is, so whoever sees a finding sees the inspection it belongs to.
 *
 * Decisions: an update only adds (the table refuses UPDATE and DELETE, migration 007) and may set
 * the status, so the status is always the `status_after` of some update or the initial one; the
 * update names the finding version it read, and a stale one is a CONFLICT that saves nothing.
 */
import { inputError } from '../../../errors.js';
import { refuseVisibleClash } from '../../core/uniqueness.js';
import { markingRank, type Marking } from '../../../domain/marking.js';
import type { FindingKind, FindingStatus } from '../../../domain/plans/terms.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import {
  readFinding,
  readFindings,
  readInspection,
  toFinding,
  toUpdate,
  updateRows,
  visibleUpdateRows,
  type InspectionFindingUpdate,
  type InspectionFinding,
} from './reads.js';
import { versionOf } from '../plans/reads.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { isCalendarDate, todayUtc } from '../../../domain/calendar-date.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';

export interface InspectionFindingWithUpdates extends InspectionFinding {
  /** Every update, oldest first. */
  readonly updates: readonly InspectionFindingUpdate[];
}

export interface NewInspectionFinding {
  readonly text: string;
  /** area_for_improvement (the default), recommendation or cause_of_concern. */
  readonly kind?: FindingKind | undefined;
  readonly reference?: string | null | undefined;
  readonly detail?: string | null | undefined;
  readonly owner?: string | null | undefined;
  readonly status?: FindingStatus | undefined;
  /** The inspection's marking when left out; never lower. */
  readonly marking?: Marking | undefined;
  /** Only organisations the inspection is shared with. */
  readonly sharedWith?: readonly string[] | undefined;
}

export interface NewInspectionFindingUpdate {
  readonly text: string;
  /** YYYY-MM-DD; today (UTC) when left out. */
  readonly dated?: string | undefined;
  /** The status after this update; unchanged when left out. */
  readonly status?: FindingStatus | undefined;
}

export interface InspectionFindingQuery {
  readonly inspectionId?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly status?: FindingStatus | undefined;
}

const orNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

export async function addInspectionFinding(
  store: Store,
  actor: Actor,
  inspectionId: number,
  fields: NewInspectionFinding,
): Promise<InspectionFinding> {
  const text = fields.text.trim();
  if (text === '')
    throw inputError('A finding needs its text (the area for improvement as the inspectorate wrote it).');
  const reference = orNull(fields.reference);
  return inTransaction(store, async (tx) => {
    const inspection = await readInspection(tx, actor, inspectionId);
    const marking = fields.marking ?? inspection.marking;
    requireRole(actor, inspection.organisationId, 'edit', `add findings to inspection ${inspectionId}`);
    requireCanMark(actor, marking, inspection.organisationId);
    if (markingRank(marking) < markingRank(inspection.marking))
      throw inputError(
        `A finding of inspection ${inspectionId} must be marked at least ${inspection.marking}, as the inspection is.`,
      );
    const unshared = (fields.sharedWith ?? []).filter((o) => !inspection.sharedWith.includes(o));
    if (unshared.length > 0)
      throw inputError(
        `Inspection ${inspectionId} is not shared with ${unshared.join(', ')}: share the inspection first, or they would not see the finding.`,
      );
    if (reference !== null) {
      // Among the findings the writer can see: a hidden one's reference is free (core/uniqueness.ts).
      const clash = await visibleFrom(tx, actor, 'inspection_findings')
        .select('id')
        .where('inspection_id', '=', inspectionId)
        .where('reference', '=', reference)
        .executeTakeFirst();
      refuseVisibleClash(
        clash,
        `Inspection ${inspectionId} already has a finding ${reference} (finding ${clash?.id}).`,
        'reference',
      );
    }
    const row = await tx
      .insertInto('inspection_findings')
      .values({
        inspection_id: inspectionId,
        reference,
        kind: fields.kind ?? 'area_for_improvement',
        text,
        detail: orNull(fields.detail),
        owner: orNull(fields.owner),
        status: fields.status ?? 'open',
        marking,
        organisation_id: inspection.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const finding = toFinding(row, inspection.body, inspection.title);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'inspection_findings',
      recordId: finding.id,
      marking,
      organisationId: finding.organisationId,
      after: finding,
    });
    return finding;
  });
}

export async function listInspectionFindings(
  store: Store,
  actor: Actor,
  q: InspectionFindingQuery = {},
): Promise<InspectionFinding[]> {
  return readFindings(dbOf(store), actor, {
    inspectionIds: q.inspectionId === undefined ? undefined : [q.inspectionId],
    organisationId: q.organisationId,
    status: q.status,
  });
}

export async function getInspectionFinding(
  store: Store,
  actor: Actor,
  id: number,
): Promise<InspectionFindingWithUpdates> {
  const db = dbOf(store);
  const finding = await readFinding(db, actor, id);
  const updates = await visibleUpdateRows(db, actor)
    .where('finding_id', '=', id)
    .orderBy('dated')
    .orderBy('id')
    .execute();
  return { ...finding, updates: updates.map(toUpdate) };
}

/** Adds a dated progress update (never replacing an earlier one), setting the status if given. */
export async function addInspectionFindingUpdate(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  input: NewInspectionFindingUpdate,
): Promise<{ finding: InspectionFinding; update: InspectionFindingUpdate }> {
  const text = input.text.trim();
  if (text === '') throw inputError('An update needs its text.');
  const dated = parseDay(input.dated ?? todayUtc());
  return inTransaction(store, async (tx) => {
    let update: InspectionFindingUpdate | undefined;
    const { after } = await changeMarked(tx, actor, {
      table: 'inspection_findings',
      id,
      expectedVersion,
      read: (t: Tx) => readFinding(t, actor, id),
      describe: (f) => `Inspection finding ${id}${f.reference === null ? '' : ` (${f.reference})`}`,
      versionOf,
      role: { action: 'edit', what: `update inspection finding ${id}` },
      set: (before) => ({ status: input.status ?? before.status }),
      // The update row and its audit row come before the finding's own audit row.
      afterUpdate: async (after) => {
        const inserted = await tx
          .insertInto('inspection_finding_updates')
          .values({ finding_id: id, dated, text, status_after: after.status, author: actor.username })
          .returning('id')
          .executeTakeFirstOrThrow();
        update = toUpdate(await updateRows(tx).where('id', '=', inserted.id).executeTakeFirstOrThrow());
        await writeAudit(tx, actor, {
          action: 'create',
          table: 'inspection_finding_updates',
          recordId: update.id,
          marking: after.marking,
          organisationId: after.organisationId,
          after: update,
        });
      },
    });
    if (update === undefined) throw new Error(`Inspection finding ${id}: the update was not written.`);
    return { finding: after, update };
  });
}

function parseDay(value: string): string {
  const v = value.trim();
  if (!isCalendarDate(v)) throw inputError(`Update date "${value}" is not a date (expected YYYY-MM-DD).`);
  return v;
}
