/**
 * Editing a threat's description and owner against the version the user read. If someone else
 * saved in between, the server refuses (409) with the record as it is now: the editor shows the
 * server's message and the current values beside the user's own, and lets them reapply their
 * edit on top of the new version or take the current values.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { ErrorNote, Loading } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { dateTime } from './format';
import { CategoryChoice } from './CategoryChoice';
import type { CategorySlug, Threat, ThreatEdit, ThreatRetired } from '../../../api/index.js';

interface Draft {
  readonly description: string;
  readonly owner: string;
  readonly categories: readonly CategorySlug[];
}

const draftOf = (t: Threat): Draft => ({
  description: t.description,
  owner: t.owner ?? '',
  // Stored links were checked against the same list when saved.
  categories: t.evidence.policeUkCategories as CategorySlug[],
});

export function ThreatEditor({
  threatId,
  onSaved,
  onClose,
  onRetired,
}: {
  threatId: number;
  onSaved: () => void;
  onClose: () => void;
  onRetired: (name: string) => void;
}) {
  const [base, setBase] = useState<Threat | undefined>(undefined);
  const [draft, setDraft] = useState<Draft>({ description: '', owner: '', categories: [] });
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState<{ message: string; current: Threat } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirmRetire, setConfirmRetire] = useState(false);

  useEffect(() => {
    api.get<Threat>(`/threats/${threatId}`).then(
      (t) => {
        setBase(t);
        setDraft(draftOf(t));
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [threatId]);

  if (loadError !== undefined) return <ErrorNote message={loadError} />;
  if (base === undefined) return <Loading />;

  const save = async (against: Threat) => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const t = await api.put<Threat>(`/threats/${threatId}`, {
        expectedVersion: against.version,
        description: draft.description,
        owner: draft.owner.trim() === '' ? null : draft.owner.trim(),
        // The other links are kept as they are in the version saved against.
        evidence: {
          offenceCodes: [...against.evidence.offenceCodes],
          extractFlags: [...against.evidence.extractFlags],
          indicators: [...against.evidence.indicators],
          policeUkCategories: [...draft.categories],
        },
      } satisfies ThreatEdit);
      setBase(t);
      setDraft(draftOf(t));
      setConflict(undefined);
      setSaved(`Saved: version ${t.version}.`);
      onSaved();
    } catch (e) {
      const record = e instanceof ApiError ? (e.details?.['record'] as Threat | undefined) : undefined;
      if (e instanceof ApiError && e.status === 409 && record !== undefined)
        setConflict({ message: e.message, current: record });
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const retire = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.del<ThreatRetired>(`/threats/${threatId}?expectedVersion=${base.version}`);
      onRetired(r.name);
    } catch (e) {
      const record = e instanceof ApiError ? (e.details?.['record'] as Threat | undefined) : undefined;
      if (e instanceof ApiError && e.status === 409 && record !== undefined)
        setConflict({ message: e.message, current: record });
      else setError(e instanceof Error ? e.message : String(e));
      setConfirmRetire(false);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base);
  };
  const takeCurrent = (current: Threat) => {
    setBase(current);
    setDraft(draftOf(current));
    setConflict(undefined);
    setSaved(`Showing version ${current.version} as saved by the other user; your changes were discarded.`);
  };

  return (
    <form onSubmit={submit} className="editor" aria-describedby="edit-version">
      <p id="edit-version">
        Editing version <strong>{base.version}</strong>, last changed {dateTime(base.updatedAt)}{' '}
        <MarkingBadge marking={base.marking} />
      </p>
      <label htmlFor="threat-owner">Owner</label>
      <input
        id="threat-owner"
        value={draft.owner}
        maxLength={200}
        onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
      />
      <label htmlFor="threat-description">Description</label>
      <textarea
        id="threat-description"
        rows={5}
        value={draft.description}
        maxLength={20000}
        onChange={(e) => setDraft({ ...draft, description: e.target.value })}
      />
      <CategoryChoice
        id="threat-categories"
        chosen={draft.categories}
        onChange={(categories) => setDraft({ ...draft, categories })}
      />
      {conflict !== undefined && (
        <div className="conflict" role="alert">
          <p className="error">{conflict.message}</p>
          <table>
            <caption>Your edit beside the threat as it is now (version {conflict.current.version})</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Yours</th>
                <th scope="col">Now on the server</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Owner</th>
                <td>{draft.owner || '–'}</td>
                <td>{conflict.current.owner ?? '–'}</td>
              </tr>
              <tr>
                <th scope="row">Crime categories</th>
                <td>{draft.categories.join(', ') || '–'}</td>
                <td>{conflict.current.evidence.policeUkCategories.join(', ') || '–'}</td>
              </tr>
              <tr>
                <th scope="row">Description</th>
                <td>{draft.description}</td>
                <td>{conflict.current.description}</td>
              </tr>
            </tbody>
          </table>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void save(conflict.current)}>
              Reapply my changes to version {conflict.current.version}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => takeCurrent(conflict.current)}>
              Discard mine, use the current values
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <ErrorNote message={error} />}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || conflict !== undefined}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
        {!confirmRetire && (
          <button
            type="button"
            className="secondary"
            disabled={busy || conflict !== undefined}
            onClick={() => setConfirmRetire(true)}
          >
            Retire this threat
          </button>
        )}
      </div>
      {confirmRetire && (
        <div className="callout warn" role="alertdialog" aria-labelledby="retire-q">
          <p id="retire-q">
            <strong>Retire “{base.name}”?</strong> It is removed from this assessment with all its scores (the audit
            trail keeps them). Next year’s assessment will not carry it.
          </p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void retire()}>
              Yes, retire it
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmRetire(false)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
