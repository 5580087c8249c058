/**
 * Adding a dated progress update. It is sent with the version the user was looking at; if
 * someone else changed the recommendation meanwhile, the server answers 409 with the record as it
 * is now: the form shows what changed, keeps what the user wrote, and lets them send it again
 * against the current version.
 */
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import type {
  Recommendation,
  RecommendationStatus,
  RecommendationUpdateRequest,
  RecommendationWithHistory,
} from '../../../../api/index.js';
import { RECOMMENDATION_STATUSES } from '../../../../domain/recommendations/statuses.js';
import { statusText } from './status-text';
import { dayText } from '../../../dates';
import { DateField } from '../../../components/DateField';

const today = () => new Date().toISOString().slice(0, 10);

export function UpdateForm({
  record,
  onSaved,
  onConflict,
}: {
  record: RecommendationWithHistory;
  onSaved: () => void;
  /** The record as the server has it now, after a stale update. */
  onConflict: (current: RecommendationWithHistory) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [dated, setDated] = useState(today());
  const [status, setStatus] = useState<RecommendationStatus>(record.status);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState<{ message: string; seen: Recommendation } | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') {
      setError('Write the update before adding it.');
      return;
    }
    setSaving(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const request: RecommendationUpdateRequest = { expectedVersion: record.version, text, dated, status };
      await api.post(`/recommendations/${record.id}/updates`, request);
      setConflict(undefined);
      setText('');
      setSaved('Update added.');
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.details?.['record'] !== undefined) {
        const current = err.details['record'] as RecommendationWithHistory;
        setConflict({ message: err.message, seen: record });
        onConflict(current);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const latest = record.updates[record.updates.length - 1];
  return (
    <form className="update-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Add update</h4>
      {conflict !== undefined && (
        <div className="callout warn" role="alert">
          <p>
            <strong>Someone else changed this recommendation while you were writing.</strong> {conflict.message}
          </p>
          <p>
            You were looking at version {conflict.seen.version} (status {statusText(conflict.seen.status)}); it is now
            version {record.version}, status <strong>{statusText(record.status)}</strong>
            {latest !== undefined && (
              <>
                , latest update {dayText(latest.dated)} by {latest.author}: “{latest.text}”
              </>
            )}
            .
          </p>
          <p>Your update is kept below. Check it against the history above, then add it to the current version.</p>
        </div>
      )}
      <label htmlFor={`${id}-text`}>Progress update</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        required
        maxLength={20000}
      />
      <div className="form-row">
        <DateField label="Dated" value={dated} onChange={setDated} required />
        <label>
          Status after this update
          <select value={status} onChange={(e) => setStatus(e.target.value as RecommendationStatus)}>
            {RECOMMENDATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={saving}>
          {conflict !== undefined ? 'Add my update to the current version' : 'Add update'}
        </button>
      </div>
      {error !== undefined && <ErrorNote message={error} />}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
