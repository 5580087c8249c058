/**
 * Finding the assessment a user names: by id ("2") or by period ("2017/18"). A period held by
 * several assessments (two organisations, or a revision) picks the latest revision of one
 * organisation's assessment and refuses a real ambiguity, listing the ids to choose from.
 */
import { usageError, notFoundError } from '../errors.js';
import { getAssessment, listAssessments, type Actor, type Assessment, type Store } from '../store/index.js';

export async function findAssessment(store: Store, actor: Actor, ref: string): Promise<Assessment> {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) return getAssessment(store, actor, Number(trimmed));
  if (!/^\d{4}\/\d{2}$/.test(trimmed))
    throw usageError(`--assessment: '${ref}' is neither an id (2) nor a period (2017/18)`);
  const matches = (await listAssessments(store, actor)).filter((a) => a.period === trimmed);
  const revised = new Set(matches.map((a) => a.revisionOfId).filter((id): id is number => id !== null));
  const latest = matches.filter((a) => !revised.has(a.id));
  if (latest.length === 0)
    throw notFoundError(
      `There is no assessment for ${trimmed} that you can see at this clearance; \`stra assessment list\` shows them.`,
    );
  if (latest.length > 1) {
    throw usageError(
      `Several assessments cover ${trimmed}: ${latest.map((a) => `${a.id} (${a.title}, ${a.versionLabel})`).join('; ')}. Name one by id: --assessment ${latest[0]!.id}`,
    );
  }
  return latest[0]!;
}
