/** One recommendation opened: its dated history through the carried chain and the update form. */
import { useStateFrom } from '../../../use-state-from';
import { useApi } from '../../../use-api';
import { Await } from '../../../components/Status';
import { UpdateHistory } from './UpdateHistory';
import { UpdateForm } from './UpdateForm';
import type { Assessment, RecommendationWithHistory } from '../../../../api/index.js';

export function RecommendationDetail({
  id,
  assessmentId,
  assessments,
  canEdit,
  onChanged,
}: {
  id: number;
  assessmentId: number;
  assessments: readonly Assessment[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const loaded = useApi<RecommendationWithHistory>(`/recommendations/${id}`);
  // After a stale update the server's current record replaces what was loaded.
  const [current, setCurrent] = useStateFrom<RecommendationWithHistory | undefined>(loaded.data);
  return (
    <div className="rec-detail">
      <Await loaded={loaded}>
        {() => {
          const rec = current ?? loaded.data!;
          return (
            <>
              <h3>Progress of recommendation {rec.number ?? `(unnumbered, ${rec.theme})`}</h3>
              <UpdateHistory updates={rec.updates} assessments={assessments} currentId={assessmentId} />
              {canEdit ? (
                <UpdateForm
                  key={rec.id}
                  record={rec}
                  onSaved={() => {
                    loaded.reload();
                    onChanged();
                  }}
                  onConflict={(now) => {
                    setCurrent(now);
                    onChanged();
                  }}
                />
              ) : (
                <p className="method">
                  Adding updates needs the analyst role in the organisation that owns this recommendation.
                </p>
              )}
            </>
          );
        }}
      </Await>
    </div>
  );
}
