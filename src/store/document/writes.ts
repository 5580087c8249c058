/**
 * Writing the analyst's text of an assessment's document: a part holds one marked, versioned text
 * per marking (migration 017), owned by the assessment's organisation. A write names the text it
 * means by its marking: a first write creates the text at that marking (by default the
 * assessment's); every later write names the version it read, so of two analysts editing the same
 * text the second is told who changed it and nothing is lost (CONFLICT). An edit may change the
 * text's marking (`editing` names the marking it has now), unless the part already has a text at
 * the new marking. Every change is audited in its transaction. A new version of an assessment
 * copies its texts (carryTexts, a carry-forward step), each keeping its marking.
 *
 * Decisions: the text is not frozen by approval (approval fixes the threats and scores the
 * approvers saw; the words around them are finished afterwards). A text the writer cannot see
 * never changes their answer (issue 13, defect 5): a writer below the clearance of a part's
 * hidden text writes their own text at their marking, and is answered exactly as if the part had
 * none; whoever may write at a marking sees every text of the part at that marking, so every
 * clash reported is one the writer can see. The document prints, per part, the highest-marked
 * text its clearance allows (report/text/stored-text.ts).
 */
import { canSee, type Marking } from '../../domain/marking.js';
import { isTextPart, TEXT_PARTS } from '../../domain/document/text-parts.js';
import { conflictError, inputError, notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { changeMarked, unfilteredFrom } from '../core/marked.js';
import { requireCanMark, requireRole, textArray } from '../core/policy.js';
import { inTransaction, type Store, type Tx } from '../core/store.js';
import { staleWrite } from '../core/versioning.js';
import { describeAssessment, readAssessment, type Assessment } from '../assessment/assessments.js';
import type { CarryContext } from '../assessment/carry-step.js';
import { partTexts, readAnalystTextRecord, type AnalystText } from './reads.js';

export interface AnalystTextWrite {
  readonly assessmentId: number;
  readonly part: string;
  readonly body: string;
  /**
   * The marking of the text: which of the part's texts a write means (one per marking), and the
   * marking it has after the write. A new text without one takes the assessment's; an edit
   * without one means the part's only text the writer can see, and keeps its marking.
   */
  readonly marking?: Marking | undefined;
  /** To change a text's marking: the marking it has now (`marking` is the one it gets). */
  readonly editing?: Marking | undefined;
  /** The version read; null for a text the part did not have when the writer opened it. */
  readonly expectedVersion: number | null;
}

export interface AnalystTextWritten {
  readonly text: AnalystText;
  readonly created: boolean;
  /** False when the body and marking were already as written (nothing saved, nothing audited). */
  readonly changed: boolean;
}

const describe = (a: Assessment, part: string, marking: Marking) =>
  `The ${marking} "${part}" text of ${describeAssessment(a)}`;

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
    // Only the texts the writer can see: nothing below depends on a hidden one.
    const visible = await partTexts(tx, actor, assessment.id, w.part);
    if (w.expectedVersion === null) {
      const marking = w.marking ?? assessment.marking;
      if (w.editing !== undefined && w.editing !== marking)
        throw inputError('A new text has no marking to change: leave out "editing", or give the version you read.', {
          fields: [{ field: 'editing', message: 'only for a text that exists' }],
        });
      const current = visible.find((t) => t.marking === marking);
      if (current !== undefined)
        throw staleWrite(
          describe(assessment, w.part, marking),
          0,
          current.version,
          current.updatedByName ?? undefined,
          current.updatedAt,
        );
      return { text: await insertText(tx, actor, assessment, w.part, body, marking), created: true, changed: true };
    }
    const current = textToChange(assessment, w, visible);
    if (
      current.body === body &&
      (w.marking === undefined || w.marking === current.marking) &&
      current.version === w.expectedVersion
    )
      return { text: current, created: false, changed: false };
    const what = describe(assessment, w.part, current.marking);
    const { after } = await changeMarked(tx, actor, {
      table: 'analyst_texts',
      id: current.id,
      expectedVersion: w.expectedVersion,
      read: (t) => readAnalystTextRecord(t, actor, current.id),
      describe: () => what,
      role: { action: 'edit', what: `edit the document text of ${assessment.organisationId}` },
      checkFirst: () => {
        const taken = visible.find((t) => t.marking === w.marking && t.id !== current.id);
        // A text the writer can see (they may write at that marking, so they see all of them there).
        if (taken !== undefined)
          throw inputError(
            `${what} cannot be marked ${taken.marking}: the part already has a ${taken.marking} text (version ${taken.version}); change that one instead.`,
            { fields: [{ field: 'marking', message: 'the part has a text at that marking' }] },
          );
        return { marking: w.marking };
      },
      set: () => ({ body }),
    });
    return { text: after, created: false, changed: true };
  });
}

/** The text an edit means: the one at `editing`, else at `marking`, else the part's only text the writer sees. */
function textToChange(assessment: Assessment, w: AnalystTextWrite, visible: readonly AnalystText[]): AnalystText {
  const at = w.editing ?? w.marking;
  if (at === undefined && visible.length > 1)
    throw inputError(
      `The "${w.part}" part has texts marked ${visible.map((t) => t.marking).join(' and ')} that you can see; say which you change with its marking.`,
      { fields: [{ field: 'marking', message: 'say which text' }] },
    );
  const current = at === undefined ? visible[0] : visible.find((t) => t.marking === at);
  if (current === undefined)
    throw notFoundError(
      `${at === undefined ? `The "${w.part}" text` : `The ${at} "${w.part}" text`} of ${describeAssessment(assessment)} is not there for you to change; reload the page.`,
    );
  return current;
}

async function insertText(
  tx: Tx,
  actor: Actor,
  assessment: Assessment,
  part: string,
  body: string,
  marking: Marking,
): Promise<AnalystText> {
  requireRole(actor, assessment.organisationId, 'edit', `write the document text of ${assessment.organisationId}`);
  requireCanMark(actor, marking, assessment.organisationId);
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
    .executeTakeFirstOrThrow()
    .catch((e: unknown) => {
      // Another writer created this part's text at this marking since it was read (one the writer can see).
      if ((e as { code?: unknown }).code === '23505')
        throw conflictError(
          `${describe(assessment, part, marking)} was written by someone else just now; reload the page to see it.`,
        );
      throw e;
    });
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
