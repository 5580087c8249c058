/**
 * One change driver: what it is, its evidence, its review history (through the years it was
 * carried), and for an analyst of its organisation while its assessment is open, the forms to
 * edit it and to add a review.
 */
import { useStateFrom } from '../../../use-state-from';
import { Link } from 'wouter';
import { useParams } from 'wouter';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { longDate, words } from '../shared/format';
import { DriverReviewForm } from './DriverReviewForm';
import { EditDriverForm } from './EditDriverForm';
import { mayEditIn } from '../../assessment/can-edit';
import { groupLabel } from './labels';
import type { Assessment, DriverWithHistory } from '../../../../api/index.js';

const high = (score: number) => (score >= 6 ? 'high' : 'low');

export function DriverPage() {
  const { driverId = '' } = useParams<{ driverId: string }>();
  const { me } = useSession();
  const loaded = useApi<DriverWithHistory>(`/drivers/${driverId}`);
  const assessments = useApi<Assessment[]>('/assessments');
  const [current, setCurrent] = useStateFrom<DriverWithHistory | undefined>(loaded.data);
  const period = (id: number) => assessments.data?.find((a) => a.id === id)?.period ?? `assessment ${id}`;
  return (
    <main id="main">
      <Await loaded={loaded}>
        {() => {
          const d = current ?? loaded.data!;
          const assessment = assessments.data?.find((a) => a.id === d.assessmentId);
          const open =
            assessment !== undefined && assessment.status !== 'approved' && assessment.status !== 'published';
          const canEdit = mayEditIn(me, d.organisationId);
          return (
            <>
              <p className="crumbs">
                <Link href={`/registers/drivers?assessment=${d.assessmentId}`}>Change drivers</Link>
              </p>
              <h1>
                Driver {d.number}: {d.name} <MarkingBadge marking={d.marking} />
              </h1>
              <dl className="facts">
                <dt>Assessment</dt>
                <dd>{period(d.assessmentId)}</dd>
                <dt>Group</dt>
                <dd>{groupLabel(d.challenge)}</dd>
                {d.pestelo !== null && (
                  <>
                    <dt>PESTELO</dt>
                    <dd>{words(d.pestelo)}</dd>
                  </>
                )}
                <dt>Now</dt>
                <dd>
                  impact <strong>{d.impact}</strong> ({high(d.impact)}), uncertainty <strong>{d.uncertainty}</strong> (
                  {high(d.uncertainty)}), reviewed {longDate(d.reviewedOn)}
                </dd>
                <dt>Themes</dt>
                <dd>{d.themes.length === 0 ? 'none' : d.themes.join(', ')}</dd>
                {d.carriedFrom !== null && (
                  <>
                    <dt>Carried from</dt>
                    <dd>
                      <Link href={`/registers/drivers/${d.carriedFrom}`}>driver {d.carriedFrom}</Link> of an earlier
                      assessment
                    </dd>
                  </>
                )}
              </dl>
              <section aria-labelledby="h-evidence">
                <h2 id="h-evidence">Evidence</h2>
                {d.evidence.length === 0 ? (
                  <p className="empty">No evidence notes yet.</p>
                ) : (
                  <ul>
                    {d.evidence.map((e, i) => (
                      <li key={i}>
                        {e.text}
                        {e.source !== null && <span className="method"> ({e.source})</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="h-reviews">
                <h2 id="h-reviews">Review history</h2>
                <div className="table-wrap">
                  <table>
                    <caption>Every review of driver {d.number}, oldest first (the first gave its first scores)</caption>
                    <thead>
                      <tr>
                        <th scope="col">Date</th>
                        <th scope="col" className="num">
                          Impact
                        </th>
                        <th scope="col" className="num">
                          Uncertainty
                        </th>
                        <th scope="col">Note</th>
                        <th scope="col">By</th>
                        <th scope="col">Recorded in</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.reviews.map((r) => (
                        <tr key={r.id}>
                          <th scope="row">
                            <time dateTime={r.dated}>{longDate(r.dated)}</time>
                          </th>
                          <td className="num">{r.impact}</td>
                          <td className="num">{r.uncertainty}</td>
                          <td>{r.note}</td>
                          <td>{r.author}</td>
                          <td>{period(r.assessmentId)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              {canEdit && open && (
                <EditDriverForm key={`edit-${d.id}`} driver={d} onSaved={loaded.reload} onConflict={setCurrent} />
              )}
              {canEdit ? (
                <DriverReviewForm key={d.id} driver={d} onSaved={loaded.reload} onConflict={setCurrent} />
              ) : (
                <p className="method">
                  Adding a review needs the analyst role in the organisation that holds the driver.
                </p>
              )}
            </>
          );
        }}
      </Await>
    </main>
  );
}
