/**
 * An assessment's settings (migration 021, issue 14): the title and organisation name its
 * document prints on the title page, and the headings its Control Strategy's actions are written
 * under. Read wherever the assessment may be read; written by its organisation's admin or analyst
 * (the 'edit' role), naming the version read (a stale write is a 409 with the settings as they are
 * now), audited with the assessment's marking. The headings are frozen once the Control Strategy
 * is approved (the approved strategy keeps the headings it was approved with). Next year's
 * assessment and a new version take the headings and the organisation name (not the title, which
 * names the year).
 */
import type { Kysely } from 'kysely';
import { HEADING_ID_PATTERN, resolveHeadings, type Heading } from '../../domain/morile/headings.js';
import { conflictError, inputError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { requireRole } from '../core/policy.js';
import { json, toIso } from '../core/rows.js';
import type { Database } from '../core/schema.js';
import { dbOf, inTransaction, type Store } from '../core/store.js';
import { readAssessment } from './assessments.js';
import type { CarryContext } from './carry-step.js';

export interface AssessmentSettings {
  readonly assessmentId: number;
  /** null: the assessment's title (or document.json's). */
  readonly documentTitle: string | null;
  /** null: the organisation's name (or document.json's). */
  readonly documentOrganisation: string | null;
  /** null: the default headings (prevention, intelligence, enforcement, reassurance). */
  readonly strategyHeadings: readonly Heading[] | null;
  /** 0 when never set. */
  readonly version: number;
  readonly updatedAt: string | null;
}

export interface AssessmentSettingsChanges {
  readonly documentTitle?: string | null | undefined;
  readonly documentOrganisation?: string | null | undefined;
  readonly strategyHeadings?: readonly Heading[] | null | undefined;
}

/** The settings of an assessment already found visible (defaults when never set). */
export async function settingsOf(db: Kysely<Database>, assessmentId: number): Promise<AssessmentSettings> {
  const row = await db
    .selectFrom('assessment_settings')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  if (row === undefined)
    return {
      assessmentId,
      documentTitle: null,
      documentOrganisation: null,
      strategyHeadings: null,
      version: 0,
      updatedAt: null,
    };
  const headings = (
    typeof row.strategy_headings === 'string' ? JSON.parse(row.strategy_headings) : row.strategy_headings
  ) as Heading[] | null;
  return {
    assessmentId,
    documentTitle: row.document_title,
    documentOrganisation: row.document_organisation,
    strategyHeadings: headings,
    version: row.version,
    updatedAt: toIso(row.updated_at),
  };
}

export async function getAssessmentSettings(
  store: Store,
  actor: Actor,
  assessmentId: number,
): Promise<AssessmentSettings> {
  await readAssessment(dbOf(store), actor, assessmentId);
  return settingsOf(dbOf(store), assessmentId);
}

/** The headings an assessment's strategy is written under: its own, or the default. */
export async function headingsOf(db: Kysely<Database>, assessmentId: number): Promise<readonly Heading[]> {
  return (await settingsOf(db, assessmentId)).strategyHeadings ?? resolveHeadings('default');
}

function checkHeadings(headings: readonly Heading[]): Heading[] {
  const fields: { field: string; message: string }[] = [];
  if (headings.length > 8) fields.push({ field: 'strategyHeadings', message: 'at most 8 headings' });
  headings.forEach((h, i) => {
    if (!HEADING_ID_PATTERN.test(h.id))
      fields.push({ field: `strategyHeadings.${i}.id`, message: 'letters, digits, - or _ (up to 40)' });
    if (h.label.trim() === '' || h.label.length > 60)
      fields.push({ field: `strategyHeadings.${i}.label`, message: '1 to 60 characters' });
  });
  if (fields.length > 0) throw inputError('The Control Strategy headings are not valid.', { fields });
  return resolveHeadings(headings.map((h) => ({ id: h.id, label: h.label.trim() }))) as Heading[];
}

export async function setAssessmentSettings(
  store: Store,
  actor: Actor,
  assessmentId: number,
  expectedVersion: number,
  changes: AssessmentSettingsChanges,
): Promise<AssessmentSettings> {
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, assessmentId, true);
    requireRole(actor, assessment.organisationId, 'edit', `change the settings of assessment ${assessmentId}`);
    const before = await settingsOf(tx, assessmentId);
    if (before.version !== expectedVersion)
      throw conflictError(
        `The settings of assessment ${assessmentId} have changed since you read them: you had version ${expectedVersion}, they are now version ${before.version}. Nothing was saved; read them again and reapply your change.`,
        { had: expectedVersion, current: before.version, record: before },
      );
    const text = (v: string | null | undefined, old: string | null) =>
      v === undefined ? old : v === null || v.trim() === '' ? null : v.trim();
    let headings = before.strategyHeadings;
    if (changes.strategyHeadings !== undefined) {
      headings = changes.strategyHeadings === null ? null : checkHeadings(changes.strategyHeadings);
      if (assessment.status === 'approved' && JSON.stringify(headings) !== JSON.stringify(before.strategyHeadings))
        throw inputError(
          `Assessment ${assessmentId} is approved: its Control Strategy keeps the headings it was approved with. Make a new version to change them.`,
          { fields: [{ field: 'strategyHeadings', message: 'frozen by the approval' }] },
        );
    }
    const values = {
      document_title: text(changes.documentTitle, before.documentTitle),
      document_organisation: text(changes.documentOrganisation, before.documentOrganisation),
      strategy_headings: headings === null ? null : json(headings),
      updated_by: actor.userId,
      updated_at: new Date(),
    };
    if (values.document_title !== null && values.document_title.length > 300)
      throw inputError('The title is too long.', {
        fields: [{ field: 'documentTitle', message: 'at most 300 characters' }],
      });
    if (values.document_organisation !== null && values.document_organisation.length > 200)
      throw inputError('The organisation name is too long.', {
        fields: [{ field: 'documentOrganisation', message: 'at most 200 characters' }],
      });
    if (before.version === 0)
      await tx
        .insertInto('assessment_settings')
        .values({ assessment_id: assessmentId, ...values })
        .execute();
    else
      await tx
        .updateTable('assessment_settings')
        .set({ ...values, version: before.version + 1 })
        .where('assessment_id', '=', assessmentId)
        .where('version', '=', before.version)
        .execute();
    const after = await settingsOf(tx, assessmentId);
    await writeAudit(tx, actor, {
      action: before.version === 0 ? 'create' : 'update',
      table: 'assessment_settings',
      recordId: assessmentId,
      marking: assessment.marking,
      organisationId: assessment.organisationId,
      before: before.version === 0 ? undefined : before,
      after,
    });
    return after;
  });
}

/** Carry-forward step: the headings and the organisation name go with the assessment. */
export async function carrySettings(ctx: CarryContext): Promise<Record<string, number>> {
  const from = await settingsOf(ctx.tx, ctx.from.id);
  if (from.version === 0) return {};
  await ctx.tx
    .insertInto('assessment_settings')
    .values({
      assessment_id: ctx.to.id,
      document_title: ctx.kind === 'revision' ? from.documentTitle : null,
      document_organisation: from.documentOrganisation,
      strategy_headings: from.strategyHeadings === null ? null : json(from.strategyHeadings),
      updated_by: ctx.actor.userId,
    })
    .execute();
  return { settings: 1 };
}
