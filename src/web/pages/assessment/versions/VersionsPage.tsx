/**
 * Versions and carry-forward (issue 14): this assessment's place in the line of versions and
 * years (the one it follows, the one it revises), a new version once approval has frozen it, and
 * what carried over from last year: each threat carried with last year's band, threats new this
 * year, last year's threats not carried, and the recommendations carried. Built from what the
 * user may see (hidden records are neither listed nor counted).
 */
import { Link, useParams } from 'wouter';
import { Await } from '../../../components/Status';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { mayEditIn } from '../can-edit';
import { NewVersionForm } from './NewVersionForm';
import { CarriedReport } from './CarriedReport';
import type { Assessment } from '../../../../api/index.js';

export function VersionsPage() {
  const { id } = useParams<{ id: string }>();
  const { me } = useSession();
  const assessment = useApi<Assessment>(`/assessments/${id}`);
  const all = useApi<Assessment[]>('/assessments');
  return (
    <main id="main">
      <h1>Versions and carry-forward</h1>
      <Await loaded={assessment}>
        {(a) => {
          const frozen = a.status === 'approved' || a.status === 'published';
          const later = (all.data ?? []).filter((x) => x.revisionOfId === a.id || x.previousId === a.id);
          return (
            <>
              <p>
                {a.title}: {a.period} {a.versionLabel}, {a.status.replace('_', ' ')}{' '}
                <MarkingBadge marking={a.marking} />.{' '}
                {a.revisionOfId !== null && (
                  <>
                    A new version of{' '}
                    <Link href={`/assessments/${a.revisionOfId}/versions`}>assessment {a.revisionOfId}</Link>.{' '}
                  </>
                )}
                {later.length > 0 && (
                  <>
                    Made from it:{' '}
                    {later.map((x, i) => (
                      <span key={x.id}>
                        {i > 0 && ', '}
                        <Link href={`/assessments/${x.id}/versions`}>
                          {x.period} {x.versionLabel}
                        </Link>
                      </span>
                    ))}
                    .
                  </>
                )}
              </p>
              <section aria-labelledby="h-new-version">
                <h2 id="h-new-version">A new version</h2>
                {!frozen ? (
                  <p>
                    This version is a {a.status.replace('_', ' ')}: change it directly. A new version is made once
                    approval has frozen it.
                  </p>
                ) : mayEditIn(me, a.organisationId) ? (
                  <NewVersionForm from={a} onCreated={() => all.reload()} />
                ) : (
                  <p>Approval froze this version. An analyst of {a.organisationId} can make a new one.</p>
                )}
              </section>
              <CarriedReport assessment={a} />
            </>
          );
        }}
      </Await>
    </main>
  );
}
