/**
 * Writing the analyst's text of an assessment's document: one marked, versioned record per part,
 * owned by the assessment's organisation. A first write creates it (marked as the writer chooses,
 * by default the assessment's marking); every later write names the version it read, so of two
 * analysts editing the same part the second is told who changed it and nothing is lost (CONFLICT).
 * Every change is audited in its transaction. A new version of an assessment copies its texts
 * (carryTexts, a carry-forward step), each keeping its marking.
 *
 * Decisions: the text is not frozen by approval (approval fixes the threats and scores the
 * approvers saw; the words around them are finished afterwards). A part whose text exists but is
 * hidden from the writer is refused without saying what it holds (insertText).
 */
import { canSee, type Marking } from '../../domain/marking.js';
import { isTextPart, TEXT_PARTS } from '../../domain/document/text-parts.js';
import { inputError, notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { changeMarked, unfilteredFrom } from '../core/marked.js';
import { requireCanMark, requireRole, textArray } from '../core/policy.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';
import { staleWrite } from '../core/versioning.js';
import { describeAssessment, readAssessment, type Assessment } from '../assessment/assessments.js';
import type { CarryContext } from '../assessment/carry-step.js';
import { partText, readAnalystTextRecord, type AnalystText } from './reads.js';

export interface AnalystTextWrite {
  readonly assessmentId: number;
  readonly part: string;
  readonly body: string;
  /** The marking of the text (the assessment's when a new text gives none; unchanged on an edit when left out). */
  readonly marking?: Marking | undefined;
  /** The version read; null for a part that had no text when the writer opened it. */
  readonly expectedVersion: number | null;
}

export interface AnalystTextWritten {
  readonly text: AnalystText;
  readonly created: boolean;
  /** False when the body and marking were already as written (nothing saved, nothing audited). */
  readonly changed: boolean;
}

const describe = (a: Assessment, part: string) => `The "${part}" text of ${describeAssessment(a)}`;

export function requireTextPart(part: string): void {
  if (!isTextPart(part))
    throw inputError(
      `"${part}" is not a part of the document that takes text; the parts are ${Object.keys(TEXT_PARTS).join(', ')}.`,
      {
        fields: [{ field: 'part', message: 'not a part of the document' }],
      },
    );
}

export async function writeAnalystText(store: Store, actor: Actor, w: AnalystTextWrite): Promise<AnalystTextWritten> {
  requireTextPart(w.part);
  const body = w.body.replace(/\r\n?/g, '\n');
  return inTransaction(store, async (tx) => {
    const assessment = await readAssessment(tx, actor, w.assessmentId);
    const current = await partText(tx, actor, assessment.id, w.part);
    if (w.expectedVersion === null) {
      if (current !== undefined)
        throw staleWrite(
          describe(assessment, w.part),
          0,
          current.version,
          current.updatedByName ?? undefined,
          current.updatedAt,
        );
      return { text: await insertText(tx, actor, assessment, w.part, body, w.marking), created: true, changed: true };
    }
    if (current === undefined)
      throw notFoundError(`${describe(assessment, w.part)} is not there for you to change; reload the page.`);
    if (
      current.body === body &&
      (w.marking === undefined || w.marking === current.marking) &&
      current.version === w.expectedVersion
    )
      return { text: current, created: false, changed: false };
    const { after } = await changeMarked(tx, actor, {
      table: 'analyst_texts',
      id: current.id,
      expectedVersion: w.expectedVersion,
      read: (t) => readAnalystTextRecord(t, actor, current.id),
      describe: () => describe(assessment, w.part),
      role: { action: 'edit', what: `edit the document text of ${assessment.organisationId}` },
      marking: w.marking,
      set: () => ({ body }),
    });
    return { text: after, created: false, changed: true };
  });
}

async function insertText(
  tx: Tx,
  actor: Actor,
  assessment: Assessment,
  part: string,
  body: string,
  chosen: Marking | undefined,
): Promise<AnalystText> {
  const marking = chosen ?? assessment.marking;
  requireRole(actor, assessment.organisationId, 'edit', `write the document text of ${assessment.organisationId}`);
  requireCanMark(actor, marking, assessment.organisationId);
  const hidden = await unfilteredFrom(tx, 'analyst_texts')
    .select('id')
    .where('assessment_id', '=', assessment.id)
    .where('part', '=', part)
    .executeTakeFirst();
  // One text per part (the document prints one): a hidden one cannot be written over, and the
  // refusal names nothing it holds. Unlike a name (core/uniqueness.ts) the part is not the writer's
  // choice of word, so a second text beside the hidden one would only make two documents.
  if (hidden !== undefined)
    throw inputError('That part cannot be used here; choose another.', {
      fields: [{ field: 'part', message: 'cannot be used here' }],
    });
  const { id } = await tx
    .insertInto('analyst_texts')
    .values({
      assessment_id: assessment.id,
      part,
      body,
      marking,
      organisation_id: assessment.organisationId,
      shared_with: textArray(assessment.sharedWith),
      created_by: actor.userId,
      updated_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const text = await readAnalystTextRecord(tx, actor, id);
  await writeAudit(tx, actor, {
    action: 'create',
    table: 'analyst_texts',
    recordId: id,
    marking,
    organisationId: text.organisationId,
    after: text,
  });
  return text;
}

/**
 * Carry-forward step: a new version of an assessment takes every part's text as it is (hidden
 * ones too, each keeping its marking, organisation and shares); next year's starts with none,
 * since last year's words describe last year. Counts the copies the actor may see.
 */
export async function carryTexts(ctx: CarryContext): Promise<Record<string, number>> {
  if (ctx.kind !== 'revision') return {};
  const texts = await unfilteredFrom(ctx.tx, 'analyst_texts')
    .selectAll()
    .where('assessment_id', '=', ctx.from.id)
    .execute();
  let visible = 0;
  for (const t of texts) {
    const row = await ctx.tx
      .insertInto('analyst_texts')
      .values({
        assessment_id: ctx.to.id,
        part: t.part,
        body: t.body,
        marking: t.marking,
        organisation_id: t.organisation_id,
        shared_with: textArray(t.shared_with),
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .returning(['id', 'marking', 'organisation_id', 'shared_with'])
      .executeTakeFirstOrThrow();
    await writeAudit(ctx.tx, ctx.actor, {
      action: 'create',
      table: 'analyst_texts',
      recordId: row.id,
      marking: t.marking as Marking,
      organisationId: t.organisation_id,
      after: { assessmentId: ctx.to.id, part: t.part, copiedFrom: t.id },
    });
    if (
      canSee(ctx.actor, {
        marking: row.marking as Marking,
        organisationId: row.organisation_id,
        sharedWith: row.shared_with,
      })
    )
      visible += 1;
  }
  return { texts: visible };
}
