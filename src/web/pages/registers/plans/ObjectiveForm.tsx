/**
 * Adding an objective to a plan under a theme (an existing one, or a new one typed in, which goes
 * after the plan's last), or correcting one (its words, or the theme it sits under). Sent with the
 * plan's version; a 409 brings the current plan in and the form keeps what was written.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type {
  PlanObjective,
  PlanObjectiveEdit,
  PlanObjectiveRequest,
  PlanWithObjectives,
} from '../../../../api/index.js';

export function ObjectiveForm({
  plan,
  objective,
  onSaved,
  onConflict,
}: {
  plan: PlanWithObjectives;
  /** The objective to correct; none to add one. */
  objective?: PlanObjective | undefined;
  onSaved: () => void;
  onConflict: (current: PlanWithObjectives) => void;
}) {
  const id = useId();
  const [theme, setTheme] = useState(objective?.theme ?? plan.themes.at(-1)?.name ?? '');
  const [text, setText] = useState(objective?.text ?? '');
  const submit = useVersionedSubmit<PlanWithObjectives>(onConflict);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (objective === undefined) {
      const ok = await submit.run(
        () =>
          api.post(`/plans/${plan.id}/objectives`, {
            expectedVersion: plan.version,
            theme,
            text,
          } satisfies PlanObjectiveRequest),
        `Added under ${theme.trim()}.`,
      );
      if (ok) {
        setText('');
        onSaved();
      }
      return;
    }
    const changed = {
      ...(theme.trim() !== objective.theme ? { theme } : {}),
      ...(text.trim() !== objective.text ? { text } : {}),
    };
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    const ok = await submit.run(
      () =>
        api.put(`/plans/${plan.id}/objectives/${objective.id}`, {
          expectedVersion: plan.version,
          ...changed,
        } satisfies PlanObjectiveEdit),
      'Objective corrected.',
    );
    if (ok) onSaved();
  };
  const heading = objective === undefined ? 'Add an objective' : `Correct the objective “${objective.text}”`;
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{heading}</h3>
      <ConflictNote submit={submit} what="plan">
        <p>It is now version {plan.version}; the themes and objectives above show it as it is.</p>
      </ConflictNote>
      <label htmlFor={`${id}-theme`}>Theme (choose one or type a new one)</label>
      <input
        id={`${id}-theme`}
        list={`${id}-themes`}
        value={theme}
        required
        maxLength={300}
        onChange={(e) => setTheme(e.target.value)}
      />
      <datalist id={`${id}-themes`}>
        {plan.themes.map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
      <label htmlFor={`${id}-text`}>Objective</label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={text}
        required
        maxLength={5000}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined
            ? 'Save to the current version'
            : objective === undefined
              ? 'Add objective'
              : 'Save objective'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
