/**
 * A new version of an approved assessment (issue 14): approval froze its threats and scores, so a
 * change needs a new draft of the same period with everything copied (threats, scores, the
 * document's text). Asked to confirm, since the new version is where work then continues.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import type { Assessment, ReviseAnswer, ReviseRequest } from '../../../../api/index.js';

const nextLabel = (label: string): string => {
  const m = /^V(\d+)/i.exec(label.trim());
  return m === null ? 'V2 - Draft' : `V${Number(m[1]) + 1} - Draft`;
};

export function NewVersionForm({ from, onCreated }: { from: Assessment; onCreated: () => void }) {
  const [versionLabel, setVersionLabel] = useState(nextLabel(from.versionLabel));
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<ReviseAnswer | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(true);
  };
  const make = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setDone(await api.post<ReviseAnswer>(`/assessments/${from.id}/revise`, { versionLabel } satisfies ReviseRequest));
      setConfirming(false);
      onCreated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (done !== undefined)
    return (
      <p className="ok" role="status">
        Made {done.assessment.period} {done.assessment.versionLabel} (a draft), with{' '}
        {Object.entries(done.carried)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ') || 'nothing'}{' '}
        copied. <Link href={`/assessments/${done.assessment.id}`}>Open it</Link>.
      </p>
    );
  return (
    <form onSubmit={ask} className="filters" aria-label="Make a new version">
      <label>
        New version label
        <input value={versionLabel} onChange={(e) => setVersionLabel(e.target.value)} required maxLength={100} />
      </label>
      {!confirming && <button type="submit">Make a new version…</button>}
      {confirming && (
        <div className="callout warn" role="alertdialog" aria-labelledby="revise-q">
          <p id="revise-q">
            <strong>
              Make {from.period} {versionLabel}?
            </strong>{' '}
            A new draft is made with this version&apos;s threats, scores and document text copied; this version stays as
            approved. Work continues in the new one.
          </p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void make()}>
              Yes, make the new version
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <ErrorNote message={error} />}
    </form>
  );
}
