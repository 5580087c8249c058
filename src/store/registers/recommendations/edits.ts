/**
 * Editing a recommendation: its wording (number, theme, text), who owns it and when it is due,
 * its marking and shares. Versioned (a stale edit is a CONFLICT that saves nothing) and audited
 * through changeMarked. Decision: the wording belongs to the assessment that made it, so it
 * changes only while that assessment is open; the owner, due date, marking and shares are how
 * the recommendation is followed up and may change after approval, as its progress updates do.
 */
import { inputError } from '../../../errors.js';
import type { Marking } from '../../../domain/marking.js';
import type { Actor } from '../../core/actor.js';
import { requireOrganisationsExist } from '../../identity/organisations.js';
import { inTransaction, type Store, type Tx } from '../../core/store.js';
import { refuseVisibleClash } from '../../core/uniqueness.js';
import { openAssessment } from '../../assessment/writes.js';
import { blankToNull, changeRecommendation, dueDate, readRecommendation, type Recommendation } from './writes.js';
import { numberTakenBy } from './reads.js';

/** What an edit changes; a field left out stays as it is (null clears the number, owner or due date). */
export interface RecommendationChange {
  readonly number?: string | null | undefined;
  readonly theme?: string | undefined;
  readonly text?: string | undefined;
  readonly owner?: string | null | undefined;
  /** YYYY-MM-DD. */
  readonly dueOn?: string | null | undefined;
  readonly marking?: Marking | undefined;
  readonly sharedWith?: readonly string[] | undefined;
}

export async function editRecommendation(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  change: RecommendationChange,
): Promise<Recommendation> {
  const theme = change.theme?.trim();
  const text = change.text?.trim();
  if (theme === '') throw inputError('A recommendation needs a theme (its control-strategy area).', { field: 'theme' });
  if (text === '') throw inputError('A recommendation needs its text.', { field: 'text' });
  const dueOn = change.dueOn === undefined ? undefined : dueDate(change.dueOn);
  return inTransaction(store, async (tx) => {
    const { after } = await changeRecommendation(tx, actor, {
      table: 'recommendations',
      id,
      expectedVersion,
      read: (t: Tx) => readRecommendation(t, actor, id),
      describe: (r) => `Recommendation ${id}${r.number === null ? '' : ` (number ${r.number})`}`,
      role: { action: 'edit', what: `edit recommendation ${id}` },
      marking: change.marking,
      sharedWith: change.sharedWith,
      set: async (before) => {
        const next = {
          number: change.number === undefined ? before.number : blankToNull(change.number),
          theme: theme ?? before.theme,
          text: text ?? before.text,
          owner: change.owner === undefined ? before.owner : blankToNull(change.owner),
          dueOn: dueOn === undefined ? before.dueOn : dueOn,
        };
        const reworded = next.number !== before.number || next.theme !== before.theme || next.text !== before.text;
        const same =
          !reworded &&
          next.owner === before.owner &&
          next.dueOn === before.dueOn &&
          (change.marking ?? before.marking) === before.marking &&
          (change.sharedWith ?? before.sharedWith).join() === before.sharedWith.join();
        if (same)
          throw inputError(`Recommendation ${id} already reads so: change its wording, owner, due date or marking.`);
        if (reworded) await openAssessment(tx, actor, before.assessmentId);
        if (change.sharedWith !== undefined) await requireOrganisationsExist(tx, change.sharedWith);
        if (next.number !== null && next.number !== before.number)
          await refuseNumberClash(tx, actor, before, next.number);
        return { number: next.number, theme: next.theme, text: next.text, owner: next.owner, due_on: next.dueOn };
      },
    });
    return after;
  });
}

async function refuseNumberClash(tx: Tx, actor: Actor, rec: Recommendation, number: string): Promise<void> {
  const clash = await numberTakenBy(tx, actor, rec.assessmentId, number, rec.id);
  refuseVisibleClash(
    clash === undefined ? undefined : { id: clash },
    `Assessment ${rec.assessmentId} already has a recommendation numbered ${number} (recommendation ${clash}).`,
    'number',
  );
}
