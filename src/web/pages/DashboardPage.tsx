/** An assessment at a glance: what is loaded, scored, approved and overdue. */
import { dayText, momentText, monthText } from '../dates';
import { Link } from 'wouter';
import { useApi } from '../use-api';
import { Await } from '../components/Status';
import { MarkingBadge } from '../components/MarkingBadge';
import type { Dashboard, WarehouseSummary } from '../../api/index.js';

export function DashboardPage({ assessmentId }: { assessmentId: number }) {
  const dashboard = useApi<Dashboard>(`/assessments/${assessmentId}/dashboard`);
  const warehouse = useApi<WarehouseSummary>('/trends/warehouse');
  return (
    <main id="main">
      <Await loaded={dashboard}>
        {(d) => (
          <>
            <h1>
              {d.assessment.title ?? 'Strategic Assessment'}{' '}
              <small>
                {d.assessment.period} · {d.assessment.versionLabel}
              </small>
            </h1>
            <p>
              Status: <strong>{d.assessment.status.replace('_', ' ')}</strong>{' '}
              <MarkingBadge marking={d.assessment.marking} />
            </p>
            <div className="cards">
              <section className="card" aria-labelledby="card-threats">
                <h2 id="card-threats">Threats scored</h2>
                <p className="big">
                  {d.threats.scored} <span>of {d.threats.total}</span>
                </p>
                <p>
                  {d.threats.disagreements} with assessors disagreeing · assessors:{' '}
                  {d.threats.assessors.join(', ') || 'none yet'}
                </p>
                {d.threats.unscored.length > 0 && <p>Not scored: {d.threats.unscored.join(', ')}</p>}
                <Link href={`/assessments/${assessmentId}/threats`}>Threats and scoring</Link>
              </section>
              <section className="card" aria-labelledby="card-strategy">
                <h2 id="card-strategy">Control Strategy</h2>
                <p className="big">
                  {d.controlStrategy.status === 'hidden' ? 'not visible to you' : d.controlStrategy.status}
                </p>
                {d.controlStrategy.status === 'approved' && (
                  <p>
                    Approved by {d.controlStrategy.approvedBy} on {momentText(d.controlStrategy.approvedAt)}
                  </p>
                )}
                {d.controlStrategy.status !== 'hidden' && <p>{d.controlStrategy.priorities} priorities</p>}
                {d.controlStrategy.atClearance && (
                  <p className="method">Shown at your clearance: material above it is withheld.</p>
                )}
                <Link href={`/assessments/${assessmentId}/control-strategy`}>Control Strategy</Link>
              </section>
              <section className="card" aria-labelledby="card-recs">
                <h2 id="card-recs">Recommendations</h2>
                <p className="big">
                  {d.recommendations.open} <span>open of {d.recommendations.total}</span>
                </p>
                <p>
                  {Object.entries(d.recommendations.byStatus)
                    .map(([s, n]) => `${n} ${s.replace('_', ' ')}`)
                    .join(' · ') || 'none'}
                </p>
                <Link href={`/assessments/${assessmentId}/recommendations`}>Recommendations</Link>
              </section>
              <section className="card" aria-labelledby="card-overdue">
                <h2 id="card-overdue">Risk reviews overdue</h2>
                <p className="big">
                  {d.overdueRisks.risks.length} <span>as of {d.overdueRisks.asOf}</span>
                </p>
                {d.overdueRisks.risks.length > 0 && (
                  <ul className="compact">
                    {d.overdueRisks.risks.map((r) => (
                      <li key={r.id}>
                        <Link href={`/registers/risks/${r.id}`}>{r.title}</Link> ({r.owner}; due {dayText(r.nextReview)}
                        )
                      </li>
                    ))}
                  </ul>
                )}
                <Link href="/registers/risks">Strategic risks</Link>
              </section>
              <section className="card" aria-labelledby="card-data">
                <h2 id="card-data">Crime data loaded</h2>
                <Await loaded={warehouse}>
                  {(w) => (
                    <>
                      <p className="big">
                        {w.latestMonth === null ? 'none' : monthText(w.latestMonth)} <span>latest month</span>
                      </p>
                      <p>
                        {w.forces.length} forces · {w.imports} imports
                      </p>
                    </>
                  )}
                </Await>
                <Link href="/data">Data and imports</Link>
              </section>
            </div>
          </>
        )}
      </Await>
    </main>
  );
}
