/**
 * Editing a strategic risk's description: reference, title, category, owner, cause, consequence,
 * inherent levels, mitigation, next review date and marking. Its residual score and status change
 * only by a review, which keeps the history. Sent with the version shown; a 409 brings the current
 * risk in and the form keeps what was written; only the fields the user changed are sent.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { longDate } from '../shared/format';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type { Marking, RiskEdit, RiskWithHistory } from '../../../../api/index.js';
import { DateField } from '../../../components/DateField';

interface Draft {
  readonly reference: string;
  readonly title: string;
  readonly category: string;
  readonly owner: string;
  readonly cause: string;
  readonly consequence: string;
  readonly mitigation: string;
  readonly nextReview: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly marking: Marking;
}

const draftOf = (r: RiskWithHistory): Draft => ({
  reference: r.reference,
  title: r.title,
  category: r.category,
  owner: r.owner,
  cause: r.cause,
  consequence: r.consequence,
  mitigation: r.mitigation,
  nextReview: r.nextReview,
  likelihood: r.inherent.likelihood,
  impact: r.inherent.impact,
  marking: r.marking,
});

const TEXTS = ['reference', 'title', 'category', 'owner', 'cause', 'consequence', 'mitigation', 'nextReview'] as const;

export function EditRiskForm({
  risk,
  onSaved,
  onConflict,
}: {
  risk: RiskWithHistory;
  onSaved: () => void;
  onConflict: (current: RiskWithHistory) => void;
}) {
  const id = useId();
  const [base, setBase] = useState<Draft>(() => draftOf(risk));
  const [draft, setDraft] = useState<Draft>(base);
  const submit = useVersionedSubmit<RiskWithHistory>(onConflict);
  const levels = Array.from({ length: risk.scaleSize }, (_, i) => i + 1);
  const text = (k: (typeof TEXTS)[number]) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const changed: Omit<RiskEdit, 'expectedVersion'> = {
      ...Object.fromEntries(TEXTS.filter((k) => draft[k].trim() !== base[k].trim()).map((k) => [k, draft[k]])),
      ...(draft.likelihood !== base.likelihood || draft.impact !== base.impact
        ? { inherent: { likelihood: draft.likelihood, impact: draft.impact } }
        : {}),
      ...(draft.marking !== base.marking ? { marking: draft.marking } : {}),
    };
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    const ok = await submit.run(
      () => api.put(`/risks/${risk.id}`, { expectedVersion: risk.version, ...changed } satisfies RiskEdit),
      `Saved: version ${risk.version + 1}.`,
    );
    if (ok) {
      setBase(draft);
      onSaved();
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Edit risk</h2>
      <ConflictNote submit={submit} what="risk">
        <p>
          It is now version {risk.version}: {risk.reference} “{risk.title}”, owner {risk.owner}, next review{' '}
          {longDate(risk.nextReview)}.
        </p>
      </ConflictNote>
      <div className="form-row">
        <label>
          Reference
          <input value={draft.reference} required maxLength={40} size={8} onChange={text('reference')} />
        </label>
        <label>
          Category
          <input value={draft.category} required maxLength={100} onChange={text('category')} />
        </label>
        <DateField
          label="Next review due"
          value={draft.nextReview}
          required
          onChange={(v) => text('nextReview')({ target: { value: v } })}
        />
      </div>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={draft.title} required maxLength={300} onChange={text('title')} />
      <label htmlFor={`${id}-owner`}>Owner (a chief officer post)</label>
      <input id={`${id}-owner`} value={draft.owner} required maxLength={200} onChange={text('owner')} />
      <label htmlFor={`${id}-cause`}>Cause</label>
      <textarea id={`${id}-cause`} rows={2} value={draft.cause} maxLength={5000} onChange={text('cause')} />
      <label htmlFor={`${id}-consequence`}>Consequence</label>
      <textarea
        id={`${id}-consequence`}
        rows={2}
        value={draft.consequence}
        maxLength={5000}
        onChange={text('consequence')}
      />
      <div className="form-row">
        <label>
          Inherent likelihood (1–{risk.scaleSize})
          <select value={draft.likelihood} onChange={(e) => setDraft({ ...draft, likelihood: Number(e.target.value) })}>
            {levels.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Inherent impact (1–{risk.scaleSize})
          <select value={draft.impact} onChange={(e) => setDraft({ ...draft, impact: Number(e.target.value) })}>
            {levels.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-mitigation`}>Mitigation</label>
      <textarea
        id={`${id}-mitigation`}
        rows={3}
        value={draft.mitigation}
        maxLength={20000}
        onChange={text('mitigation')}
      />
      <MarkingSelect id={`${id}-marking`} value={draft.marking} onChange={(m) => setDraft({ ...draft, marking: m })} />
      <p className="method">The residual score and the status change by a review (below), which keeps the history.</p>
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Save my changes to the current version' : 'Save risk'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
