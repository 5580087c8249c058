/**
 * The Strategic Assessment document from the browser: choose the clearance to build for (never
 * above your own) and the formats, follow the build's progress, then preview the HTML and
 * download the PDF, the Word file and the build log. Every document built is kept and listed
 * (KeptDocuments), so it is opened again rather than rebuilt.
 */
import { useState, type FormEvent } from 'react';
import { useParams } from 'wouter';
import { api } from '../../../api';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { useSession } from '../../../session';
import { useJob } from '../../data/useJob';
import { useApi } from '../../../use-api';
import { KeptDocuments } from './KeptDocuments';
import { TitlePageForm } from '../SettingsForms';
import { MARKINGS } from '../../../../domain/marking.js';
import type { KeptDocumentsAnswer, Marking, ReportFormat, ReportJob, ReportRequest } from '../../../../api/index.js';
import { plural } from '../../../../domain/plural.js';

const FORMATS: ReadonlyArray<readonly [ReportFormat, string]> = [
  ['html', 'HTML (preview in the browser)'],
  ['pdf', 'PDF'],
  ['docx', 'Word (DOCX)'],
];
const LABELS: Record<string, string> = {
  html: 'Preview the HTML',
  pdf: 'Download the PDF',
  docx: 'Download the Word file',
  buildLogHtml: 'Build log (HTML: where each table and figure comes from)',
  buildLogText: 'Build log (text)',
  buildLogJson: 'Build log (JSON)',
};

export function DocumentPage() {
  const { id } = useParams<{ id: string }>();
  const { me } = useSession();
  const allowed = MARKINGS.slice(0, MARKINGS.indexOf(me?.clearance ?? 'OFFICIAL') + 1);
  const [clearance, setClearance] = useState<Marking>('OFFICIAL');
  const [formats, setFormats] = useState<ReportFormat[]>(['html', 'pdf', 'docx']);
  const [dataPeriod, setDataPeriod] = useState('');
  const [jobId, setJobId] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<ReportJob | undefined>(undefined);
  const kept = useApi<KeptDocumentsAnswer>(`/assessments/${id}/documents`);
  const followed = useJob<ReportJob>(jobId, (j) => {
    setDone(j);
    kept.reload();
  });
  const job = done ?? followed.job;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(undefined);
    try {
      const request: ReportRequest = {
        clearance,
        formats,
        ...(dataPeriod.trim() === '' ? {} : { dataPeriod: dataPeriod.trim() }),
      };
      const queued = await api.post<ReportJob>(`/assessments/${id}/reports`, request);
      setJobId(queued.id);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const busy = job !== undefined && (job.status === 'queued' || job.status === 'running');
  return (
    <main id="main">
      <h1>Strategic Assessment document</h1>
      <p>
        The document is built from the workspace: every figure computed, every source in the build log. It contains only
        records at or below the clearance you choose, and prints the highest marking it contains.
      </p>
      <TitlePageForm assessmentId={id} />
      <form onSubmit={(e) => void submit(e)} className="filters" aria-label="Build the document">
        <label>
          Build for clearance
          <select value={clearance} onChange={(e) => setClearance(e.target.value as Marking)}>
            {allowed.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Crime data period
          <input
            value={dataPeriod}
            onChange={(e) => setDataPeriod(e.target.value)}
            placeholder="latest complete year before the document's date"
            aria-describedby="data-period-help"
            size={34}
          />
        </label>
        <p id="data-period-help" className="hint">
          Blank: the latest complete financial year of crime data before the document&apos;s date. Or name one: 2016/17,
          or &quot;12 months to 2016-09&quot;.
        </p>
        <fieldset className="formats">
          <legend>Formats</legend>
          {FORMATS.map(([f, label]) => (
            <label key={f} className="inline">
              <input
                type="checkbox"
                checked={formats.includes(f)}
                onChange={(e) => setFormats(e.target.checked ? [...formats, f] : formats.filter((x) => x !== f))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy || formats.length === 0}>
          {busy ? 'Building…' : 'Build the document'}
        </button>
      </form>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {job !== undefined && <BuildStatus job={job} />}
      <KeptDocuments kept={kept} />
    </main>
  );
}

function BuildStatus({ job }: { job: ReportJob }) {
  if (job.status === 'failed')
    return (
      <p className="error" role="alert">
        The build failed: {job.error}
      </p>
    );
  if (job.status !== 'done' || job.result === null) {
    const p = job.progress;
    return (
      <section aria-labelledby="h-progress">
        <h2 id="h-progress">Building</h2>
        <p role="status">
          {p === null ? 'Waiting for the server to start the build…' : `${p.step} (${p.done} of ${p.total})`}
        </p>
        {p !== null && <progress aria-labelledby="h-progress" value={p.done} max={p.total} />}
      </section>
    );
  }
  const r = job.result;
  return (
    <section aria-labelledby="h-built">
      <h2 id="h-built">Built</h2>
      <p role="status">
        The document is marked <MarkingBadge marking={r.marking} />.{' '}
        {r.omitted === 0
          ? 'Nothing was left out.'
          : `${plural(r.omitted, 'item')} ${r.omitted === 1 ? 'was' : 'were'} left out; the build log says which and why.`}
      </p>
      <ul>
        {Object.entries(r.files).map(([kind, file]) => (
          <li key={kind}>
            <a
              href={`/api/reports/${job.id}/${encodeURIComponent(file)}`}
              target={kind === 'html' ? '_blank' : undefined}
              rel="noreferrer"
            >
              {LABELS[kind] ?? file}
            </a>{' '}
            <span className="method">({file})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
