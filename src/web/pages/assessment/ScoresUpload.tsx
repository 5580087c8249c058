/**
 * Uploading a scores file (CSV: one row per assessor per threat, a column per factor, as
 * `stra score import` reads and the scores export writes). All rows are stored or none; the
 * server names each problem by line and field.
 */
import { useState, type FormEvent } from 'react';
import { api, qs } from '../../api';
import { ErrorNote } from '../../components/Status';
import type { ScoresImported } from '../../../api/index.js';

export function ScoresUpload({ assessmentId, onImported }: { assessmentId: string; onImported: () => void }) {
  const [file, setFile] = useState<File | undefined>(undefined);
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (file === undefined) {
      setError('Choose a scores file (.csv) first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const path = `/assessments/${assessmentId}/scores-file${qs({ name: file.name, replace: replace ? 'true' : undefined })}`;
      const r = await api.postFile<ScoresImported>(path, file);
      setDone(`Imported ${file.name}: ${r.created} new, ${r.updated} changed, ${r.unchanged} unchanged.`);
      onImported();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby="scores-upload-h">
      <h2 id="scores-upload-h">Upload a scores file</h2>
      <p>
        A CSV with one row per assessor per threat: columns <code>threat</code>, <code>assessor</code>, one per factor
        (id or label; a number or the level’s label), optional <code>rationale_&lt;factor&gt;</code> and{' '}
        <code>marking</code>. The scores export is in the same form. If any row is wrong, nothing is stored.
      </p>
      <label htmlFor="scores-file">Scores file (.csv)</label>
      <input
        id="scores-file"
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => setFile(e.target.files?.[0] ?? undefined)}
      />
      <label className="inline">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} /> Replace scores an
        assessor already gave differently
      </label>
      {error !== undefined && <ErrorNote message={error} />}
      {done !== undefined && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Upload scores
        </button>
      </div>
    </form>
  );
}
