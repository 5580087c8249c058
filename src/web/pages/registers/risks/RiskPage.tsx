/** One risk: its details, its history charted and listed, and (for analysts of its organisation) the forms to edit it and to add a review. */
import { useStateFrom } from '../../../use-state-from';
import { Link, useParams } from 'wouter';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { useSession } from '../../../session';
import { mayEditIn } from '../../assessment/can-edit';
import { EditRiskForm } from './EditRiskForm';
import { useApi } from '../../../use-api';
import { RiskDetails } from './RiskDetails';
import { RiskHistoryView } from './RiskHistoryView';
import { RiskReviewForm } from './RiskReviewForm';
import type { RiskHistory, RiskWithHistory } from '../../../../api/index.js';

export function RiskPage() {
  const { riskId = '' } = useParams<{ riskId: string }>();
  const { me } = useSession();
  const loaded = useApi<RiskWithHistory>(`/risks/${riskId}`);
  const history = useApi<RiskHistory>(`/risks/${riskId}/history`);
  // After a stale review the server's current risk replaces what was loaded.
  const [current, setCurrent] = useStateFrom<RiskWithHistory | undefined>(loaded.data);
  const reload = () => {
    loaded.reload();
    history.reload();
  };
  return (
    <main id="main">
      <p className="crumbs">
        <Link href="/registers/risks">Strategic risk register</Link>
      </p>
      <Await loaded={loaded}>
        {() => {
          const risk = current ?? loaded.data!;
          const rating = history.data?.series.at(-1)?.rating;
          const canEdit = mayEditIn(me, risk.organisationId);
          return (
            <>
              <h1>
                {risk.reference}: {risk.title} <MarkingBadge marking={risk.marking} />
              </h1>
              <RiskDetails risk={risk} rating={rating} />
              <section aria-labelledby="h-history">
                <h2 id="h-history">History</h2>
                <Await loaded={history}>{(h) => <RiskHistoryView history={h} title={risk.reference} />}</Await>
              </section>
              {canEdit && <EditRiskForm key={`edit-${risk.id}`} risk={risk} onSaved={reload} onConflict={setCurrent} />}
              {canEdit && history.data !== undefined ? (
                <RiskReviewForm
                  key={risk.id}
                  risk={risk}
                  scale={history.data.scale}
                  onSaved={reload}
                  onConflict={(now) => {
                    setCurrent(now);
                    history.reload();
                  }}
                />
              ) : (
                !canEdit && (
                  <p className="method">
                    Adding a review needs the analyst role in the organisation that holds the risk.
                  </p>
                )
              )}
            </>
          );
        }}
      </Await>
    </main>
  );
}
