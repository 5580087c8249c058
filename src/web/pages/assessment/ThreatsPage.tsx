/**
 * The threats of an assessment that the user may see: marking, owner, combined score, band and
 * rank, which are not scored yet and where assessors disagree; each links to its scoring
 * workshop. Analysts and admins add threats to a draft assessment, edit their description, owner
 * and linked crime categories (a stale save shows what changed) and retire them.
 */
import { useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { Await } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { useSession } from '../../session';
import { mayEditIn } from './can-edit';
import { NewThreatForm } from './NewThreatForm';
import { ScoresUpload } from './ScoresUpload';
import { useApi } from '../../use-api';
import { fixed, factorOf } from './format';
import { ThreatEditor } from './ThreatEditor';
import type { Assessment, CombinedView, RankedEntry, ScoringModel, Threat } from '../../../api/index.js';
import { SortHeader, TableFilter, useTableView, type ViewColumn } from '../../components/table-view';

export function ThreatsPage() {
  const { id = '' } = useParams<{ id: string }>();
  const threats = useApi<Threat[]>(`/assessments/${id}/threats`);
  const assessment = useApi<Assessment>(`/assessments/${id}`);
  const combined = useApi<CombinedView>(`/assessments/${id}/combined`);
  const model = useApi<ScoringModel>(`/assessments/${id}/model`);
  const { me } = useSession();
  const canEdit = assessment.data !== undefined && mayEditIn(me, assessment.data.organisationId);
  const frozen = assessment.data?.status === 'approved' || assessment.data?.status === 'published';
  const [adding, setAdding] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [retired, setRetired] = useState<string | undefined>(undefined);
  const addHeading = useRef<HTMLDivElement>(null);
  const reloadAll = () => {
    threats.reload();
    combined.reload();
  };
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const editorHeading = useRef<HTMLHeadingElement>(null);
  const startEditing = (threatId: number) => {
    setEditing(threatId);
    // Move focus to the editor so keyboard and screen-reader users land where the form is.
    requestAnimationFrame(() => editorHeading.current?.focus());
  };
  return (
    <main id="main">
      <h1>Threats and scoring</h1>
      <p className="lede">
        Each threat is scored with MoRiLE by one or more assessors; their scores are combined (median) and ranked. Open
        a threat to score it.
      </p>
      {canEdit && !frozen && (
        <div className="actions">
          <button
            type="button"
            aria-expanded={adding}
            onClick={() => {
              setAdding(!adding);
              requestAnimationFrame(() => addHeading.current?.querySelector<HTMLElement>('input')?.focus());
            }}
          >
            Add a threat
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={uploading}
            onClick={() => {
              setUploading(!uploading);
              requestAnimationFrame(() => addHeading.current?.querySelector<HTMLElement>('#scores-file')?.focus());
            }}
          >
            Upload a scores file
          </button>
        </div>
      )}
      {canEdit && frozen && (
        <p>
          This assessment is {assessment.data?.status}: its threats can no longer change. Start a new version or next
          year’s from the Assessments page.
        </p>
      )}
      <div ref={addHeading}>
        {adding && (
          <section className="panel">
            <NewThreatForm assessmentId={id} onAdded={reloadAll} />
          </section>
        )}
        {uploading && (
          <section className="panel">
            <ScoresUpload assessmentId={id} onImported={reloadAll} />
          </section>
        )}
      </div>
      {retired !== undefined && (
        <p className="ok" role="status">
          {retired}
        </p>
      )}
      <Await loaded={threats}>
        {(list) => (
          <Await loaded={combined}>
            {(view) => (
              <>
                <Summary view={view} total={list.length} />
                <ThreatTable
                  threats={list}
                  view={view}
                  model={model.data}
                  canEdit={canEdit && !frozen}
                  onEdit={startEditing}
                  editing={editing}
                  assessmentId={id}
                />
                {editing !== undefined && list.some((t) => t.id === editing) && (
                  <section aria-labelledby="edit-heading" className="panel">
                    <h2 id="edit-heading" ref={editorHeading} tabIndex={-1}>
                      Edit threat: {list.find((t) => t.id === editing)?.name}
                    </h2>
                    <ThreatEditor
                      key={editing}
                      threatId={editing}
                      onSaved={reloadAll}
                      onClose={() => setEditing(undefined)}
                      onRetired={(name) => {
                        setEditing(undefined);
                        setRetired(`Retired “${name}” and its scores.`);
                        reloadAll();
                      }}
                    />
                  </section>
                )}
              </>
            )}
          </Await>
        )}
      </Await>
    </main>
  );
}

function Summary({ view, total }: { view: CombinedView; total: number }) {
  const disagreeing = view.entries.filter((e) => e.disagreements.length > 0).length;
  return (
    <p role="status">
      {total} threats you can see · {view.entries.length} scored · <strong>{view.unscored.length} not scored</strong>
      {view.unscored.length > 0 && <> ({view.unscored.map((u) => u.name).join(', ')})</>} · {disagreeing} with assessors
      disagreeing · combined by {view.method}
      {view.withheld.length > 0 && (
        <>
          {' '}
          · <strong>{view.withheld.length} withheld</strong> until you submit your own score for them (each assessor
          scores independently)
        </>
      )}
    </p>
  );
}

interface TableProps {
  readonly threats: readonly Threat[];
  readonly view: CombinedView;
  readonly model: ScoringModel | undefined;
  readonly canEdit: boolean;
  readonly editing: number | undefined;
  readonly onEdit: (threatId: number) => void;
  readonly assessmentId: string;
}

function ThreatTable({ threats, view, model, canEdit, editing, onEdit, assessmentId }: TableProps) {
  const entries = new Map(view.entries.map((e) => [e.threatId, e]));
  const withheld = new Set(view.withheld.map((w) => w.threatId));
  const ordered = [...threats].sort(
    (a, b) =>
      (entries.get(a.id)?.rank ?? Infinity) - (entries.get(b.id)?.rank ?? Infinity) || a.name.localeCompare(b.name),
  );
  const columns: ViewColumn<Threat>[] = [
    { header: 'Rank', sort: (t) => entries.get(t.id)?.rank },
    { header: 'Threat', sort: (t) => t.name },
    { header: 'Marking', sort: (t) => t.marking },
    { header: 'Owner', sort: (t) => t.owner },
    { header: 'Score (s)', sort: (t) => entries.get(t.id)?.combined.s },
    { header: 'Band', sort: (t) => entries.get(t.id)?.combined.band.label },
    { header: 'Disagreements', sort: (t) => entries.get(t.id)?.disagreements.length },
  ];
  const sorting = useTableView(ordered, columns);
  return (
    <>
      <TableFilter view={sorting} what="threats" />
      <div className="table-wrap">
        <table className="threats">
          <caption>Threats ranked by combined MoRiLE priority (unscored threats last)</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <SortHeader
                  key={c.header}
                  view={sorting}
                  column={i}
                  className={i === 0 || i === 4 ? 'num' : undefined}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorting.rows.map((t) => {
              const e = entries.get(t.id);
              return (
                <tr key={t.id} className={e !== undefined && e.disagreements.length > 0 ? 'disagree' : undefined}>
                  <td className="num">{e?.rank ?? '–'}</td>
                  <th scope="row">
                    <Link href={`/assessments/${assessmentId}/threats/${t.id}`}>{t.name}</Link>
                    {canEdit && (
                      <div>
                        <button
                          type="button"
                          className="secondary small"
                          aria-pressed={editing === t.id}
                          onClick={() => onEdit(t.id)}
                        >
                          Edit<span className="sr-only"> {t.name}</span>
                        </button>
                      </div>
                    )}
                  </th>
                  <td>
                    <MarkingBadge marking={t.marking} />
                  </td>
                  <td>{t.owner ?? <span className="empty">no owner</span>}</td>
                  <td className="num">{e === undefined ? '–' : fixed(e.combined.s, 3)}</td>
                  <td>
                    {e !== undefined ? (
                      <BandCell entry={e} />
                    ) : withheld.has(t.id) ? (
                      <span className="hidden-note">Withheld until you score it</span>
                    ) : (
                      <strong>Not scored</strong>
                    )}
                  </td>
                  <td>{withheld.has(t.id) ? '–' : <Disagreements entry={e} model={model} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function BandCell({ entry }: { entry: RankedEntry }) {
  const c = entry.combined;
  return (
    <>
      <span className={`band band-${c.band.category}`}>{c.band.label}</span>
      {c.intelligenceRequirement === 'low-confidence' && (
        <span className="tag">+ intelligence requirement (low confidence)</span>
      )}
      <div className="method">
        {entry.assessors.length} assessor{entry.assessors.length === 1 ? '' : 's'}
      </div>
    </>
  );
}

function Disagreements({ entry, model }: { entry: RankedEntry | undefined; model: ScoringModel | undefined }) {
  if (entry === undefined || entry.disagreements.length === 0) return <span className="empty">none</span>;
  return (
    <ul className="plain">
      {entry.disagreements.map((d) => {
        const factor = model === undefined ? undefined : factorOf(model, d.factor);
        const label = (v: number) => factor?.levels.find((l) => l.value === v)?.label ?? String(v);
        return (
          <li key={d.factor}>
            ⚠ <strong>{factor?.label ?? d.factor}</strong> {label(d.lowest)} to {label(d.highest)}
          </li>
        );
      })}
    </ul>
  );
}
