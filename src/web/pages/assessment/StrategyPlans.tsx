/**
 * The Control Strategy's plans, under the strategy on its page (issue 14): for each priority and
 * intelligence requirement, its lead officer, the actions under each of the strategy's headings
 * and the questions the intelligence requirement asks, written here rather than in Word. Each
 * plan is saved against the version read, with the marking chosen on the form; if someone else
 * saved in between, the server answers 409 with the plan as it is now, shown beside the user's so
 * they can reapply theirs on top of it or take the current one. Plans carry into next year's
 * assessment with their threats and are printed in the document's Control Strategy section.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api';
import { Await, ErrorNote } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { MarkingSelect } from '../../components/MarkingSelect';
import { hasRole, useSession } from '../../session';
import { useApi } from '../../use-api';
import { dateTime } from './format';
import type {
  Marking,
  StrategyEntry,
  StrategyPlan,
  StrategyPlansAnswer,
  StrategyPlanWrite,
  StrategyPlanWritten,
  Threat,
} from '../../../api/index.js';

type Heading = StrategyPlansAnswer['headings'][number];

export function StrategyPlans({
  assessmentId,
  priorities,
  intelligence,
}: {
  assessmentId: string;
  priorities: readonly StrategyEntry[];
  intelligence: readonly StrategyEntry[];
}) {
  const plans = useApi<StrategyPlansAnswer>(`/assessments/${assessmentId}/strategy-plans`);
  const threats = useApi<Threat[]>(`/assessments/${assessmentId}/threats`);
  const { me } = useSession();
  const mayEdit = hasRole(me, 'analyst') || hasRole(me, 'admin');
  const irOnly = intelligence.filter((e) => !priorities.some((p) => p.threatId === e.threatId));
  return (
    <section aria-labelledby="h-plans" className="strategy-plans">
      <h2 id="h-plans">Plans: lead officers, actions and questions</h2>
      <p className="method">
        Each priority has a lead officer and actions under the strategy's headings; each intelligence requirement has
        the questions it asks. They are carried into next year's assessment with their threats and printed in the
        document's Control Strategy section.
      </p>
      <Await loaded={plans}>
        {(answer) => (
          <>
            {[...priorities.map((e) => [e, true] as const), ...irOnly.map((e) => [e, false] as const)].map(
              ([entry, priority]) => (
                <PlanCard
                  key={`${entry.threatId}-${answer.plans.find((p) => String(p.threatId) === entry.threatId)?.version ?? 0}`}
                  entry={entry}
                  priority={priority}
                  headings={answer.headings}
                  plan={answer.plans.find((p) => String(p.threatId) === entry.threatId) ?? null}
                  threatMarking={
                    threats.data?.find((t) => String(t.id) === entry.threatId)?.marking ?? ('OFFICIAL' as Marking)
                  }
                  mayEdit={mayEdit}
                />
              ),
            )}
          </>
        )}
      </Await>
    </section>
  );
}

function PlanCard({
  entry,
  priority,
  headings,
  plan: initial,
  threatMarking,
  mayEdit,
}: {
  entry: StrategyEntry;
  priority: boolean;
  headings: readonly Heading[];
  plan: StrategyPlan | null;
  threatMarking: Marking;
  mayEdit: boolean;
}) {
  const [plan, setPlan] = useState<StrategyPlan | null>(initial);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const id = `plan-${entry.threatId}`;
  return (
    <article aria-labelledby={`${id}-h`} className="plan-card panel">
      <h3 id={`${id}-h`}>
        {entry.name} <small>({priority ? 'priority' : 'intelligence requirement'})</small>
      </h3>
      {plan === null ? (
        <p className="empty">No lead officer or plan written yet.</p>
      ) : (
        <PlanView plan={plan} headings={headings} />
      )}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      {mayEdit &&
        (editing ? (
          <PlanForm
            threatId={entry.threatId}
            name={entry.name}
            headings={headings}
            plan={plan}
            threatMarking={threatMarking}
            onSaved={(p, message) => {
              setPlan(p);
              setSaved(message);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSaved(undefined);
              setEditing(true);
            }}
          >
            Edit the plan for {entry.name}
          </button>
        ))}
    </article>
  );
}

function PlanView({ plan, headings }: { plan: StrategyPlan; headings: readonly Heading[] }) {
  const extra = Object.keys(plan.actions).filter((k) => !headings.some((h) => h.id === k));
  return (
    <>
      <p>
        Lead officer: <strong>{plan.leadOfficer === '' ? 'not yet named' : plan.leadOfficer}</strong>{' '}
        <MarkingBadge marking={plan.marking} />{' '}
        <span className="method">
          version {plan.version}, last changed {dateTime(plan.updatedAt)}
          {plan.updatedByName === null ? '' : ` by ${plan.updatedByName}`}
        </span>
      </p>
      <dl className="plan-actions">
        {[...headings, ...extra.map((k) => ({ id: k, label: k }))].map((h) => (
          <div key={h.id}>
            <dt>{h.label}</dt>
            <dd className="pre">{plan.actions[h.id] ?? 'None written.'}</dd>
          </div>
        ))}
      </dl>
      {plan.questions.length > 0 && (
        <>
          <p>Intelligence requirement questions:</p>
          <ol>
            {plan.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function PlanForm({
  threatId,
  name,
  headings,
  plan,
  threatMarking,
  onSaved,
  onCancel,
}: {
  threatId: string;
  name: string;
  headings: readonly Heading[];
  plan: StrategyPlan | null;
  threatMarking: Marking;
  onSaved: (p: StrategyPlan, message: string) => void;
  onCancel: () => void;
}) {
  const [base, setBase] = useState<StrategyPlan | null>(plan);
  const [lead, setLead] = useState(plan?.leadOfficer ?? '');
  const [actions, setActions] = useState<Record<string, string>>({ ...(plan?.actions ?? {}) });
  const [questions, setQuestions] = useState((plan?.questions ?? []).join('\n'));
  const [marking, setMarking] = useState<Marking>(plan?.marking ?? threatMarking);
  const [conflict, setConflict] = useState<{ message: string; current: StrategyPlan } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `plan-${threatId}-form`;

  const save = async (against: StrategyPlan | null) => {
    setBusy(true);
    setError(undefined);
    try {
      const w = await api.put<StrategyPlanWritten>(`/threats/${threatId}/strategy-plan`, {
        leadOfficer: lead,
        actions,
        questions: questions.split('\n'),
        marking,
        expectedVersion: against?.version ?? null,
      } satisfies StrategyPlanWrite);
      setConflict(undefined);
      onSaved(
        w.plan,
        w.changed ? `Plan saved: version ${w.plan.version}, marked ${w.plan.marking}.` : 'Nothing had changed.',
      );
    } catch (e) {
      const record = e instanceof ApiError ? (e.details?.['record'] as StrategyPlan | null | undefined) : undefined;
      if (e instanceof ApiError && e.status === 409 && record) setConflict({ message: e.message, current: record });
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base);
  };
  const takeCurrent = (current: StrategyPlan) => {
    setBase(current);
    setLead(current.leadOfficer);
    setActions({ ...current.actions });
    setQuestions(current.questions.join('\n'));
    setMarking(current.marking);
    setConflict(undefined);
  };
  return (
    <form onSubmit={submit} className="editor plan-form" aria-label={`Plan for ${name}`}>
      <p id={`${id}-version`} className="hint">
        {base === null ? 'A new plan.' : `Editing version ${base.version}.`} Empty headings are left out of the
        document.
      </p>
      <label htmlFor={`${id}-lead`}>Lead officer</label>
      <input id={`${id}-lead`} value={lead} maxLength={200} onChange={(e) => setLead(e.target.value)} />
      {headings.map((h) => (
        <div key={h.id} className="plan-heading">
          <label htmlFor={`${id}-${h.id}`}>{h.label}</label>
          <textarea
            id={`${id}-${h.id}`}
            rows={3}
            value={actions[h.id] ?? ''}
            onChange={(e) => setActions((a) => ({ ...a, [h.id]: e.target.value }))}
          />
        </div>
      ))}
      <label htmlFor={`${id}-questions`}>Intelligence requirement questions (one per line)</label>
      <textarea
        id={`${id}-questions`}
        rows={4}
        value={questions}
        aria-describedby={`${id}-questions-help`}
        onChange={(e) => setQuestions(e.target.value)}
      />
      <p id={`${id}-questions-help`} className="hint">
        What the force needs to find out, one question a line; blank lines are left out.
      </p>
      <MarkingSelect id={`${id}-marking`} value={marking} onChange={setMarking} />
      {conflict !== undefined && (
        <div className="conflict" role="alert">
          <p className="error">{conflict.message}</p>
          <p>
            Now on the server (version {conflict.current.version}): lead officer{' '}
            <strong>{conflict.current.leadOfficer || 'not named'}</strong>;{' '}
            {headings
              .filter((h) => conflict.current.actions[h.id] !== undefined)
              .map((h) => `${h.label}: ${conflict.current.actions[h.id]}`)
              .join('; ') || 'no actions'}
            .
          </p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void save(conflict.current)}>
              Reapply my plan to version {conflict.current.version}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => takeCurrent(conflict.current)}>
              Discard mine, use the current plan
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <ErrorNote message={error} />}
      <div className="actions">
        <button type="submit" disabled={busy || conflict !== undefined}>
          Save the plan
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
