/**
 * The MoRiLE scoring workshop for one threat: the user's own score (each factor's level and why)
 * with the warehouse's evidence beside the factors; until they submit, only who has scored is
 * shown (no anchoring on colleagues' numbers); afterwards everyone's scores side by side with the
 * combined result, disagreements highlighted, and how sensitive the threat's rank is.
 */
import { useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { Await } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { hasRole, useSession } from '../../session';
import { useApi } from '../../use-api';
import { AssessorsTable } from './AssessorsTable';
import { EvidencePanel } from './EvidencePanel';
import { ScoreForm } from './ScoreForm';
import { SensitivityPanel } from './SensitivityPanel';
import type { Assessment, CombinedView, ThreatEvidence, WorkshopView } from '../../../api/index.js';

export function WorkshopPage() {
  const { id = '', threatId = '' } = useParams<{ id: string; threatId: string }>();
  const workshop = useApi<WorkshopView>(`/threats/${threatId}/workshop`);
  const evidence = useApi<ThreatEvidence>(`/threats/${threatId}/evidence`);
  const assessment = useApi<Assessment>(`/assessments/${id}`);
  const { me } = useSession();
  const canScore = hasRole(me, 'analyst') || hasRole(me, 'admin');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const assessorsHeading = useRef<HTMLHeadingElement>(null);
  const saved = (message?: string) => {
    setNotice(message);
    workshop.reload();
    // The comparison (revealed by a first submission) is what the user wants next: take them there.
    if (message !== undefined)
      setTimeout(() => {
        assessorsHeading.current?.scrollIntoView();
        assessorsHeading.current?.focus();
      }, 300);
  };
  return (
    <main id="main">
      <p className="crumbs">
        <Link href={`/assessments/${id}/threats`}>← Threats and scoring</Link>
      </p>
      {workshop.error !== undefined && <h1>Scoring workshop</h1>}
      <Await loaded={workshop}>
        {(w) => (
          <>
            <h1>
              {w.threat.name} <small>MoRiLE scoring workshop</small>
            </h1>
            <p>
              <MarkingBadge marking={w.threat.marking} /> Owner: {w.threat.owner ?? 'none'} · scored with {w.model.name}{' '}
              (version {w.model.version})
            </p>
            <p className="description">{w.threat.description}</p>
            <section aria-labelledby="h-assessors">
              <h2 id="h-assessors" ref={assessorsHeading} tabIndex={-1}>
                Assessors
              </h2>
              {notice !== undefined && (
                <p className="ok" role="status">
                  {notice}
                </p>
              )}
              {w.hidden ? (
                <div className="hidden-box" role="status">
                  <p>
                    <strong>Others' scores are hidden until you submit yours</strong>, so that each assessor scores
                    independently.
                  </p>
                  <p>Submitted so far: {w.submitted.length === 0 ? 'nobody yet' : w.submitted.join(', ')}.</p>
                </div>
              ) : (
                w.combined !== null && <AssessorsTable workshop={w} username={me?.username ?? ''} />
              )}
            </section>
            {!w.hidden && (
              <Sensitivity assessmentId={id} threatId={w.threat.id} model={w.model} version={w.mine?.version ?? 0} />
            )}
            <div className="workshop">
              <section aria-labelledby="h-score" className="workshop-form">
                <h2 id="h-score">{w.mine === null ? 'Your score' : 'Your score (submitted)'}</h2>
                {!canScore ? (
                  <p className="hidden-note">
                    Scoring needs the analyst role. You can read the evidence here and the combined result on the
                    threats page.
                  </p>
                ) : assessment.data?.status === 'approved' ? (
                  <p className="hidden-note">This assessment is approved, so its scores can no longer change.</p>
                ) : (
                  <ScoreForm
                    key={`${w.threat.id}-${w.mine?.version ?? 0}`}
                    threatId={w.threat.id}
                    model={w.model}
                    mine={w.mine}
                    evidence={evidence.data}
                    username={me?.username ?? ''}
                    onSaved={saved}
                  />
                )}
              </section>
              <aside aria-labelledby="h-evidence" className="workshop-evidence">
                <h2 id="h-evidence">Evidence from the warehouse</h2>
                <EvidencePanel loaded={evidence} />
              </aside>
            </div>
          </>
        )}
      </Await>
    </main>
  );
}

/** Rank and sensitivity derive from everyone's scores, so they too wait until the user has scored. */
function Sensitivity({
  assessmentId,
  threatId,
  model,
  version,
}: {
  assessmentId: string;
  threatId: number;
  model: WorkshopView['model'];
  version: number;
}) {
  // The version in the address makes both reload after the user changes their score.
  const combined = useApi<CombinedView>(`/assessments/${assessmentId}/combined?after=${version}`);
  return (
    <section aria-labelledby="h-sensitivity">
      <h2 id="h-sensitivity">Rank and its sensitivity</h2>
      <Await loaded={combined}>
        {(view) => {
          const entry = view.entries.find((e) => e.threatId === threatId);
          if (entry === undefined) return <p>This threat is not ranked yet.</p>;
          return (
            <>
              <p>
                Ranked <strong>{entry.rank}</strong> of {view.entries.length} scored threats you can see, band{' '}
                <strong>{entry.combined.band.label}</strong>.
              </p>
              <SensitivityPanel
                threatId={threatId}
                model={model}
                rank={entry.rank}
                count={view.entries.length}
                version={version}
              />
            </>
          );
        }}
      </Await>
    </section>
  );
}
