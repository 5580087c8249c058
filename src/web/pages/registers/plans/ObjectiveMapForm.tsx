/**
 * Mapping one objective of a plan onto the headings of the partners' priorities (the common
 * taxonomy) and onto the threats of an assessment, so the plan can be read against the partners'
 * priorities and the Control Strategy. Each list sent replaces the objective's; a threat the user
 * cannot see is neither shown nor removed. Sent with the plan's version; a 409 keeps the choices.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { useApi } from '../../../use-api';
import { TaxonomyChoice } from '../priorities/TaxonomyChoice';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type {
  Assessment,
  PlanObjectiveMapRequest,
  PlanObjectiveWithMaps,
  PlanWithObjectives,
  TaxonomyEntry,
  TaxonomyId,
  Threat,
} from '../../../../api/index.js';

export function ObjectiveMapForm({
  plan,
  objective,
  taxonomy,
  onSaved,
  onConflict,
}: {
  plan: PlanWithObjectives;
  objective: PlanObjectiveWithMaps;
  taxonomy: readonly TaxonomyEntry[];
  onSaved: (p: PlanWithObjectives) => void;
  onConflict: (current: PlanWithObjectives) => void;
}) {
  const id = useId();
  const assessments = useApi<Assessment[]>('/assessments');
  const [assessmentId, setAssessmentId] = useState<number | undefined>(objective.threats[0]?.assessmentId);
  const shown = assessmentId ?? assessments.data?.[0]?.id;
  const threats = useApi<Threat[]>(shown === undefined ? undefined : `/assessments/${shown}/threats`);
  const [priorities, setPriorities] = useState<TaxonomyId[]>(objective.priorities as TaxonomyId[]);
  const [chosen, setChosen] = useState<number[]>(objective.threats.map((t) => t.id));
  const submit = useVersionedSubmit<PlanWithObjectives>(onConflict);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    let saved: PlanWithObjectives | undefined;
    const ok = await submit.run(async () => {
      saved = await api.put<PlanWithObjectives>(`/plans/${plan.id}/objectives/${objective.id}/maps`, {
        expectedVersion: plan.version,
        priorities,
        threats: chosen,
      } satisfies PlanObjectiveMapRequest);
    }, 'Mapping saved.');
    if (ok && saved !== undefined) onSaved(saved);
  };
  // Threats of other assessments already chosen stay chosen while another assessment is shown.
  const elsewhere = objective.threats.filter((t) => t.assessmentId !== shown && chosen.includes(t.id));
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Map “{objective.text}”</h3>
      <ConflictNote submit={submit} what="plan" />
      <TaxonomyChoice taxonomy={taxonomy} chosen={priorities} onChange={setPriorities} />
      <label htmlFor={`${id}-a`}>Threats of the assessment</label>
      <select id={`${id}-a`} value={shown ?? ''} onChange={(e) => setAssessmentId(Number(e.target.value))}>
        {(assessments.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </select>
      <fieldset className="categories">
        <legend>Threats it serves</legend>
        {(threats.data ?? []).map((t) => (
          <label key={t.id} className="inline" htmlFor={`${id}-t${t.id}`}>
            <input
              id={`${id}-t${t.id}`}
              type="checkbox"
              checked={chosen.includes(t.id)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, t.id] : chosen.filter((c) => c !== t.id))}
            />{' '}
            {t.name}
          </label>
        ))}
        {elsewhere.length > 0 && (
          <p className="method">Also kept: {elsewhere.map((t) => t.name).join(', ')} (another assessment).</p>
        )}
      </fieldset>
      <FormOutcome submit={submit} />
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict === undefined ? 'Save mapping' : 'Save my mapping to the current version'}
        </button>
      </div>
    </form>
  );
}
