/**
 * The recommendations register of an assessment: number, theme, text, owner, due date, status,
 * marking and where it was carried from; an editor adds recommendations here; each one opens to
 * its dated updates (through earlier years, each correctable), a form to add one and a form to
 * edit the recommendation; the register downloads as CSV.
 */
import { Fragment, useState } from 'react';
import { useParams } from 'wouter';
import { hasRole, useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { Await } from '../../../components/Status';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { RecommendationDetail } from './RecommendationDetail';
import type { Assessment, Recommendation } from '../../../../api/index.js';
import { statusText } from './status-text';
import { NewRecommendationForm } from './NewRecommendationForm';
import { dayText } from '../../../dates';
import { SortHeader, TableFilter, WithTableView, type ViewColumn } from '../../../components/table-view';

const COLUMNS = 9;

/** What the register's columns sort and filter by (the last, the updates button, does neither). */
const SORTS: readonly ViewColumn<Recommendation>[] = [
  { header: 'No.', sort: (r) => r.number },
  { header: 'Theme', sort: (r) => r.theme },
  { header: 'Recommendation', sort: (r) => r.text },
  { header: 'Owner', sort: (r) => r.owner },
  { header: 'Due', sort: (r) => r.dueOn, text: (r) => dayText(r.dueOn) },
  { header: 'Status', sort: (r) => statusText(r.status) },
  { header: 'Marking', sort: (r) => r.marking },
  { header: 'Carried from', sort: (r) => (r.carriedFrom === null ? 'new' : 'carried') },
];

export function RecommendationsPage() {
  const params = useParams<{ id: string }>();
  const assessmentId = Number(params.id);
  const { me } = useSession();
  const list = useApi<Recommendation[]>(`/assessments/${assessmentId}/recommendations`);
  const assessments = useApi<Assessment[]>('/assessments');
  const [open, setOpen] = useState<number | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const assessment = assessments.data?.find((a) => a.id === assessmentId);
  const previous = assessments.data?.find((a) => a.id === assessment?.previousId);
  const canEdit = hasRole(me, 'analyst') || hasRole(me, 'admin');
  return (
    <main id="main">
      <h1>
        Recommendations{' '}
        {assessment !== undefined && (
          <small>
            {assessment.period} · {assessment.versionLabel}
          </small>
        )}
      </h1>
      <p className="lede">
        Recommendations of the assessment and their progress. Open ones are carried into next year's assessment with
        their history.
      </p>
      {canEdit && (
        <p>
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? 'Close the new recommendation form' : 'New recommendation'}
          </button>
        </p>
      )}
      {canEdit && adding && <NewRecommendationForm assessmentId={assessmentId} onAdded={list.reload} />}
      <Await loaded={list}>
        {(recs) => (
          <section aria-labelledby="h-register">
            <h2 id="h-register">Register</h2>
            <p>
              {recs.length} recommendation{recs.length === 1 ? '' : 's'}
              {recs.length > 0 && <>: {summary(recs)}</>}.{' '}
              <a href={`/api/assessments/${assessmentId}/recommendations.csv`} download>
                Download the register as CSV
              </a>
            </p>
            {recs.length === 0 ? (
              <p className="empty">This assessment has no recommendations you can see.</p>
            ) : (
              <WithTableView rows={recs} columns={SORTS}>
                {(view) => (
                  <>
                    <TableFilter view={view} what="recommendations" />
                    <div className="table-wrap">
                      <table className="rec-table">
                        <caption>
                          Recommendations of {assessment?.period ?? `assessment ${assessmentId}`}; open one to see its
                          updates
                          {canEdit ? ' and add one' : ''}
                        </caption>
                        <thead>
                          <tr>
                            {SORTS.map((c, i) => (
                              <SortHeader key={c.header} view={view} column={i} />
                            ))}
                            <th scope="col">
                              <span className="sr-only">Updates</span>
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {view.rows.map((r) => {
                            const expanded = open === r.id;
                            return (
                              <Fragment key={r.id}>
                                <tr className={expanded ? 'expanded' : undefined}>
                                  <th scope="row">{r.number ?? '–'}</th>
                                  <td>{r.theme}</td>
                                  <td className="rec-text">{r.text}</td>
                                  <td>{r.owner ?? <span className="empty">not set</span>}</td>
                                  <td>
                                    {r.dueOn === null ? (
                                      <span className="empty">not set</span>
                                    ) : (
                                      <time dateTime={r.dueOn}>{dayText(r.dueOn)}</time>
                                    )}
                                  </td>
                                  <td>
                                    <span className={`rec-status rec-${r.status}`}>{statusText(r.status)}</span>
                                  </td>
                                  <td>
                                    <MarkingBadge marking={r.marking} />
                                  </td>
                                  <td>
                                    {r.carriedFrom === null ? (
                                      <span className="empty">new</span>
                                    ) : previous !== undefined ? (
                                      previous.period
                                    ) : (
                                      'an earlier assessment'
                                    )}
                                  </td>
                                  <td>
                                    <button
                                      type="button"
                                      className="secondary"
                                      aria-expanded={expanded}
                                      aria-controls={`rec-${r.id}`}
                                      onClick={() => setOpen(expanded ? undefined : r.id)}
                                    >
                                      {expanded ? 'Hide' : 'Updates'}
                                      <span className="sr-only"> of recommendation {r.number ?? r.theme}</span>
                                    </button>
                                  </td>
                                </tr>
                                {expanded && (
                                  <tr className="rec-detail-row">
                                    <td colSpan={COLUMNS} id={`rec-${r.id}`}>
                                      <RecommendationDetail
                                        id={r.id}
                                        assessmentId={assessmentId}
                                        assessments={assessments.data ?? []}
                                        canEdit={canEdit}
                                        onChanged={list.reload}
                                      />
                                    </td>
                                  </tr>
                                )}
                              </Fragment>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </WithTableView>
            )}
          </section>
        )}
      </Await>
    </main>
  );
}

function summary(recs: readonly Recommendation[]): string {
  const counts = new Map<string, number>();
  for (const r of recs) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts.entries()].map(([s, n]) => `${n} ${statusText(s)}`).join(', ');
}
