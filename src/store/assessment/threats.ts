/**
 * The threat catalogue of an assessment: name, description, evidence links, owner, marking.
 * Every read is filtered by the marking rule in SQL (a threat the actor may not see is "not
 * found", never "forbidden", so its existence does not leak); every change is versioned,
 * audited, and refused once the assessment is approved.
 */
import { refuseVisibleClash } from '../core/uniqueness.js';
import { sql, type Kysely, type Selectable } from 'kysely';
import { inputError, notFoundError } from '../../errors.js';
import { highestMarking, type Marking } from '../../domain/marking.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { NO_EVIDENCE, parseEvidence, type EvidenceLinks } from './evidence.js';
import { openAssessment } from './writes.js';
import { requireOrganisationsExist } from '../identity/organisations.js';
import { requireCanMark, requireRole, textArray, visibleTo } from '../core/policy.js';
import { json, markedFields, type MarkedFields } from '../core/rows.js';
import { dbOf, inTransaction, type Store, type Tx } from '../core/store.js';
import type { Database, ThreatsTable } from '../core/schema.js';
import { assertCurrent } from '../core/versioning.js';
import { usernameOf } from '../core/who.js';
import type { PreviousScore } from './previous-score.js';
import { visibleFrom, unfilteredFrom } from '../core/marked.js';

export interface Threat extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly name: string;
  readonly description: string;
  readonly evidence: EvidenceLinks;
  readonly owner: string | null;
  readonly carriedFromId: number | null;
  /** Last year's combined score, carried with the threat into this assessment. */
  readonly previousScore: PreviousScore | null;
}

export interface ThreatFields {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly evidence?: unknown;
  readonly owner?: string | null | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export async function createThreat(
  store: Store,
  actor: Actor,
  assessmentId: number,
  fields: ThreatFields & { name: string },
): Promise<Threat> {
  const evidence = fields.evidence === undefined ? NO_EVIDENCE : await parseEvidence(fields.evidence);
  return inTransaction(store, async (tx) => {
    const assessment = await openAssessment(tx, actor, assessmentId);
    const marking = fields.marking ?? 'OFFICIAL';
    requireRole(actor, assessment.organisationId, 'edit', `add threats to assessment ${assessmentId}`);
    requireCanMark(actor, marking, assessment.organisationId);
    await refuseDuplicateName(tx, actor, assessmentId, fields.name);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    const row = await tx
      .insertInto('threats')
      .values({
        assessment_id: assessmentId,
        name: fields.name.trim(),
        description: fields.description ?? '',
        evidence: json(evidence),
        owner: fields.owner ?? null,
        marking,
        organisation_id: assessment.organisationId,
        shared_with: textArray(fields.sharedWith ?? []),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const threat = toThreat(row);
    await writeAudit(tx, actor, {
      action: 'create',
      table: 'threats',
      recordId: threat.id,
      marking,
      organisationId: threat.organisationId,
      after: threat,
    });
    return threat;
  });
}

export async function getThreat(store: Store, actor: Actor, id: number): Promise<Threat> {
  return readThreat(dbOf(store), actor, id);
}

export async function readThreat(db: Kysely<Database>, actor: Actor, id: number): Promise<Threat> {
  const row = await visibleFrom(db, actor, 'threats').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFoundError(`There is no threat ${id} that you can see.`);
  return toThreat(row);
}

export interface ThreatQuery {
  readonly assessmentId?: number | undefined;
  /** Case-insensitive substring of the name. */
  readonly nameContains?: string | undefined;
}

export async function listThreats(store: Store, actor: Actor, q: ThreatQuery = {}): Promise<Threat[]> {
  let query = visibleFrom(dbOf(store), actor, 'threats').selectAll();
  if (q.assessmentId !== undefined) query = query.where('assessment_id', '=', q.assessmentId);
  if (q.nameContains !== undefined)
    query = query.where(sql<boolean>`strpos(lower(name), lower(${q.nameContains})) > 0`);
  const rows = await query.orderBy('assessment_id').orderBy('id').execute();
  return rows.map(toThreat);
}

export async function updateThreat(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  fields: ThreatFields,
): Promise<Threat> {
  const evidence = fields.evidence === undefined ? undefined : await parseEvidence(fields.evidence);
  return inTransaction(store, async (tx) => {
    const before = await readThreat(tx, actor, id);
    assertCurrent(
      `Threat ${id} "${before.name}"`,
      expectedVersion,
      rowVersion(before),
      await usernameOf(tx, before.updatedBy),
    );
    await openAssessment(tx, actor, before.assessmentId);
    requireRole(actor, before.organisationId, 'edit', `edit threat ${id}`);
    requireCanMark(
      actor,
      fields.marking ?? before.marking,
      before.organisationId,
      fields.sharedWith ?? before.sharedWith,
    );
    const renamed = fields.name !== undefined && fields.name.trim().toLowerCase() !== before.name.toLowerCase();
    if (renamed || (fields.marking !== undefined && fields.marking !== before.marking))
      await refuseDuplicateName(tx, actor, before.assessmentId, fields.name ?? before.name, id);
    await requireOrganisationsExist(tx, fields.sharedWith ?? []);
    const row = await tx
      .updateTable('threats')
      .set((eb) => ({
        ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
        ...(fields.description !== undefined ? { description: fields.description } : {}),
        ...(evidence !== undefined ? { evidence: json(evidence) } : {}),
        ...(fields.owner !== undefined ? { owner: fields.owner } : {}),
        ...(fields.marking !== undefined ? { marking: fields.marking } : {}),
        ...(fields.sharedWith !== undefined ? { shared_with: textArray(fields.sharedWith) } : {}),
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toThreat(row);
    await writeAudit(tx, actor, {
      action: 'update',
      table: 'threats',
      recordId: id,
      marking: highestMarking([before.marking, after.marking]),
      organisationId: after.organisationId,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a threat and its scores (each audited with its last state). */
export async function deleteThreat(store: Store, actor: Actor, id: number, expectedVersion: number): Promise<void> {
  await inTransaction(store, async (tx) => {
    const before = await readThreat(tx, actor, id);
    assertCurrent(
      `Threat ${id} "${before.name}"`,
      expectedVersion,
      rowVersion(before),
      await usernameOf(tx, before.updatedBy),
    );
    await openAssessment(tx, actor, before.assessmentId);
    requireRole(actor, before.organisationId, 'edit', `delete threat ${id}`);
    const hidden = await unfilteredFrom(tx, 'scores')
      .select('id')
      .where('threat_id', '=', id)
      .where((eb) => eb.not(visibleTo(actor, 'scores')))
      .executeTakeFirst();
    if (hidden !== undefined)
      throw inputError(`Threat ${id} has scores you cannot see; someone cleared to see them must delete it.`);
    // Its Control Strategy plan (migration 018) goes with it, audited; a hidden one is refused like a hidden score.
    const plan = await unfilteredFrom(tx, 'strategy_plans').selectAll().where('threat_id', '=', id).executeTakeFirst();
    if (plan !== undefined) {
      const seen = await unfilteredFrom(tx, 'strategy_plans')
        .select('id')
        .where('id', '=', plan.id)
        .where(visibleTo(actor, 'strategy_plans'))
        .executeTakeFirst();
      if (seen === undefined)
        throw inputError(
          `Threat ${id} has a Control Strategy plan you cannot see; someone cleared to see it must delete it.`,
        );
      await tx.deleteFrom('strategy_plans').where('id', '=', plan.id).execute();
      await writeAudit(tx, actor, {
        action: 'delete',
        table: 'strategy_plans',
        recordId: plan.id,
        marking: plan.marking as Marking,
        organisationId: plan.organisation_id,
        before: plan,
      });
    }
    const scores = await tx.deleteFrom('scores').where('threat_id', '=', id).returningAll().execute();
    for (const s of scores) {
      await writeAudit(tx, actor, {
        action: 'delete',
        table: 'scores',
        recordId: s.id,
        marking: highestMarking([before.marking, s.marking as Marking]),
        organisationId: s.organisation_id,
        before: s,
      });
    }
    await tx
      .deleteFrom('threats')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirstOrThrow();
    await writeAudit(tx, actor, {
      action: 'delete',
      table: 'threats',
      recordId: id,
      marking: before.marking,
      organisationId: before.organisationId,
      before,
    });
  });
}

/** Refuses a name a threat the actor can see already has (a hidden one's name is free: core/uniqueness.ts). */
async function refuseDuplicateName(
  tx: Tx,
  actor: Actor,
  assessmentId: number,
  name: string,
  exceptId = 0,
): Promise<void> {
  if (name.trim() === '') throw inputError('A threat needs a name.');
  const clash = await visibleFrom(tx, actor, 'threats')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('id', '<>', exceptId)
    .where(sql<boolean>`lower(name) = lower(${name.trim()})`)
    .executeTakeFirst();
  refuseVisibleClash(
    clash,
    `Assessment ${assessmentId} already has a threat named "${name.trim()}" (threat ${clash?.id}).`,
    'name',
  );
}

const rowVersion = (t: Threat) => ({ version: t.version, updated_by: t.updatedBy, updated_at: t.updatedAt });

export function toThreat(row: Selectable<ThreatsTable>): Threat {
  return {
    id: row.id,
    assessmentId: row.assessment_id,
    name: row.name,
    description: row.description,
    evidence: { ...NO_EVIDENCE, ...(row.evidence as Partial<EvidenceLinks>) },
    owner: row.owner,
    carriedFromId: row.carried_from_id,
    previousScore: (row.previous_score ?? null) as PreviousScore | null,
    ...markedFields(row),
  };
}
