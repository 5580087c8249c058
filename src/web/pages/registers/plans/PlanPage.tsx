/**
 * One Police and Crime Plan: its themes in the plan's order, each with its objectives; for an
 * analyst of the organisation holding it, a form to add an objective and one to correct each.
 */
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { useOrganisations } from '../../../use-organisations';
import { useStateFrom } from '../../../use-state-from';
import { mayEditIn } from '../../assessment/can-edit';
import { ObjectiveForm } from './ObjectiveForm';
import type { PlanWithObjectives } from '../../../../api/index.js';

export function PlanPage() {
  const { planId = '' } = useParams<{ planId: string }>();
  const { me } = useSession();
  const { nameOf } = useOrganisations();
  const loaded = useApi<PlanWithObjectives>(`/plans/${planId}`);
  const [current, setCurrent] = useStateFrom<PlanWithObjectives | undefined>(loaded.data);
  const [editing, setEditing] = useState<number | undefined>(undefined);
  return (
    <main id="main">
      <Await loaded={loaded}>
        {() => {
          const p = current ?? loaded.data!;
          const canEdit = mayEditIn(me, p.organisationId);
          const count = p.themes.reduce((n, t) => n + t.objectives.length, 0);
          return (
            <>
              <p className="crumbs">
                <Link href="/registers/plans">Plans and inspections</Link>
              </p>
              <h1>
                {p.title} ({p.period}) <MarkingBadge marking={p.marking} />
              </h1>
              <dl className="facts">
                <dt>Commissioner</dt>
                <dd>{p.commissioner ?? 'not given'}</dd>
                <dt>Held by</dt>
                <dd>{nameOf(p.organisationId)}</dd>
                {p.source !== null && (
                  <>
                    <dt>Published at</dt>
                    <dd>{p.source}</dd>
                  </>
                )}
              </dl>
              <p>
                {p.themes.length} themes, {count} objectives.{' '}
                <a href={`/api/plans/${p.id}/objectives.csv`} download>
                  Download the objectives as CSV
                </a>
              </p>
              {p.themes.length === 0 && <p className="empty">No themes or objectives yet.</p>}
              {p.themes.map((t) => (
                <section key={t.id} aria-labelledby={`theme-${t.id}`}>
                  <h2 id={`theme-${t.id}`}>{t.name}</h2>
                  <ul>
                    {t.objectives.map((o) => (
                      <li key={o.id}>
                        {o.text}{' '}
                        {canEdit && (
                          <button
                            type="button"
                            className="secondary"
                            aria-expanded={editing === o.id}
                            aria-label={`Correct: ${o.text}`}
                            onClick={() => setEditing(editing === o.id ? undefined : o.id)}
                          >
                            {editing === o.id ? 'Close' : 'Correct'}
                          </button>
                        )}
                        {editing === o.id && (
                          <ObjectiveForm
                            key={o.id}
                            plan={p}
                            objective={o}
                            onSaved={() => {
                              setEditing(undefined);
                              loaded.reload();
                            }}
                            onConflict={setCurrent}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              {canEdit ? (
                <ObjectiveForm plan={p} onSaved={loaded.reload} onConflict={setCurrent} />
              ) : (
                <p className="method">
                  Adding objectives needs the analyst role in the organisation that holds the plan.
                </p>
              )}
            </>
          );
        }}
      </Await>
    </main>
  );
}
