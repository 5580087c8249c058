/**
 * The Control Strategy: the priorities, the intelligence requirements and business as usual,
 * each threat with the reason it is there; its status and who approved it when. An approver
 * approves what they are reading: the page sends the digest shown, so a strategy that changed
 * since (a score moved) is refused rather than approved unseen; and approving (which freezes the
 * scores) is confirmed in a second step. A reader cleared below the strategy's marking sees it as
 * derived from what they may see, with a plain notice of how much was withheld. Under the bands,
 * each priority's and intelligence requirement's plan is read and edited (StrategyPlans.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiError } from '../../api';
import { ErrorNote, Loading } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { hasRole, useSession } from '../../session';
import { dateTime, fixed } from './format';
import { StrategyPlans } from './StrategyPlans';
import { HeadingsForm } from './SettingsForms';
import type { ApproveControlStrategy, ControlStrategyView, StrategyEntry } from '../../../api/index.js';

export function ControlStrategyPage() {
  const { id = '' } = useParams<{ id: string }>();
  // Fetched here rather than with useApi: a 404 (not visible to you) is told apart from other failures.
  const [view, setView] = useState<ControlStrategyView | undefined>(undefined);
  const [failure, setFailure] = useState<{ status: number; message: string } | undefined>(undefined);
  const load = useCallback(() => {
    api.get<ControlStrategyView>(`/assessments/${id}/control-strategy`).then(
      (v) => {
        setView(v);
        setFailure(undefined);
      },
      (e: unknown) =>
        setFailure({
          status: e instanceof ApiError ? e.status : 0,
          message: e instanceof Error ? e.message : String(e),
        }),
    );
  }, [id]);
  useEffect(load, [load]);
  return (
    <main id="main">
      <h1>Control Strategy</h1>
      {failure !== undefined ? (
        failure.status === 404 ? (
          <NotVisible message={failure.message} />
        ) : (
          <ErrorNote message={failure.message} />
        )
      ) : view === undefined ? (
        <Loading />
      ) : (
        <Strategy view={view} assessmentId={id} reload={load} />
      )}
    </main>
  );
}

/** The API answers 404 alike for a strategy marked above the user and one outside their organisations. */
function NotVisible({ message }: { message: string }) {
  return (
    <div className="hidden-box" role="alert">
      <p>
        <strong>The Control Strategy is not visible to you.</strong> It is derived from every threat and score of the
        assessment, so it carries the highest marking among them, which is above your clearance (or it is not shared
        with your organisation).
      </p>
      <p className="method">The server said: {message}</p>
    </div>
  );
}

function Strategy({
  view,
  assessmentId,
  reload,
}: {
  view: ControlStrategyView;
  assessmentId: string;
  reload: () => void;
}) {
  const s = view.strategy;
  const { me } = useSession();
  return (
    <>
      <p className="status-line">
        Status: <strong>{view.status === 'approved' ? 'Approved' : 'Draft (not yet approved)'}</strong>{' '}
        {view.status === 'approved' && (
          <>
            by <strong>{view.approvedBy ?? 'unknown'}</strong> on {dateTime(view.approvedAt)}
          </>
        )}{' '}
        <MarkingBadge marking={view.marking} />
      </p>
      {view.aboveClearance !== null && (
        <div className="callout warn" role="note" aria-label="Material withheld">
          <p>
            <strong>Shown at your clearance ({me?.clearance ?? 'OFFICIAL'}).</strong> Material above it is withheld:{' '}
            {count(view.aboveClearance.threats, 'threat')} and {count(view.aboveClearance.scores, 'score')}. The bands
            below are worked out from the threats and scores you may see, so they can differ from the{' '}
            {view.status === 'approved' ? 'approved' : 'full'} strategy; ask someone with higher clearance for that.
          </p>
        </div>
      )}
      <p className="method">
        Derived from the ranked, banded MoRiLE scores. Actions are written under the headings{' '}
        {s.headings.map((h) => h.label).join(', ')}. Digest of this strategy: <code>{view.digest.slice(0, 12)}</code>.
      </p>
      {view.unscored.length > 0 && (
        <p className="error" role="status">
          Not scored yet ({view.unscored.length}): {view.unscored.map((u) => u.name).join(', ')}. The strategy cannot be
          approved until every threat is scored.
        </p>
      )}
      <Band
        id="priorities"
        title="Priorities"
        lede="Threats in the priority band: the alliance acts on these first."
        entries={s.priorities}
        assessmentId={assessmentId}
      />
      <Band
        id="intelligence"
        title="Intelligence requirements"
        lede="Threats where more must be known: the intelligence band, and priorities scored with low confidence."
        entries={s.intelligenceRequirements}
        assessmentId={assessmentId}
      />
      <Band
        id="bau"
        title="Business as usual"
        lede="Threats managed through normal business."
        entries={s.businessAsUsual}
        assessmentId={assessmentId}
      />
      <HeadingsForm assessmentId={assessmentId} approved={view.status === 'approved'} onSaved={reload} />
      <StrategyPlans
        key={s.headings.map((h) => h.id).join()}
        assessmentId={assessmentId}
        priorities={s.priorities}
        intelligence={s.intelligenceRequirements}
      />
      <Approval view={view} assessmentId={assessmentId} reload={reload} />
    </>
  );
}

function Band({
  id,
  title,
  lede,
  entries,
  assessmentId,
}: {
  id: string;
  title: string;
  lede: string;
  entries: readonly StrategyEntry[];
  assessmentId: string;
}) {
  return (
    <section aria-labelledby={`band-${id}`} className={`strategy-band band-${id}`}>
      <h2 id={`band-${id}`}>
        {title} <small>({entries.length})</small>
      </h2>
      <p className="method">{lede}</p>
      {entries.length === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <div className="table-wrap">
          <table className="strategy">
            <caption className="sr-only">{title}</caption>
            <colgroup>
              <col className="c-rank" />
              <col className="c-threat" />
              <col className="c-num" />
              <col className="c-num" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Threat</th>
                <th scope="col" className="num">
                  Score (s)
                </th>
                <th scope="col" className="num">
                  Priority
                </th>
                <th scope="col">Why it is here</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.threatId}>
                  <td className="num">{e.rank}</td>
                  <th scope="row">
                    <Link href={`/assessments/${assessmentId}/threats/${e.threatId}`}>{e.name}</Link>
                  </th>
                  <td className="num">{fixed(e.s, 3)}</td>
                  <td className="num">{fixed(e.priority, 1)}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Approval({
  view,
  assessmentId,
  reload,
}: {
  view: ControlStrategyView;
  assessmentId: string;
  reload: () => void;
}) {
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  if (view.status === 'approved')
    return result?.ok === true ? (
      <p className="ok" role="status">
        {result.text}
      </p>
    ) : null;
  if (view.aboveClearance !== null)
    return <p className="method">Approval needs clearance to read the whole strategy; it is not offered here.</p>;
  if (!hasRole(me, 'approver')) {
    return (
      <p className="method">
        Approval is for the Strategic Tasking and Co-ordination Group: users with the approver role.
      </p>
    );
  }
  const approve = async () => {
    setConfirming(false);
    setBusy(true);
    setResult(undefined);
    try {
      const done = await api.post<ControlStrategyView>(`/assessments/${assessmentId}/control-strategy/approve`, {
        expectedDigest: view.digest,
      } satisfies ApproveControlStrategy);
      setResult({ ok: true, text: `Approved by ${done.approvedBy ?? 'you'} on ${dateTime(done.approvedAt)}.` });
      reload();
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="h-approve" className="approve panel">
      <h2 id="h-approve">Approve</h2>
      <p>
        Approving records you as the approver of the strategy shown above (digest{' '}
        <code>{view.digest.slice(0, 12)}</code>) and freezes the assessment's scores. If anything has changed since this
        page was loaded, the approval is refused and you can review the new strategy.
      </p>
      {confirming ? (
        <div className="callout warn" role="alertdialog" aria-labelledby="h-confirm-approve">
          <p id="h-confirm-approve">
            <strong>Approve and freeze the scores?</strong> Once approved, no threat or score of this assessment can
            change; a change needs a new version of the assessment.
          </p>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void approve()}>
              Yes, approve and freeze
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" disabled={busy || view.unscored.length > 0} onClick={() => setConfirming(true)}>
          Approve the Control Strategy
        </button>
      )}
      {result !== undefined &&
        (result.ok ? (
          <p className="ok" role="status">
            {result.text}
          </p>
        ) : (
          <>
            <ErrorNote message={result.text} />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setResult(undefined);
                reload();
              }}
            >
              Reload the strategy
            </button>
          </>
        ))}
    </section>
  );
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
