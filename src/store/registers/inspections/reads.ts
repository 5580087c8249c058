/**
 * Reading inspections and their findings under the marking rule (not exported from index.ts; the
 * inspections register's repositories build on these). A finding is seen only by an actor who may
 * see both the finding and its inspection, so a finding never shows without the inspection it
 * belongs to.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { notFoundError } from '../../../errors.js';
import type { FindingKind, FindingStatus, InspectionGrade } from '../../../domain/plans/terms.js';
import type { Actor } from '../../core/actor.js';
import { markedFields, toIso, type MarkedFields } from '../../core/rows.js';
import type { Database } from '../../core/schema.js';
import type { InspectionFindingsTable, InspectionsTable } from '../plans/tables.js';
import { visibleFrom } from '../../core/marked.js';

export interface Inspection extends MarkedFields {
  readonly id: number;
  /** "HMIC", "HMICFRS", ... */
  readonly body: string;
  /** "PEEL: Legitimacy 2016". */
  readonly title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly dated: string | null;
  readonly grade: InspectionGrade | null;
  readonly source: string | null;
}

export interface InspectionFinding extends MarkedFields {
  readonly id: number;
  readonly inspectionId: number;
  /** The inspection's body and title, for lists that span inspections. */
  readonly body: string;
  readonly inspection: string;
  /** The inspectorate's number for it, if any. */
  readonly reference: string | null;
  readonly kind: FindingKind;
  /** The area for improvement (or recommendation, or cause of concern) as the inspectorate wrote it. */
  readonly text: string;
  /** The detailed findings behind it, if recorded. */
  readonly detail: string | null;
  readonly owner: string | null;
  readonly status: FindingStatus;
}

export interface InspectionFindingUpdate {
  readonly id: number;
  readonly findingId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly text: string;
  readonly statusAfter: FindingStatus;
  /** Username of whoever added it. */
  readonly author: string;
  readonly createdAt: string;
}

export async function readInspection(db: Kysely<Database>, actor: Actor, id: number): Promise<Inspection> {
  const row = await visibleFrom(db, actor, 'inspections').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no inspection ${id} that you can see.`);
  return toInspection(row);
}

export interface FindingFilter {
  readonly inspectionIds?: readonly number[] | undefined;
  readonly findingId?: number | undefined;
  readonly organisationId?: string | undefined;
  readonly status?: FindingStatus | undefined;
}

/** Findings the actor may see (finding and inspection both visible), by inspection then entry order. */
export async function readFindings(db: Kysely<Database>, actor: Actor, f: FindingFilter): Promise<InspectionFinding[]> {
  let q = visibleFrom(db, actor, 'inspection_findings')
    .innerJoin(
      visibleFrom(db, actor, 'inspections').selectAll().as('inspections'),
      'inspections.id',
      'inspection_findings.inspection_id',
    )
    .selectAll('inspection_findings')
    .select(['inspections.body', 'inspections.title as inspection']);
  if (f.inspectionIds !== undefined)
    q = q.where('inspection_findings.inspection_id', 'in', f.inspectionIds.length === 0 ? [-1] : [...f.inspectionIds]);
  if (f.findingId !== undefined) q = q.where('inspection_findings.id', '=', f.findingId);
  if (f.organisationId !== undefined) q = q.where('inspection_findings.organisation_id', '=', f.organisationId);
  if (f.status !== undefined) q = q.where('inspection_findings.status', '=', f.status);
  const rows = await q
    .orderBy(sql`inspections.dated IS NULL`)
    .orderBy('inspections.dated')
    .orderBy('inspections.id')
    .orderBy('inspection_findings.id')
    .execute();
  return rows.map((r) => toFinding(r, r.body, r.inspection));
}

export async function readFinding(db: Kysely<Database>, actor: Actor, id: number): Promise<InspectionFinding> {
  const [found] = await readFindings(db, actor, { findingId: id });
  if (found === undefined) throw notFoundError(`There is no inspection finding ${id} that you can see.`);
  return found;
}

export const describeInspection = (i: Pick<Inspection, 'id' | 'body' | 'title'>): string =>
  `Inspection ${i.id} (${i.body}: ${i.title})`;

export function toInspection(row: Selectable<InspectionsTable>): Inspection {
  return {
    id: row.id,
    body: row.body,
    title: row.title,
    dated: row.dated,
    grade: row.grade as InspectionGrade | null,
    source: row.source,
    ...markedFields(row),
  };
}

export function toFinding(
  row: Selectable<InspectionFindingsTable>,
  body: string,
  inspection: string,
): InspectionFinding {
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    body,
    inspection,
    reference: row.reference,
    kind: row.kind as FindingKind,
    text: row.text,
    detail: row.detail,
    owner: row.owner,
    status: row.status as FindingStatus,
    ...markedFields(row),
  };
}

interface UpdateRow {
  id: number;
  finding_id: number;
  dated: string;
  text: string;
  status_after: string;
  author: string;
  created_at: Date | string;
}

export const updateRows = (db: Kysely<Database>) =>
  db
    .selectFrom('inspection_finding_updates')
    .select(['id', 'finding_id', 'text', 'status_after', 'author', 'created_at', sql<string>`dated::text`.as('dated')]);

/** The updates of the findings the actor may see (read through the visible finding, never alone). */
export const visibleUpdateRows = (db: Kysely<Database>, actor: Actor) =>
  updateRows(db).innerJoin(
    visibleFrom(db, actor, 'inspection_findings').select('id as visible_finding_id').as('visible'),
    'visible.visible_finding_id',
    'inspection_finding_updates.finding_id',
  );

export function toUpdate(u: UpdateRow): InspectionFindingUpdate {
  return {
    id: u.id,
    findingId: u.finding_id,
    dated: u.dated,
    text: u.text,
    statusAfter: u.status_after as FindingStatus,
    author: u.author,
    createdAt: toIso(u.created_at),
  };
}
