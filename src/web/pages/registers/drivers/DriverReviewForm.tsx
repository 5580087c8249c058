/** Adding a review of a driver: date, impact and uncertainty (1-10), and why. Sent with the version shown; a 409 brings the current driver in. */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { longDate, today } from '../shared/format';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type { DriverReviewRequest, DriverWithHistory } from '../../../../api/index.js';
import { DateField } from '../../../components/DateField';

const SCORES = Array.from({ length: 10 }, (_, i) => i + 1);

export function DriverReviewForm({
  driver,
  onSaved,
  onConflict,
}: {
  driver: DriverWithHistory;
  onSaved: () => void;
  onConflict: (current: DriverWithHistory) => void;
}) {
  const id = useId();
  const [dated, setDated] = useState(today());
  const [impact, setImpact] = useState(driver.impact);
  const [uncertainty, setUncertainty] = useState(driver.uncertainty);
  const [note, setNote] = useState('');
  const submit = useVersionedSubmit<DriverWithHistory>(onConflict);
  const latest = driver.reviews[driver.reviews.length - 1];

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (note.trim() === '') return submit.fail('Write the note: why the scores are what they are now.');
    const ok = await submit.run(
      () =>
        api.post(`/drivers/${driver.id}/reviews`, {
          expectedVersion: driver.version,
          dated,
          impact,
          uncertainty,
          note,
        } satisfies DriverReviewRequest),
      `Review of ${longDate(dated)} added.`,
    );
    if (ok) {
      setNote('');
      onSaved();
    }
  };

  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add review</h2>
      <ConflictNote submit={submit} what="driver">
        <p>
          It is now version {driver.version}: impact {driver.impact}, uncertainty {driver.uncertainty}
          {latest !== undefined && (
            <>
              ; latest review {longDate(latest.dated)} by {latest.author}: “{latest.note}”
            </>
          )}
        </p>
      </ConflictNote>
      <div className="form-row">
        <DateField label="Date of the review" value={dated} onChange={setDated} required />
        <label>
          Impact (1 negligible to 10 transformational)
          <select value={impact} onChange={(e) => setImpact(Number(e.target.value))}>
            {SCORES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Uncertainty (1 near certain to 10 highly uncertain)
          <select value={uncertainty} onChange={(e) => setUncertainty(Number(e.target.value))}>
            {SCORES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-note`}>Note: why the scores are what they are now</label>
      <textarea
        id={`${id}-note`}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        required
        maxLength={20000}
      />
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Add my review to the current version' : 'Add review'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
