/**
 * The inspections register: inspections of a force by HMIC/HMICFRS (or another body) with the
 * grade given, each holding its findings (plan-inspection-findings.ts). Every read is filtered by
 * the marking rule in SQL (an inspection the actor may not see is "not found"); every change is
 * versioned and audited in the same transaction. Re-exported through plans.ts.
 *
 * Decisions: one record per graded pillar ("PEEL: Legitimacy 2016"), since a grade belongs to
 * one; the date is as precise as the source; the grade may be left out where the source gives
 * none, which is not the same as the inspectorate's "not graded".
 */
import { sql } from 'kysely';
import { inputError } from '../../../errors.js';
import type { Marking } from '../../../domain/marking.js';
import { parsePartialDate, type FindingStatus, type InspectionGrade } from '../../../domain/plans/terms.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import {
  describeInspection,
  readFindings,
  readInspection,
  toInspection,
  type Inspection,
  type InspectionFinding,
} from './reads.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { versionOf } from '../plans/reads.js';
import { requireCanMark, requireRole, textArray } from '../../core/policy.js';
import { dbOf, inTransaction, type Store, type Tx } from '../../core/store.js';
import { changeMarked, visibleFrom } from '../../core/marked.js';

export interface InspectionSummary extends Inspection {
  /** Findings you can see, and how many of them are not complete or superseded. */
  readonly findings: number;
  readonly open: number;
}

export interface InspectionWithFindings extends Inspection {
  /** The findings you can see, in the order they were entered. */
  readonly findings: readonly InspectionFinding[];
}

export interface NewInspection {
  /** The force (or alliance) inspected, who owns the findings. */
  readonly organisationId: string;
  readonly body: string;
  readonly title: string;
  readonly dated?: string | null | undefined;
  readonly grade?: InspectionGrade | null | undefined;
  readonly source?: string | null | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export interface InspectionFields {
  readonly body?: string | undefined;
  readonly title?: string | undefined;
  readonly dated?: string | null | undefined;
  readonly grade?: InspectionGrade | null | undefined;
  readonly source?: string | null | undefined;
}

export interface InspectionQuery {
  readonly organisationId?: string | undefined;
  readonly body?: string | undefined;
}

const OPEN: readonly FindingStatus[] = ['open', 'in_progress'];
const orNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

function required(what: string, value: string | undefined): string {
  const v = (value ?? '').trim();
  if (v === '') throw inputError(`An inspection needs its ${what}.`);
  return v;
}

export async function createInspection(store: Store, actor: Actor, fields: NewInspection): Promise<Inspection> {
  const body = required('body (e.g. HMIC)', fields.body);
  const title = required('title (e.g. "PEEL: Legitimacy 2016")', fields.title);
  const dated = orNull(fields.dated) === null ? null : parsePartialDate(fields.dated ?? '');
  const marking = fields.marking ?? 'OFFICIAL';
  return inTransaction(store, async (tx) => {
    requireRole(actor, fields.organisationId, 'edit', `add an inspection of ${fields.organisationId}`);
    requireCanMark(actor, marking, fields.organisationId);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    const row = await tx
      .insertInto('inspections')
      .values({
        body,
        title,
        dated,
        grade: fields.grade ?? null,
        source: orNull(fields.source),
        marking,
        organisation_id: fields.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const inspection = toInspection(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'inspections',
      recordId: inspection.id,
      marking,
      organisationId: inspection.organisationId,
      after: inspection,
    });
    return inspection;
  });
}

export async function listInspections(
  store: Store,
  actor: Actor,
  q: InspectionQuery = {},
): Promise<InspectionSummary[]> {
  const db = dbOf(store);
  let query = visibleFrom(db, actor, 'inspections').selectAll();
  if (q.organisationId !== undefined) query = query.where('organisation_id', '=', q.organisationId);
  if (q.body !== undefined) query = query.where(sql`lower(body)`, '=', q.body.trim().toLowerCase());
  const rows = await query
    .orderBy(sql`dated IS NULL`)
    .orderBy('dated')
    .orderBy('id')
    .execute();
  const findings = rows.length === 0 ? [] : await readFindings(db, actor, { inspectionIds: rows.map((r) => r.id) });
  return rows.map(toInspection).map((i) => {
    const mine = findings.filter((f) => f.inspectionId === i.id);
    return { ...i, findings: mine.length, open: mine.filter((f) => OPEN.includes(f.status)).length };
  });
}

export async function getInspection(store: Store, actor: Actor, id: number): Promise<InspectionWithFindings> {
  const db = dbOf(store);
  const inspection = await readInspection(db, actor, id);
  return { ...inspection, findings: await readFindings(db, actor, { inspectionIds: [id] }) };
}

/** Corrects an inspection's details or records its grade (give the version you read). */
export async function updateInspection(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  fields: InspectionFields,
): Promise<Inspection> {
  return inTransaction(store, async (tx) => {
    const { after } = await changeMarked(tx, actor, {
      table: 'inspections',
      id,
      expectedVersion,
      read: (t: Tx) => readInspection(t, actor, id),
      describe: describeInspection,
      versionOf,
      role: { action: 'edit', what: `edit inspection ${id}` },
      set: (before) => ({
        body: fields.body === undefined ? before.body : required('body', fields.body),
        title: fields.title === undefined ? before.title : required('title', fields.title),
        dated:
          fields.dated === undefined
            ? before.dated
            : orNull(fields.dated) === null
              ? null
              : parsePartialDate(fields.dated ?? ''),
        grade: fields.grade === undefined ? before.grade : fields.grade,
        source: fields.source === undefined ? before.source : orNull(fields.source),
      }),
    });
    return after;
  });
}
