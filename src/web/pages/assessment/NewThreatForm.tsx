/**
 * Adding a threat to a draft assessment: name, description, owner, the crime categories it is
 * linked to and the marking chosen here. The server names a bad field; a duplicate name is refused.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorNote } from '../../components/Status';
import { MarkingSelect } from '../../components/MarkingSelect';
import { CategoryChoice } from './CategoryChoice';
import type { CategorySlug, Marking, NewThreatRequest, Threat } from '../../../api/index.js';

export function NewThreatForm({ assessmentId, onAdded }: { assessmentId: string; onAdded: (t: Threat) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [categories, setCategories] = useState<CategorySlug[]>([]);
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
      const request: NewThreatRequest = {
        name,
        description,
        owner: owner.trim() === '' ? null : owner.trim(),
        evidence: { policeUkCategories: categories },
        marking,
      };
      const t = await api.post<Threat>(`/assessments/${assessmentId}/threats`, request);
      setAdded(`Added “${t.name}” (${t.marking}).`);
      setName('');
      setDescription('');
      setOwner('');
      setCategories([]);
      onAdded(t);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby="add-threat-h">
      <h2 id="add-threat-h" tabIndex={-1}>
        Add a threat
      </h2>
      <label htmlFor="add-threat-name">Name</label>
      <input id="add-threat-name" value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="add-threat-owner">Owner (optional)</label>
      <input id="add-threat-owner" value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
      <label htmlFor="add-threat-description">Description</label>
      <textarea
        id="add-threat-description"
        rows={3}
        value={description}
        maxLength={20000}
        onChange={(e) => setDescription(e.target.value)}
      />
      <CategoryChoice id="add-threat-categories" chosen={categories} onChange={setCategories} />
      <MarkingSelect id="add-threat-marking" value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      {added !== undefined && (
        <p className="ok" role="status">
          {added}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add threat
        </button>
      </div>
    </form>
  );
}
