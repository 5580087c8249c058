/**
 * A recommendation's dated updates as they stand, oldest first, through the years it was carried;
 * a corrected one shows what it replaced and why. An editor may correct an update of this year.
 */
import type { Assessment, RecommendationUpdate } from '../../../../api/index.js';
import { dayText } from '../../../dates';
import { statusText } from './status-text';

export function UpdateHistory({
  updates,
  corrected = [],
  assessments,
  currentId,
  onCorrect,
}: {
  updates: readonly RecommendationUpdate[];
  corrected?: readonly RecommendationUpdate[];
  assessments: readonly Assessment[];
  currentId: number;
  /** Offered on each update when the user may correct it. */
  onCorrect?: ((u: RecommendationUpdate) => void) | undefined;
}) {
  if (updates.length === 0) return <p className="empty">No progress updates yet.</p>;
  const period = (id: number) => assessments.find((a) => a.id === id)?.period ?? `assessment ${id}`;
  return (
    <ol className="update-history">
      {updates.map((u) => {
        const original = corrected.find((c) => c.id === u.corrects);
        return (
          <li key={u.id}>
            <p className="update-meta">
              <time dateTime={u.dated}>{dayText(u.dated)}</time>
              {' · '}status after: <strong>{statusText(u.statusAfter)}</strong>
              {' · '}by {u.author}
              {u.assessmentId !== currentId && (
                <>
                  {' '}
                  · <em>recorded in {period(u.assessmentId)}</em>
                </>
              )}
              {onCorrect !== undefined && (
                <>
                  {' '}
                  <button type="button" className="secondary small" onClick={() => onCorrect(u)}>
                    Correct<span className="sr-only"> the update of {dayText(u.dated)}</span>
                  </button>
                </>
              )}
            </p>
            <p className="update-text">{u.text}</p>
            {u.corrects !== null && (
              <p className="update-corrected">
                <em>Corrected by {u.author}</em>
                {u.reason !== null && <> ({u.reason})</>}.{' '}
                {original !== undefined && (
                  <>
                    It first read: <time dateTime={original.dated}>{dayText(original.dated)}</time>, status{' '}
                    {statusText(original.statusAfter)}, by {original.author}: <q>{original.text}</q>
                  </>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
