/**
 * Adding a recommendation to an assessment: number, theme, text, owner, due date and the marking
 * chosen on the form. The server names a bad field; a number already used is refused.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import type { NewRecommendationRequest, Recommendation } from '../../../../api/index.js';
import { RecommendationFields, requestFields, type RecommendationDraft } from './RecommendationFields';

const EMPTY: RecommendationDraft = { number: '', theme: '', text: '', owner: '', dueOn: '', marking: 'OFFICIAL' };

export function NewRecommendationForm({
  assessmentId,
  onAdded,
}: {
  assessmentId: number;
  onAdded: (r: Recommendation) => void;
}) {
  const [draft, setDraft] = useState<RecommendationDraft>(EMPTY);
  const [error, setError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      const request: NewRecommendationRequest = requestFields(draft);
      const r = await api.post<Recommendation>(`/assessments/${assessmentId}/recommendations`, request);
      setAdded(`Added recommendation ${r.number ?? `on ${r.theme}`} (${r.marking}).`);
      setDraft({ ...EMPTY, theme: draft.theme, marking: draft.marking });
      onAdded(r);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby="add-rec-h">
      <h2 id="add-rec-h" tabIndex={-1}>
        Add a recommendation
      </h2>
      <RecommendationFields id="add-rec" draft={draft} onChange={setDraft} />
      {error !== undefined && <ErrorNote message={error} />}
      {added !== undefined && (
        <p className="ok" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add recommendation
        </button>
      </div>
    </form>
  );
}
