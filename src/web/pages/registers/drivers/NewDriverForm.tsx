/**
 * Adding a change driver to an open assessment: name, group and/or PESTELO heading, themes, its
 * first impact and uncertainty scores (1-10) with the date and note of that first review, an
 * optional evidence note with its source, and the marking chosen on the form. The number is the
 * next free one unless given; a number already used is refused by the server.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { today } from '../shared/format';
import { DriverFields, driverFields, type DriverDraft } from './DriverFields';
import type { Driver, Marking, NewDriver } from '../../../../api/index.js';
import { DateField } from '../../../components/DateField';

const SCORES = Array.from({ length: 10 }, (_, i) => i + 1);
const EMPTY: DriverDraft = { name: '', challenge: '', pestelo: '', themes: '' };

export function NewDriverForm({ assessmentId, onAdded }: { assessmentId: number; onAdded: () => void }) {
  const id = useId();
  const [draft, setDraft] = useState<DriverDraft>(EMPTY);
  const [number, setNumber] = useState('');
  const [impact, setImpact] = useState(5);
  const [uncertainty, setUncertainty] = useState(5);
  const [dated, setDated] = useState(today());
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState({ text: '', source: '' });
  const [marking, setMarking] = useState<Marking>('OFFICIAL');
  const [error, setError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setAdded(undefined);
    const fields = driverFields(draft);
    if (fields.challenge === null && fields.pestelo === null)
      return setError('Choose a group or a PESTELO heading (or both).');
    setBusy(true);
    try {
      const request: NewDriver = {
        ...fields,
        impact,
        uncertainty,
        dated,
        marking,
        ...(number.trim() === '' ? {} : { number: Number(number) }),
        ...(note.trim() === '' ? {} : { note }),
        ...(evidence.text.trim() === ''
          ? {}
          : { evidence: [{ text: evidence.text, source: evidence.source.trim() === '' ? null : evidence.source }] }),
      };
      const d = await api.post<Driver>(`/assessments/${assessmentId}/drivers`, request);
      setAdded(`Added driver ${d.number}: ${d.name} (${d.marking}).`);
      setDraft({ ...EMPTY, challenge: draft.challenge });
      setNumber('');
      setNote('');
      setEvidence({ text: '', source: '' });
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const scoreSelect = (value: number, set: (n: number) => void) => (
    <select value={value} onChange={(e) => set(Number(e.target.value))}>
      {SCORES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add a driver</h2>
      <DriverFields id={id} draft={draft} onChange={setDraft} />
      <div className="form-row">
        <label>
          Number (optional)
          <input
            inputMode="numeric"
            pattern="[0-9]*"
            size={4}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
        <label>
          Impact (1 negligible to 10 transformational)
          {scoreSelect(impact, setImpact)}
        </label>
        <label>
          Uncertainty (1 near certain to 10 highly uncertain)
          {scoreSelect(uncertainty, setUncertainty)}
        </label>
        <DateField label="Scored on" value={dated} required onChange={setDated} />
      </div>
      <label htmlFor={`${id}-note`}>Why these scores (optional)</label>
      <textarea id={`${id}-note`} rows={2} value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
      <div className="form-row">
        <label>
          Evidence note (optional)
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
      {error !== undefined && <ErrorNote message={error} />}
      {added !== undefined && (
        <p className="ok" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add driver
        </button>
      </div>
    </form>
  );
}
