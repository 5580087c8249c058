/**
 * Recording a partner's priority: the partner (by name, from the shipped organisations), the
 * financial year, the partner's own words, the taxonomy headings it maps to, whether it is a
 * priority or a note about the partner's table, and the marking chosen on the form. The server
 * decides who holds the record (the partner itself, or the user's alliance or force entering it on
 * its behalf, always shared with the partner) and refuses the same words twice in a year.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { TaxonomyChoice } from './TaxonomyChoice';
import type {
  Marking,
  NewPartnerPriority,
  Organisation,
  PartnerPriority,
  PriorityKind,
  TaxonomyEntry,
  TaxonomyId,
} from '../../../../api/index.js';

export function NewPriorityForm({
  partners,
  taxonomy,
  period: startPeriod,
  onAdded,
}: {
  partners: readonly Organisation[];
  taxonomy: readonly TaxonomyEntry[];
  period: string;
  onAdded: (p: PartnerPriority) => void;
}) {
  const id = useId();
  const sorted = [...partners].sort((a, b) => a.name.localeCompare(b.name));
  const [partnerId, setPartnerId] = useState(sorted[0]?.id ?? '');
  const [period, setPeriod] = useState(startPeriod);
  const [wording, setWording] = useState('');
  const [taxonomyIds, setTaxonomyIds] = useState<TaxonomyId[]>([]);
  const [kind, setKind] = useState<PriorityKind>('priority');
  const [marking, setMarking] = useState<Marking>('OFFICIAL');
  const [error, setError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      const request: NewPartnerPriority = { partnerId, period, wording, taxonomyIds, kind, marking };
      const p = await api.post<PartnerPriority>('/priorities', request);
      const name = partners.find((o) => o.id === p.partnerId)?.name ?? p.partnerId;
      setAdded(`Added a ${p.kind} of ${name} for ${p.period} (${p.marking}).`);
      setWording('');
      setTaxonomyIds([]);
      onAdded(p);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add a partner's priority</h2>
      <div className="form-row">
        <div className="form-field">
          <label htmlFor={`${id}-partner`}>Partner</label>
          <select id={`${id}-partner`} value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            {sorted.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <label>
          Financial year (like 2017/18)
          <input
            value={period}
            required
            size={8}
            pattern="\d{4}/\d{2}"
            title="A financial year like 2017/18"
            onChange={(e) => setPeriod(e.target.value)}
          />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as PriorityKind)}>
            <option value="priority">A priority</option>
            <option value="note">A note about the partner's table</option>
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-wording`}>The partner's own words</label>
      <textarea
        id={`${id}-wording`}
        rows={2}
        value={wording}
        required
        maxLength={1000}
        onChange={(e) => setWording(e.target.value)}
      />
      <TaxonomyChoice taxonomy={taxonomy} chosen={taxonomyIds} onChange={setTaxonomyIds} />
      <MarkingSelect id={`${id}-marking`} value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      {added !== undefined && (
        <p className="ok" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add priority
        </button>
      </div>
    </form>
  );
}
