/**
 * Creating an assessment: the organisation (where the user is an analyst or admin), the financial
 * year, a version label, an optional title, the marking chosen here, and whether it starts with
 * the starter threat catalogue or empty (issue 14). The server's answer for a bad field names it;
 * on success the new assessment opens.
 */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api';
import { ErrorNote } from '../../components/Status';
import { MarkingSelect } from '../../components/MarkingSelect';
import { useOrganisations } from '../../use-organisations';
import './new-assessment.css';
import type { Assessment, Marking, NewAssessmentRequest } from '../../../api/index.js';

export function NewAssessmentForm({
  organisations,
  suggestedPeriod,
  onCreated,
}: {
  organisations: readonly string[];
  suggestedPeriod: string;
  onCreated: () => void;
}) {
  const [, navigate] = useLocation();
  const { nameOf } = useOrganisations();
  const [organisationId, setOrganisationId] = useState(organisations[0] ?? '');
  const [period, setPeriod] = useState(suggestedPeriod);
  const [versionLabel, setVersionLabel] = useState('V1 - Draft');
  const [title, setTitle] = useState('');
  const [marking, setMarking] = useState<Marking>('OFFICIAL');
  const [start, setStart] = useState<'empty' | 'catalogue'>('empty');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const request: NewAssessmentRequest = {
        organisationId,
        period: period.trim(),
        versionLabel,
        marking,
        start,
        ...(title.trim() === '' ? {} : { title }),
      };
      const a = await api.post<Assessment>('/assessments', request);
      onCreated();
      navigate(`/assessments/${a.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby="new-assessment-h">
      <h2 id="new-assessment-h">New assessment</h2>
      <label htmlFor="new-org">Organisation</label>
      <select id="new-org" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {organisations.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
      <label htmlFor="new-period">Financial year (like 2019/20)</label>
      <input id="new-period" value={period} required maxLength={7} onChange={(e) => setPeriod(e.target.value)} />
      <label htmlFor="new-label">Version label</label>
      <input
        id="new-label"
        value={versionLabel}
        required
        maxLength={100}
        onChange={(e) => setVersionLabel(e.target.value)}
      />
      <label htmlFor="new-title">Title (optional: default “organisation Strategic Assessment year”)</label>
      <input id="new-title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <MarkingSelect id="new-marking" value={marking} onChange={setMarking} />
      <fieldset className="start-choice">
        <legend>Start with</legend>
        <label>
          <input type="radio" name="new-start" checked={start === 'empty'} onChange={() => setStart('empty')} /> no
          threats (add them one by one)
        </label>
        <label>
          <input type="radio" name="new-start" checked={start === 'catalogue'} onChange={() => setStart('catalogue')} />{' '}
          the starter threat catalogue (24 threats, from cyber crime to modern slavery, linked to police.uk crime
          categories or offence codes where one fits; marked as above)
        </label>
        <p className="hint">To start from last year’s assessment instead, use “Start next year” on its row.</p>
      </fieldset>
      {error !== undefined && <ErrorNote message={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Create assessment
        </button>
      </div>
    </form>
  );
}
