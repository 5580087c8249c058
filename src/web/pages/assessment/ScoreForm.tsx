/**
 * The user's own MoRiLE score for a threat: each factor's level (by its label) and a rationale,
 * grouped by MoRiLE section, with the warehouse's figures beside the sections they inform and the
 * frequency and trend levels those figures support offered as suggestions (the assessor uses or
 * changes them; nothing is chosen for them). The
 * assessor is always the logged-in user (the server sets it). A first submission creates the
 * score; later ones change it against the version read (a stale change is refused with a 409).
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { ErrorNote } from '../../components/Status';
import { fixed, SECTION_NAMES } from './format';
import { headlineFigure, sectionEvidence } from './EvidencePanel';
import { suggestLevels, type LevelSuggestion } from '../../../domain/morile/evidence-levels.js';
import type { Factor, NewScore, ScoreEdit, ScoringModel, StoredScore, ThreatEvidence } from '../../../api/index.js';

interface Props {
  readonly threatId: number;
  readonly model: ScoringModel;
  readonly mine: StoredScore | null;
  readonly evidence: ThreatEvidence | undefined;
  readonly username: string;
  /** Called after a save (with what to tell the user) or to reload after a refusal. */
  readonly onSaved: (message?: string) => void;
}

type Choices = Record<string, string>;

export function ScoreForm({ threatId, model, mine, evidence, username, onSaved }: Props) {
  const [values, setValues] = useState<Choices>(() =>
    Object.fromEntries(
      model.factors.map((f) => [f.id, mine?.inputs.values[f.id] === undefined ? '' : String(mine.inputs.values[f.id])]),
    ),
  );
  const [rationale, setRationale] = useState<Choices>(() =>
    Object.fromEntries(model.factors.map((f) => [f.id, mine?.inputs.rationale[f.id] ?? ''])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const figure = headlineFigure(evidence);
  const suggested = new Map(suggestLevels(model.factors, figure).map((x) => [x.factor, x]));
  const sections = [...new Set(model.factors.map((f) => f.section))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setStale(false);
    const chosen = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    const why = Object.fromEntries(
      Object.entries(rationale)
        .filter(([k, v]) => v.trim() !== '' && values[k] !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    try {
      const saved =
        mine === null
          ? await api.post<StoredScore>(`/threats/${threatId}/scores`, {
              values: chosen,
              rationale: why,
            } satisfies NewScore)
          : await api.put<StoredScore>(`/scores/${mine.id}`, {
              expectedVersion: mine.version,
              values: chosen,
              rationale: why,
            } satisfies ScoreEdit);
      onSaved(
        `Your score is saved (version ${saved.version}): s = ${fixed(saved.outputs.s, 3)}, band ${saved.outputs.band.replaceAll('_', ' ').toLowerCase()}.`,
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setStale(true);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="score-form">
      <p className="method">
        Assessor: <strong>{username}</strong>. Choose a level for every factor marked required; say why in a sentence or
        two.
      </p>
      {sections.map((section) => {
        const hint = sectionEvidence(section, figure);
        return (
          <fieldset key={section}>
            <legend>{SECTION_NAMES[section] ?? section}</legend>
            {hint !== undefined && <p className="evidence-hint">{hint}</p>}
            {model.factors
              .filter((f) => f.section === section)
              .map((f) => (
                <FactorRow
                  key={f.id}
                  factor={f}
                  value={values[f.id] ?? ''}
                  suggestion={suggested.get(f.id)}
                  rationale={rationale[f.id] ?? ''}
                  onValue={(v) => setValues({ ...values, [f.id]: v })}
                  onRationale={(v) => setRationale({ ...rationale, [f.id]: v })}
                />
              ))}
          </fieldset>
        );
      })}
      {error !== undefined && <ErrorNote message={error} />}
      {stale && (
        <p>
          <button type="button" className="secondary" onClick={() => onSaved()}>
            Load your score as it is now
          </button>
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mine === null ? 'Submit my score' : 'Update my score'}
      </button>
    </form>
  );
}

function FactorRow({
  factor,
  value,
  suggestion,
  rationale,
  onValue,
  onRationale,
}: {
  factor: Factor;
  value: string;
  suggestion: LevelSuggestion | undefined;
  rationale: string;
  onValue: (v: string) => void;
  onRationale: (v: string) => void;
}) {
  const selectId = `factor-${factor.id}`;
  const hintId = `${selectId}-hint`;
  return (
    <div className="factor">
      <div>
        <label htmlFor={selectId}>
          {factor.label}
          {factor.optional ? ' (optional)' : ' (required)'}
        </label>
        {factor.description !== undefined && (
          <p id={hintId} className="hint">
            {factor.description}
          </p>
        )}
        <select
          id={selectId}
          value={value}
          required={!factor.optional}
          aria-describedby={factor.description === undefined ? undefined : hintId}
          onChange={(e) => onValue(e.target.value)}
        >
          <option value="">{factor.optional ? 'Not scored' : 'Choose a level…'}</option>
          {factor.levels.map((l) => (
            <option key={l.value} value={String(l.value)}>
              {l.value} – {l.label}
            </option>
          ))}
        </select>
        {suggestion !== undefined && (
          <p className="suggestion">
            Evidence suggests{' '}
            <strong>
              {suggestion.value} – {suggestion.label}
            </strong>
            : {suggestion.why}.{' '}
            {value === String(suggestion.value) ? (
              <span className="ok">Chosen.</span>
            ) : (
              <button
                type="button"
                className="secondary small"
                onClick={() => {
                  onValue(String(suggestion.value));
                  if (rationale.trim() === '') onRationale(`Evidence: ${suggestion.why}.`);
                }}
              >
                Use {suggestion.label}
                <span className="sr-only"> for {factor.label}</span>
              </button>
            )}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${selectId}-why`}>
          Why <span className="sr-only">({factor.label})</span>
        </label>
        <textarea
          id={`${selectId}-why`}
          rows={2}
          maxLength={5000}
          value={rationale}
          onChange={(e) => onRationale(e.target.value)}
        />
      </div>
    </div>
  );
}
