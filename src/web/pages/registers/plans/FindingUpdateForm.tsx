/** Adding a progress update to an inspection finding, with the status after it. Sent with the version shown; a 409 brings the current finding in. */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { longDate, today, words } from '../shared/format';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type { FindingStatus, FindingUpdateRequest, InspectionFindingWithUpdates } from '../../../../api/index.js';
import { FINDING_STATUSES } from '../../../../domain/plans/terms.js';
import { DateField } from '../../../components/DateField';

export function FindingUpdateForm({
  finding,
  onSaved,
  onConflict,
}: {
  finding: InspectionFindingWithUpdates;
  onSaved: () => void;
  onConflict: (current: InspectionFindingWithUpdates) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [dated, setDated] = useState(today());
  const [status, setStatus] = useState<FindingStatus>(finding.status);
  const submit = useVersionedSubmit<InspectionFindingWithUpdates>(onConflict);
  const latest = finding.updates[finding.updates.length - 1];

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return submit.fail('Write the update before adding it.');
    const ok = await submit.run(
      () =>
        api.post(`/inspection-findings/${finding.id}/updates`, {
          expectedVersion: finding.version,
          text,
          dated,
          status,
        } satisfies FindingUpdateRequest),
      'Update added.',
    );
    if (ok) {
      setText('');
      onSaved();
    }
  };

  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Add update</h4>
      <ConflictNote submit={submit} what="finding">
        <p>
          It is now version {finding.version}, status <strong>{words(finding.status)}</strong>
          {latest === undefined ? (
            '; no updates yet.'
          ) : (
            <>
              ; latest update {longDate(latest.dated)} by {latest.author}: “{latest.text}”
            </>
          )}
        </p>
      </ConflictNote>
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
          <select value={status} onChange={(e) => setStatus(e.target.value as FindingStatus)}>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Add my update to the current version' : 'Add update'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
