/**
 * One recommendation opened: its dated history through the carried chain (each update
 * correctable), the form to edit the recommendation and the update form.
 */
import { useState } from 'react';
import { useStateFrom } from '../../../use-state-from';
import { useApi } from '../../../use-api';
import { Await } from '../../../components/Status';
import { UpdateHistory } from './UpdateHistory';
import { UpdateForm } from './UpdateForm';
import { CorrectionForm } from './CorrectionForm';
import { EditRecommendationForm } from './EditRecommendationForm';
import type { Assessment, RecommendationUpdate, RecommendationWithHistory } from '../../../../api/index.js';

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
  // After a stale change the server's current record replaces what was loaded.
  const [current, setCurrent] = useStateFrom<RecommendationWithHistory | undefined>(loaded.data);
  const [correcting, setCorrecting] = useState<RecommendationUpdate | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const saved = () => {
    loaded.reload();
    onChanged();
  };
  const conflict = (now: RecommendationWithHistory) => {
    setCurrent(now);
    onChanged();
  };
  return (
    <div className="rec-detail">
      <Await loaded={loaded}>
        {() => {
          const rec = current ?? loaded.data!;
          return (
            <>
              <h3>Progress of recommendation {rec.number ?? `(unnumbered, ${rec.theme})`}</h3>
              <UpdateHistory
                updates={rec.updates}
                corrected={rec.corrected}
                assessments={assessments}
                currentId={assessmentId}
                onCorrect={canEdit ? setCorrecting : undefined}
              />
              {canEdit && correcting !== undefined && (
                <CorrectionForm
                  key={correcting.id}
                  record={rec}
                  update={correcting}
                  onSaved={() => {
                    setCorrecting(undefined);
                    saved();
                  }}
                  onConflict={conflict}
                  onCancel={() => setCorrecting(undefined)}
                />
              )}
              {canEdit ? (
                <>
                  <UpdateForm key={rec.id} record={rec} onSaved={saved} onConflict={conflict} />
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={editing}
                    onClick={() => setEditing(!editing)}
                  >
                    {editing ? 'Close the edit form' : 'Edit this recommendation'}
                  </button>
                  {editing && (
                    <EditRecommendationForm key={rec.id} record={rec} onSaved={saved} onConflict={conflict} />
                  )}
                </>
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
