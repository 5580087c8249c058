/**
 * Starting next year's assessment from one: its threats carried with their combined scores as
 * "last year's", its open recommendations and drivers too. The answer says what carried over.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api } from '../../api';
import { ErrorNote } from '../../components/Status';
import { followingYear } from './can-edit';
import type { Assessment, NextYearAnswer, NextYearRequest } from '../../../api/index.js';

/** What each carry-forward step reports, in words (steps not named here are shown by their key). */
const CARRIED: Readonly<Record<string, string>> = {
  threats: "threats (each with last year's combined score)",
  scores: 'scores',
  strategyPlans: 'Control Strategy plans (lead officer, actions, questions)',
  settings: 'settings (Control Strategy headings, organisation on the title page)',
  recommendations: 'open recommendations',
  drivers: 'change drivers',
  driverConfigurations: 'driver settings',
};

const carriedText = (carried: Readonly<Record<string, number>>): string =>
  Object.entries(carried)
    .map(([what, n]) => `${n} ${CARRIED[what] ?? what}`)
    .join(', ') || 'nothing';

export function NextYearForm({ from, onCreated }: { from: Assessment; onCreated: () => void }) {
  const [period, setPeriod] = useState(followingYear(from.period));
  const [versionLabel, setVersionLabel] = useState('V1 - Draft');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<NextYearAnswer | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const request: NextYearRequest = { versionLabel, period: period.trim() };
      setDone(await api.post<NextYearAnswer>(`/assessments/${from.id}/next-year`, request));
      onCreated();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const id = `next-${from.id}`;
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        Start next year from {from.period} {from.versionLabel}
      </h2>
      <p>
        The new assessment carries this one’s threats, each with its combined score as last year’s, and its open
        recommendations and change drivers. It keeps this one’s marking ({from.marking}) and scoring model.
      </p>
      <label htmlFor={`${id}-period`}>Financial year</label>
      <input id={`${id}-period`} value={period} required maxLength={7} onChange={(e) => setPeriod(e.target.value)} />
      <label htmlFor={`${id}-label`}>Version label</label>
      <input
        id={`${id}-label`}
        value={versionLabel}
        required
        maxLength={100}
        onChange={(e) => setVersionLabel(e.target.value)}
      />
      {error !== undefined && <ErrorNote message={error} />}
      {done !== undefined && (
        <div className="ok" role="status">
          <p>
            Created <Link href={`/assessments/${done.assessment.id}`}>{done.assessment.title}</Link> (
            {done.assessment.versionLabel}). Carried over: {carriedText(done.carried)}.
          </p>
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || done !== undefined}>
          Start {period}
        </button>
      </div>
    </form>
  );
}
