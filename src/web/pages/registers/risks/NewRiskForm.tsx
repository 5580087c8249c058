/**
 * Adding a strategic risk: the organisation that holds it (where the user is an analyst or
 * admin), reference, title, category, owner, cause and consequence, its inherent likelihood and
 * impact on a 5×5 scale, the mitigation, the first review date and the marking chosen on the form.
 * The server names a bad field; a reference already used in the organisation is refused.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { useOrganisations } from '../../../use-organisations';
import { ErrorNote } from '../../../components/Status';
import { MarkingSelect } from '../../../components/MarkingSelect';
import type { Marking, NewRisk, Risk } from '../../../../api/index.js';
import { DateField } from '../../../components/DateField';

const LEVELS = [1, 2, 3, 4, 5];

export function NewRiskForm({ organisations, onAdded }: { organisations: readonly string[]; onAdded: () => void }) {
  const { nameOf } = useOrganisations();
  const [organisationId, setOrganisationId] = useState(organisations[0] ?? '');
  const [f, setF] = useState({
    reference: '',
    title: '',
    category: '',
    owner: '',
    cause: '',
    consequence: '',
    mitigation: '',
    nextReview: '',
  });
  const [likelihood, setLikelihood] = useState(3);
  const [impact, setImpact] = useState(3);
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
      const request: NewRisk = {
        organisationId,
        reference: f.reference,
        title: f.title,
        category: f.category,
        owner: f.owner,
        scaleSize: 5,
        inherent: { likelihood, impact },
        marking,
        ...(f.cause.trim() === '' ? {} : { cause: f.cause }),
        ...(f.consequence.trim() === '' ? {} : { consequence: f.consequence }),
        ...(f.mitigation.trim() === '' ? {} : { mitigation: f.mitigation }),
        ...(f.nextReview === '' ? {} : { nextReview: f.nextReview }),
      };
      const r = await api.post<Risk>('/risks', request);
      setAdded(`Added risk ${r.reference} (${r.marking}).`);
      setF({
        reference: '',
        title: '',
        category: f.category,
        owner: '',
        cause: '',
        consequence: '',
        mitigation: '',
        nextReview: '',
      });
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby="add-risk-h">
      <h2 id="add-risk-h" tabIndex={-1}>
        Add a risk
      </h2>
      <label htmlFor="add-risk-org">Organisation</label>
      <select id="add-risk-org" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {organisations.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
      <div className="form-row">
        <label>
          Reference
          <input value={f.reference} required maxLength={40} size={8} onChange={text('reference')} />
        </label>
        <label>
          Category
          <input value={f.category} required maxLength={100} onChange={text('category')} />
        </label>
      </div>
      <label htmlFor="add-risk-title">Title</label>
      <input id="add-risk-title" value={f.title} required maxLength={300} onChange={text('title')} />
      <label htmlFor="add-risk-owner">Owner (a chief officer post)</label>
      <input id="add-risk-owner" value={f.owner} required maxLength={200} onChange={text('owner')} />
      <label htmlFor="add-risk-cause">Cause (optional)</label>
      <textarea id="add-risk-cause" rows={2} value={f.cause} maxLength={5000} onChange={text('cause')} />
      <label htmlFor="add-risk-consequence">Consequence (optional)</label>
      <textarea
        id="add-risk-consequence"
        rows={2}
        value={f.consequence}
        maxLength={5000}
        onChange={text('consequence')}
      />
      <div className="form-row">
        <label>
          Inherent likelihood (1–5)
          <select value={likelihood} onChange={(e) => setLikelihood(Number(e.target.value))}>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Inherent impact (1–5)
          <select value={impact} onChange={(e) => setImpact(Number(e.target.value))}>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <DateField
          label="First review due (optional)"
          value={f.nextReview}
          onChange={(v) => text('nextReview')({ target: { value: v } })}
        />
      </div>
      <label htmlFor="add-risk-mitigation">Mitigation (optional)</label>
      <textarea
        id="add-risk-mitigation"
        rows={2}
        value={f.mitigation}
        maxLength={20000}
        onChange={text('mitigation')}
      />
      <MarkingSelect id="add-risk-marking" value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      {added !== undefined && (
        <p className="ok" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add risk
        </button>
      </div>
    </form>
  );
}
