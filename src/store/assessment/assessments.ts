/**
 * Assessments: one organisation's strategic assessment for a period ("2017/18"), its version
 * label ("V16 - Final"), status, the scoring model its threats are ranked with, and the previous
 * assessment it follows. Reads are filtered by the marking rule in SQL; changes are versioned
 * and audited. Next year's assessment and a new version are made in carry-forward.ts.
 */
import { inputError, notFoundError } from '../../errors.js';
import { sql, type Kysely, type Selectable } from 'kysely';
import { highestMarking, type Marking } from '../../domain/marking.js';
import type { ModelRef } from '../../domain/morile/index.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { ASSESSMENT_STATUSES } from '../../domain/assessment-statuses.js';
import { DEFAULT_MODEL, modelFor } from './models.js';
import { requireOrganisationsExist } from '../identity/organisations.js';
import { requireCanMark, requireRole, textArray } from '../core/policy.js';
import { markedFields, type MarkedFields } from '../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';
import type { AssessmentsTable, Database } from '../core/schema.js';
import { assertCurrent } from '../core/versioning.js';
import { usernameOf } from '../core/who.js';
import { visibleFrom } from '../core/marked.js';

export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type CombineMethodName = 'median' | 'mean';

export interface Assessment extends MarkedFields {
  readonly id: number;
  readonly period: string;
  readonly versionLabel: string;
  readonly title: string;
  readonly status: AssessmentStatus;
  readonly previousId: number | null;
  readonly revisionOfId: number | null;
  readonly model: ModelRef;
  readonly combineMethod: CombineMethodName;
}

export interface NewAssessment {
  readonly organisationId: string;
  readonly period: string;
  readonly versionLabel: string;
  readonly title?: string | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
  readonly model?: ModelRef | undefined;
  readonly combineMethod?: CombineMethodName | undefined;
  readonly previousId?: number | null | undefined;
  readonly revisionOfId?: number | null | undefined;
}

export async function createAssessment(store: Store, actor: Actor, input: NewAssessment): Promise<Assessment> {
  return inTransaction(store, (tx) => insertAssessment(tx, actor, input));
}

export async function insertAssessment(tx: Tx, actor: Actor, input: NewAssessment): Promise<Assessment> {
  const period = parsePeriod(input.period);
  const marking = input.marking ?? 'OFFICIAL';
  requireRole(actor, input.organisationId, 'edit', `create assessments for ${input.organisationId}`);
  requireCanMark(actor, marking, input.organisationId);
  const model = input.model ?? DEFAULT_MODEL;
  await modelFor(tx, actor, model);
  await requireOrganisationsExist(tx, input.sharedWith ?? []);
  const org = await tx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', input.organisationId)
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('assessments')
    .values({
      organisation_id: input.organisationId,
      period,
      version_label: input.versionLabel,
      title: input.title ?? `${org.name} Strategic Assessment ${period}`,
      marking,
      shared_with: textArray(input.sharedWith ?? []),
      model_id: model.id,
      model_version: model.version,
      combine_method: input.combineMethod ?? 'median',
      previous_id: input.previousId ?? null,
      revision_of_id: input.revisionOfId ?? null,
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const assessment = toAssessment(row);
  await writeAudit(tx, actor, {
    action: 'create',
    table: 'assessments',
    recordId: assessment.id,
    marking,
    organisationId: assessment.organisationId,
    after: assessment,
  });
  return assessment;
}

export async function getAssessment(store: Store, actor: Actor, id: number): Promise<Assessment> {
  return readAssessment(dbOf(store), actor, id);
}

export async function readAssessment(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<Assessment> {
  let q = visibleFrom(db, actor, 'assessments').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no assessment ${id} that you can see.`);
  return toAssessment(row);
}

export async function listAssessments(
  store: Store,
  actor: Actor,
  filter: { organisationId?: string } = {},
): Promise<Assessment[]> {
  let q = visibleFrom(dbOf(store), actor, 'assessments').selectAll();
  if (filter.organisationId !== undefined) q = q.where('organisation_id', '=', filter.organisationId);
  const rows = await q.orderBy('period', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toAssessment);
}

/** draft <-> under_review by analysts; approved only by approving the control strategy; published after. */
export async function setAssessmentStatus(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  status: string,
): Promise<Assessment> {
  if (!(ASSESSMENT_STATUSES as readonly string[]).includes(status))
    throw inputError(`Status "${status}" is not one of ${ASSESSMENT_STATUSES.join(', ')}.`);
  return inTransaction(store, async (tx) => {
    const before = await readAssessment(tx, actor, id, true);
    assertCurrent(
      describeAssessment(before),
      expectedVersion,
      rowVersion(before),
      await usernameOf(tx, before.updatedBy),
    );
    const allowed = transitions[before.status];
    if (!allowed.includes(status as AssessmentStatus)) {
      throw inputError(
        `Assessment ${id} is ${before.status}; it can move to ${allowed.join(' or ') || 'no other status'}${status === 'approved' ? ' (approve its control strategy to approve it)' : ''}.`,
      );
    }
    requireRole(
      actor,
      before.organisationId,
      status === 'published' ? 'approve' : 'edit',
      `set assessment ${id} to ${status}`,
    );
    return updateAssessmentRow(tx, actor, before, { status });
  });
}

const transitions: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  draft: ['under_review'],
  under_review: ['draft'],
  approved: ['published'],
  published: [],
};

export async function updateAssessmentRow(
  tx: Tx,
  actor: Actor,
  before: Assessment,
  changes: { status?: string; marking?: Marking },
): Promise<Assessment> {
  const row = await tx
    .updateTable('assessments')
    .set((eb) => ({
      ...changes,
      version: eb('version', '+', 1),
      updated_by: actor.userId,
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toAssessment(row);
  await writeAudit(tx, actor, {
    action: 'update',
    table: 'assessments',
    recordId: before.id,
    marking: highestMarking([before.marking, after.marking]),
    organisationId: after.organisationId,
    before,
    after,
  });
  return after;
}

export function parsePeriod(period: string): string {
  const m = /^(\d{4})\/(\d{2})$/.exec(period);
  if (m === null || (Number(m[1]) + 1) % 100 !== Number(m[2])) {
    throw inputError(`Period "${period}" must be a financial year written like 2017/18.`);
  }
  return period;
}

export function nextPeriod(period: string): string {
  const start = Number(parsePeriod(period).slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export const describeAssessment = (a: Pick<Assessment, 'id' | 'period' | 'versionLabel'>): string =>
  `Assessment ${a.id} (${a.period} ${a.versionLabel})`;

const rowVersion = (a: Assessment) => ({ version: a.version, updated_by: a.updatedBy, updated_at: a.updatedAt });

export function toAssessment(row: Selectable<AssessmentsTable>): Assessment {
  return {
    id: row.id,
    period: row.period,
    versionLabel: row.version_label,
    title: row.title,
    status: row.status as AssessmentStatus,
    previousId: row.previous_id,
    revisionOfId: row.revision_of_id,
    model: { id: row.model_id, version: row.model_version },
    combineMethod: row.combine_method as CombineMethodName,
    ...markedFields(row),
  };
}
