/**
 * Every assessment the user may see, newest first; analysts and admins create one here or start
 * next year's from one (carry-forward). Others see the list only (the server refuses them too).
 */
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { Await } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { useSession } from '../../session';
import { useApi } from '../../use-api';
import { editableOrganisations, followingYear, mayEditIn } from './can-edit';
import { NewAssessmentForm } from './NewAssessmentForm';
import { NextYearForm } from './NextYearForm';
import type { Assessment } from '../../../api/index.js';

export function AssessmentsPage() {
  const assessments = useApi<Assessment[]>('/assessments');
  const { me } = useSession();
  const organisations = editableOrganisations(me);
  const [creating, setCreating] = useState(false);
  const [nextFrom, setNextFrom] = useState<number | undefined>(undefined);
  const formHeading = useRef<HTMLDivElement>(null);
  const open = (what: () => void) => {
    what();
    // Move focus into the form that opened, for keyboard and screen-reader users.
    requestAnimationFrame(() => formHeading.current?.querySelector<HTMLElement>('input, select')?.focus());
  };
  return (
    <main id="main">
      <h1>Assessments</h1>
      <Await loaded={assessments}>
        {(list) => {
          const sorted = [...list].sort((a, b) => b.period.localeCompare(a.period) || b.id - a.id);
          const latest = sorted[0]?.period ?? '2017/18';
          const from = list.find((a) => a.id === nextFrom);
          return (
            <>
              {organisations.length > 0 && (
                <div className="actions">
                  <button type="button" aria-expanded={creating} onClick={() => open(() => setCreating(!creating))}>
                    New assessment
                  </button>
                </div>
              )}
              <div ref={formHeading}>
                {creating && (
                  <section className="panel">
                    <NewAssessmentForm
                      organisations={organisations}
                      suggestedPeriod={followingYear(latest)}
                      onCreated={() => assessments.reload()}
                    />
                  </section>
                )}
                {from !== undefined && (
                  <section className="panel">
                    <NextYearForm key={from.id} from={from} onCreated={() => assessments.reload()} />
                  </section>
                )}
              </div>
              {list.length === 0 ? (
                <p>You cannot see any assessment yet.</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <caption>Assessments you can see, newest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Year</th>
                        <th scope="col">Assessment</th>
                        <th scope="col">Status</th>
                        <th scope="col">Marking</th>
                        <th scope="col">Follows</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sorted.map((a) => {
                        const previous = list.find((p) => p.id === a.previousId);
                        return (
                          <tr key={a.id}>
                            <td>{a.period}</td>
                            <th scope="row">
                              <Link href={`/assessments/${a.id}`}>{a.title}</Link>
                              <div className="method">{a.versionLabel}</div>
                            </th>
                            <td>{a.status.replace('_', ' ')}</td>
                            <td>
                              <MarkingBadge marking={a.marking} />
                            </td>
                            <td>{previous === undefined ? '–' : `${previous.period} ${previous.versionLabel}`}</td>
                            <td>
                              {mayEditIn(me, a.organisationId) && (
                                <button
                                  type="button"
                                  className="secondary small"
                                  aria-pressed={nextFrom === a.id}
                                  onClick={() => open(() => setNextFrom(nextFrom === a.id ? undefined : a.id))}
                                >
                                  Start next year
                                  <span className="sr-only">
                                    {' '}
                                    from {a.period} {a.versionLabel}
                                  </span>
                                </button>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          );
        }}
      </Await>
    </main>
  );
}
