/**
 * One Police and Crime Plan: its themes in the plan's order, each with its objectives and the
 * partners' priorities headings and threats each is mapped to; for an analyst of the organisation
 * holding it, a form to correct the plan's title, years and commissioner, one to add an objective,
 * one to correct each and one to map each onto the priorities and threats.
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
import { EditPlanForm } from './EditPlanForm';
import { ObjectiveForm } from './ObjectiveForm';
import { ObjectiveMapForm } from './ObjectiveMapForm';
import type { PlanWithObjectives, TaxonomyEntry } from '../../../../api/index.js';

export function PlanPage() {
  const { planId = '' } = useParams<{ planId: string }>();
  const { me } = useSession();
  const { nameOf } = useOrganisations();
  const loaded = useApi<PlanWithObjectives>(`/plans/${planId}`);
  const [current, setCurrent] = useStateFrom<PlanWithObjectives | undefined>(loaded.data);
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const [mapping, setMapping] = useState<number | undefined>(undefined);
  const [editingPlan, setEditingPlan] = useState(false);
  const taxonomy = useApi<TaxonomyEntry[]>('/priorities/taxonomy');
  const heading = (t: string) => taxonomy.data?.find((e) => e.id === t)?.label ?? t;
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
              {canEdit && (
                <p>
                  <button type="button" aria-expanded={editingPlan} onClick={() => setEditingPlan(!editingPlan)}>
                    {editingPlan ? 'Close the plan form' : 'Edit the plan'}
                  </button>
                </p>
              )}
              {canEdit && editingPlan && (
                <EditPlanForm
                  plan={p}
                  onSaved={() => {
                    setEditingPlan(false);
                    loaded.reload();
                  }}
                  onConflict={setCurrent}
                />
              )}
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
                        {canEdit && (
                          <button
                            type="button"
                            className="secondary"
                            aria-expanded={mapping === o.id}
                            aria-label={
                              mapping === o.id
                                ? `Close the map of: ${o.text}`
                                : `Map to priorities and threats: ${o.text}`
                            }
                            onClick={() => setMapping(mapping === o.id ? undefined : o.id)}
                          >
                            {mapping === o.id ? 'Close' : 'Map'}
                          </button>
                        )}
                        {(o.priorities.length > 0 || o.threats.length > 0) && (
                          <p className="method objective-maps">
                            {o.priorities.length > 0 && (
                              <>Partners' priorities: {o.priorities.map(heading).join(', ')}. </>
                            )}
                            {o.threats.length > 0 && <>Threats: {o.threats.map((t) => t.name).join(', ')}.</>}
                          </p>
                        )}
                        {mapping === o.id && taxonomy.data !== undefined && (
                          <ObjectiveMapForm
                            key={o.id}
                            plan={p}
                            objective={o}
                            taxonomy={taxonomy.data}
                            onSaved={(saved) => {
                              setMapping(undefined);
                              setCurrent(saved);
                            }}
                            onConflict={setCurrent}
                          />
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
