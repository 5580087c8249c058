/**
 * Editing a change driver: its name, group, PESTELO heading and themes, its protective marking
 * (only markings up to the user's clearance are offered; a configuration using it that is marked
 * lower is raised with it), and a further evidence note (notes are only added, never removed). Its scores change by a review, which keeps the
 * history. Sent with the version shown: a 409 brings the current driver in and the form keeps
 * what was written; only the fields the user changed are sent again.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import { DriverFields, driverFields, type DriverDraft } from './DriverFields';
import type { DriverEdit, DriverWithHistory, Marking } from '../../../../api/index.js';

const draftOf = (d: DriverWithHistory): DriverDraft => ({
  name: d.name,
  challenge: d.challenge ?? '',
  pestelo: d.pestelo ?? '',
  themes: d.themes.join(', '),
});

export function EditDriverForm({
  driver,
  onSaved,
  onConflict,
}: {
  driver: DriverWithHistory;
  onSaved: () => void;
  onConflict: (current: DriverWithHistory) => void;
}) {
  const id = useId();
  const [base, setBase] = useState<DriverDraft>(() => draftOf(driver));
  const [draft, setDraft] = useState<DriverDraft>(base);
  const [evidence, setEvidence] = useState({ text: '', source: '' });
  const [marking, setMarking] = useState<Marking>(driver.marking);
  const [baseMarking, setBaseMarking] = useState<Marking>(driver.marking);
  const submit = useVersionedSubmit<DriverWithHistory>(onConflict);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const before = driverFields(base);
    const after = driverFields(draft);
    const changed: Omit<DriverEdit, 'expectedVersion'> = {
      ...(after.name !== before.name ? { name: after.name } : {}),
      ...(after.challenge !== before.challenge ? { challenge: after.challenge } : {}),
      ...(after.pestelo !== before.pestelo ? { pestelo: after.pestelo } : {}),
      ...(after.themes.join('\n') !== before.themes.join('\n') ? { themes: after.themes } : {}),
      ...(marking !== baseMarking ? { marking } : {}),
      ...(evidence.text.trim() === ''
        ? {}
        : { addEvidence: [{ text: evidence.text, source: evidence.source.trim() === '' ? null : evidence.source }] }),
    };
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    const ok = await submit.run(
      () => api.put(`/drivers/${driver.id}`, { expectedVersion: driver.version, ...changed } satisfies DriverEdit),
      `Saved: version ${driver.version + 1}.`,
    );
    if (ok) {
      setBase(draft);
      setBaseMarking(marking);
      setEvidence({ text: '', source: '' });
      onSaved();
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Edit driver</h2>
      <ConflictNote submit={submit} what="driver">
        <p>
          It is now version {driver.version}: “{driver.name}”, themes{' '}
          {driver.themes.length === 0 ? 'none' : driver.themes.join(', ')}.
        </p>
      </ConflictNote>
      <DriverFields id={id} draft={draft} onChange={setDraft} />
      <div className="form-row">
        <label>
          Add an evidence note (optional)
          <input
            value={evidence.text}
            maxLength={5000}
            size={40}
            onChange={(e) => setEvidence({ ...evidence, text: e.target.value })}
          />
        </label>
        <label>
          Its source (optional)
          <input
            value={evidence.source}
            maxLength={500}
            onChange={(e) => setEvidence({ ...evidence, source: e.target.value })}
          />
        </label>
      </div>
      <MarkingSelect id={`${id}-marking`} value={marking} onChange={setMarking} />
      <p className="method">The scores change by a review (below), which keeps their history.</p>
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Save my changes to the current version' : 'Save driver'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
