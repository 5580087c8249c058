/**
 * Correcting a plan's own fields in the browser: its title, the span of years it covers, the
 * commissioner who set it and where it is published. Sent with the plan's version; a 409 brings
 * the current plan in and the form keeps what was written, to send again.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type { Plan, PlanEdit, PlanWithObjectives } from '../../../../api/index.js';

export function EditPlanForm({
  plan,
  onSaved,
  onConflict,
}: {
  plan: Plan;
  onSaved: (p: Plan) => void;
  onConflict: (current: PlanWithObjectives) => void;
}) {
  const id = useId();
  // What the form started from: only the fields the user changed from it are sent (after a 409
  // too, so a field someone else changed meanwhile is left as they made it).
  const [base] = useState({
    title: plan.title,
    period: plan.period,
    commissioner: plan.commissioner ?? '',
    source: plan.source ?? '',
  });
  const [f, setF] = useState(base);
  const submit = useVersionedSubmit<PlanWithObjectives>(onConflict);
  const text = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const blank = (v: string) => (v.trim() === '' ? null : v.trim());
    const differs = (k: keyof typeof f) => f[k].trim() !== base[k].trim();
    const changed: Omit<PlanEdit, 'expectedVersion'> = {
      ...(differs('title') ? { title: f.title } : {}),
      ...(differs('period') ? { period: f.period } : {}),
      ...(differs('commissioner') ? { commissioner: blank(f.commissioner) } : {}),
      ...(differs('source') ? { source: blank(f.source) } : {}),
    };
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    let saved: Plan | undefined;
    const ok = await submit.run(async () => {
      saved = await api.put<Plan>(`/plans/${plan.id}`, {
        expectedVersion: plan.version,
        ...changed,
      } satisfies PlanEdit);
    }, 'Plan saved.');
    if (ok && saved !== undefined) onSaved(saved);
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Edit the plan</h2>
      <ConflictNote submit={submit} what="plan" />
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={f.title} required maxLength={300} onChange={text('title')} />
      <div className="form-row">
        <label>
          Years it covers (like 2016-2021)
          <input value={f.period} required size={10} maxLength={11} onChange={text('period')} />
        </label>
        <label>
          Commissioner (optional)
          <input value={f.commissioner} maxLength={200} onChange={text('commissioner')} />
        </label>
      </div>
      <label htmlFor={`${id}-source`}>Where it is published (optional)</label>
      <input id={`${id}-source`} value={f.source} maxLength={1000} onChange={text('source')} />
      <FormOutcome submit={submit} />
      <div className="actions">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict === undefined ? 'Save plan' : 'Save my changes to the current version'}
        </button>
      </div>
    </form>
  );
}
