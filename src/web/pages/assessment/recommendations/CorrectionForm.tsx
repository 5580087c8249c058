/**
 * Correcting a progress update (a wrong date, wrong words or status): the corrected values and
 * why. The original stays in the history, marked as corrected; the server refuses a date before
 * the recommendation was made or in the future. Sent with the recommendation's version; a 409
 * brings the current record in and keeps what was written.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { dayText } from '../../../dates';
import { ConflictNote, FormOutcome } from '../../registers/shared/FormStatus';
import { useVersionedSubmit } from '../../registers/shared/useVersionedSubmit';
import type {
  RecommendationCorrectionRequest,
  RecommendationStatus,
  RecommendationUpdate,
  RecommendationWithHistory,
} from '../../../../api/index.js';
import { RECOMMENDATION_STATUSES } from '../../../../domain/recommendations/statuses.js';
import { statusText } from './status-text';
import { DateField } from '../../../components/DateField';

export function CorrectionForm({
  record,
  update,
  onSaved,
  onConflict,
  onCancel,
}: {
  record: RecommendationWithHistory;
  update: RecommendationUpdate;
  onSaved: () => void;
  onConflict: (current: RecommendationWithHistory) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [dated, setDated] = useState(update.dated);
  const [text, setText] = useState(update.text);
  const [status, setStatus] = useState<RecommendationStatus>(update.statusAfter);
  const [reason, setReason] = useState('');
  const submit = useVersionedSubmit<RecommendationWithHistory>(onConflict);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return submit.fail('Say why the update is corrected.');
    const ok = await submit.run(
      () =>
        api.post(`/recommendations/${record.id}/updates/${update.id}/corrections`, {
          expectedVersion: record.version,
          reason,
          ...(dated === update.dated ? {} : { dated }),
          ...(text === update.text ? {} : { text }),
          ...(status === update.statusAfter ? {} : { status }),
        } satisfies RecommendationCorrectionRequest),
      'Correction saved; the original is kept in the history.',
    );
    if (ok) onSaved();
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Correct the update of {dayText(update.dated)}</h4>
      <ConflictNote submit={submit} what="recommendation" />
      <label htmlFor={`${id}-text`}>Update as it should read</label>
      <textarea id={`${id}-text`} rows={3} value={text} maxLength={20000} onChange={(e) => setText(e.target.value)} />
      <div className="form-row">
        <DateField label="Corrected date" value={dated} required onChange={setDated} />
        <label>
          Status after it
          <select value={status} onChange={(e) => setStatus(e.target.value as RecommendationStatus)}>
            {RECOMMENDATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-reason`}>Why it is corrected</label>
      <input id={`${id}-reason`} value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <div className="actions">
        <button type="submit" disabled={submit.saving}>
          Save correction
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
