import type { Assessment, RecommendationUpdate } from '../../../../api/index.js';
import { dayText } from '../../../dates';
import { statusText } from './status-text';
/** A recommendation's dated updates, oldest first, through the years it was carried. */

export function UpdateHistory({
  updates,
  assessments,
  currentId,
}: {
  updates: readonly RecommendationUpdate[];
  assessments: readonly Assessment[];
  currentId: number;
}) {
  if (updates.length === 0) return <p className="empty">No progress updates yet.</p>;
  const period = (id: number) => assessments.find((a) => a.id === id)?.period ?? `assessment ${id}`;
  return (
    <ol className="update-history">
      {updates.map((u) => (
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
          </p>
          <p className="update-text">{u.text}</p>
        </li>
      ))}
    </ol>
  );
}
