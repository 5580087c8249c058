/**
 * Correcting a progress update that was wrong (a mistyped date such as 2099, wrong words, the
 * wrong status). The update table only ever grows: a correction is a new row that names the
 * update it replaces (`corrects`) and why, so the history shows the corrected update in its
 * place and keeps the original readable. The recommendation is versioned and audited like any
 * change (a stale correction is a CONFLICT), and its status is worked out again from the
 * corrected history: the latest update by date sets it, so a wrong future date no longer does.
 */
import { inputError } from '../../../errors.js';
import type { Actor } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import { inTransaction, type Store, type Tx } from '../../core/store.js';
import { carriedInto, requireDateInWindow } from './reads.js';
import {
  changeRecommendation,
  historyOf,
  parseDate,
  readRecommendation,
  readUpdate,
  type Recommendation,
  type RecommendationStatus,
  type RecommendationUpdate,
} from './writes.js';

export interface RecommendationUpdateCorrection {
  /** Why it is corrected (kept with the correction). */
  readonly reason: string;
  /** The corrected values; what is left out stays as the update had it. */
  readonly text?: string | undefined;
  readonly dated?: string | undefined;
  readonly status?: RecommendationStatus | undefined;
}

export async function correctRecommendationUpdate(
  store: Store,
  actor: Actor,
  id: number,
  expectedVersion: number,
  updateId: number,
  input: RecommendationUpdateCorrection,
): Promise<{ recommendation: Recommendation; update: RecommendationUpdate; corrected: RecommendationUpdate }> {
  const reason = input.reason.trim();
  if (reason === '') throw inputError('Say why the update is corrected.', { field: 'reason' });
  if (input.text !== undefined && input.text.trim() === '')
    throw inputError('A corrected update needs its text.', { field: 'text' });
  const dated = input.dated === undefined ? undefined : parseDate(input.dated);
  return inTransaction(store, async (tx) => {
    let original: RecommendationUpdate | undefined;
    let fixed: { dated: string; text: string; status: RecommendationStatus } | undefined;
    let update: RecommendationUpdate | undefined;
    const { after } = await changeRecommendation(tx, actor, {
      table: 'recommendations',
      id,
      expectedVersion,
      read: (t: Tx) => readRecommendation(t, actor, id),
      describe: (r) => `Recommendation ${id}${r.number === null ? '' : ` (number ${r.number})`}`,
      role: { action: 'edit', what: `correct an update of recommendation ${id}` },
      set: async (before) => {
        const later = await carriedInto(tx, id);
        if (later !== undefined)
          throw inputError(
            `Recommendation ${id} was carried into assessment ${later.assessment_id} as recommendation ${later.id}; correct its updates there.`,
          );
        const history = await historyOf(tx, actor, before);
        original = history.updates.find((u) => u.id === updateId);
        if (original === undefined) {
          const replaced = history.corrected.find((u) => u.id === updateId);
          const by = history.updates.find((u) => u.corrects === updateId);
          throw inputError(
            replaced !== undefined && by !== undefined
              ? `Update ${updateId} was already corrected by update ${by.id}; correct that one.`
              : `Recommendation ${id} has no update ${updateId} that you can see.`,
            { field: 'updateId' },
          );
        }
        fixed = {
          dated: dated ?? original.dated,
          text: input.text?.trim() ?? original.text,
          status: input.status ?? original.statusAfter,
        };
        if (fixed.dated === original.dated && fixed.text === original.text && fixed.status === original.statusAfter)
          throw inputError(`Update ${updateId} already reads so: change its date, text or status.`);
        await requireDateInWindow(tx, id, fixed.dated);
        return { status: statusAfterCorrection(history.updates, original, fixed) };
      },
      afterUpdate: async (rec) => {
        if (original === undefined || fixed === undefined) throw new Error(`Update ${updateId}: not checked.`);
        const inserted = await tx
          .insertInto('recommendation_updates')
          .values({
            recommendation_id: original.recommendationId,
            dated: fixed.dated,
            text: fixed.text,
            status_after: fixed.status,
            author: actor.username,
            corrects: original.id,
            reason,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        update = await readUpdate(tx, inserted.id, original.assessmentId);
        await writeAudit(tx, actor, {
          action: 'create',
          table: 'recommendation_updates',
          recordId: update.id,
          marking: rec.marking,
          organisationId: rec.organisationId,
          before: original,
          after: update,
        });
      },
    });
    if (update === undefined || original === undefined)
      throw new Error(`Update ${updateId}: the correction was not written.`);
    return { recommendation: after, update, corrected: original };
  });
}

/** The status the latest update gives once `original` reads as `fixed` (earlier years first, then by date). */
function statusAfterCorrection(
  updates: readonly RecommendationUpdate[],
  original: RecommendationUpdate,
  fixed: { dated: string; status: RecommendationStatus },
): RecommendationStatus {
  const year = new Map<number, number>();
  for (const u of updates) if (!year.has(u.recommendationId)) year.set(u.recommendationId, year.size);
  const rank = (u: RecommendationUpdate) => year.get(u.recommendationId) ?? 0;
  const latest = updates
    .map((u) => (u.id === original.id ? { ...u, dated: fixed.dated, statusAfter: fixed.status } : u))
    .sort((a, b) => rank(a) - rank(b) || a.dated.localeCompare(b.dated) || a.id - b.id)
    .at(-1);
  return latest?.statusAfter ?? fixed.status;
}
