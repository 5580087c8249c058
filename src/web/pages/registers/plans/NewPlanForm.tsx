/**
 * Adding a Police and Crime Plan: the organisation that holds it (where the user is an analyst or
 * admin, by name), its title, the span of years it covers, the commissioner who set it, where it
 * is published, and the marking chosen on the form. Its themes and objectives are added on the
 * plan's own page, in the document's order.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { useOrganisations } from '../../../use-organisations';
import type { Marking, NewPlan, Plan } from '../../../../api/index.js';

export function NewPlanForm({ organisations, onAdded }: { organisations: readonly string[]; onAdded: () => void }) {
  const id = useId();
  const { nameOf } = useOrganisations();
  const [organisationId, setOrganisationId] = useState(organisations[0] ?? '');
  const [f, setF] = useState({ title: '', period: '', commissioner: '', source: '' });
  const [marking, setMarking] = useState<Marking>('OFFICIAL');
  const [error, setError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const text = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      const request: NewPlan = {
        organisationId,
        title: f.title,
        period: f.period,
        marking,
        ...(f.commissioner.trim() === '' ? {} : { commissioner: f.commissioner }),
        ...(f.source.trim() === '' ? {} : { source: f.source }),
      };
      const p = await api.post<Plan>('/plans', request);
      setAdded(`Added ${p.title} (${p.period}, ${p.marking}). Open it below to add its themes and objectives.`);
      setF({ title: '', period: '', commissioner: '', source: '' });
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Add a plan</h3>
      <label htmlFor={`${id}-org`}>Held by</label>
      <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {organisations.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={f.title} required maxLength={300} onChange={text('title')} />
      <div className="form-row">
        <label>
          Years it covers (like 2016-2021)
          <input value={f.period} required size={10} maxLength={11} onChange={text('period')} />
        </label>
        <label>
          Commissioner (optional)
          <input value={f.commissioner} maxLength={200} onChange={text('commissioner')} />
        </label>
      </div>
      <label htmlFor={`${id}-source`}>Where it is published (optional)</label>
      <input id={`${id}-source`} value={f.source} maxLength={1000} onChange={text('source')} />
      <MarkingSelect id={`${id}-marking`} value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      {added !== undefined && (
        <p className="ok" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add plan
        </button>
      </div>
    </form>
  );
}
