/**
 * Environmental scanning: the change drivers of an assessment on the impact × uncertainty matrix,
 * grouped as Social, Partner and Policing Challenges, read together for cross-cutting themes
 * ("meta" use) and chosen for a topic ("configured" use); the drivers as CSV. An analyst or admin
 * of the assessment's organisation adds a driver here while the assessment is open.
 */
import { useState } from 'react';
import { useSearch } from 'wouter';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { useSession } from '../../../session';
import { mayEditIn } from '../../assessment/can-edit';
import { NewDriverForm } from './NewDriverForm';
import { AssessmentChoice, chosenAssessment } from './AssessmentChoice';
import { DriverMatrixView } from './DriverMatrixView';
import { Configurations, DriverGroups, ThemesTable } from './DriverUses';
import type * as api from '../../../../api/index.js';

export function DriversPage() {
  const assessments = useApi<api.Assessment[]>('/assessments');
  const search = useSearch();
  return (
    <main id="main">
      <h1>Change drivers</h1>
      <p className="lede">
        Environmental scanning: the drivers of future change, placed by a professional view of their impact and level of
        uncertainty.
      </p>
      <Await loaded={assessments}>
        {(list) => {
          const chosen = chosenAssessment(search, list);
          if (chosen === undefined)
            return <p className="empty">There is no assessment you can see, so there are no change drivers to show.</p>;
          return (
            <>
              <AssessmentChoice assessments={list} chosen={chosen} />
              <Drivers key={chosen.id} assessment={chosen} />
            </>
          );
        }}
      </Await>
    </main>
  );
}

function Drivers({ assessment }: { assessment: api.Assessment }) {
  const matrix = useApi<api.DriverMatrixView>(`/assessments/${assessment.id}/drivers/matrix`);
  const meta = useApi<api.DriverMetaView>(`/assessments/${assessment.id}/drivers/themes`);
  const configurations = useApi<api.DriverConfiguration[]>(`/assessments/${assessment.id}/driver-configurations`);
  const { me } = useSession();
  const [adding, setAdding] = useState(false);
  const open = assessment.status !== 'approved' && assessment.status !== 'published';
  const canAdd = open && mayEditIn(me, assessment.organisationId);
  return (
    <>
      {canAdd && (
        <p>
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? 'Close the new driver form' : 'New driver'}
          </button>
        </p>
      )}
      {canAdd && adding && (
        <NewDriverForm
          assessmentId={assessment.id}
          onAdded={() => {
            matrix.reload();
            meta.reload();
          }}
        />
      )}
      <section aria-labelledby="h-matrix">
        <h2 id="h-matrix">Impact and uncertainty</h2>
        <Await loaded={matrix}>
          {(m) => {
            const count = m.quadrants.reduce((n, q) => n + q.drivers.length, 0);
            if (count === 0) return <p className="empty">{assessment.period} has no change drivers you can see.</p>;
            return (
              <>
                <p>
                  {count} drivers of {assessment.period}, each scored 1 to 10 for impact and for uncertainty; 6 and
                  above is high. <MarkingBadge marking={m.marking} />{' '}
                  <a href={`/api/assessments/${assessment.id}/drivers.csv`} download>
                    Download the drivers as CSV
                  </a>
                </p>
                <DriverMatrixView matrix={m} period={assessment.period} />
              </>
            );
          }}
        </Await>
      </section>
      <Await loaded={meta}>
        {(mt) => (
          <>
            <section aria-labelledby="h-groups">
              <h2 id="h-groups">Drivers by group</h2>
              <DriverGroups meta={mt} />
            </section>
            <section aria-labelledby="h-themes">
              <h2 id="h-themes">Themes (meta use)</h2>
              <p>
                All the drivers read together, to draw out the themes that cut across them and affect as many partners
                as possible.
              </p>
              <ThemesTable meta={mt} />
            </section>
          </>
        )}
      </Await>
      <section aria-labelledby="h-configurations">
        <h2 id="h-configurations">Configurations (configured use)</h2>
        <p>For a topic, the most relevant (primary) drivers, then a secondary set.</p>
        <Await loaded={configurations}>{(list) => <Configurations configurations={list} />}</Await>
      </section>
    </>
  );
}
