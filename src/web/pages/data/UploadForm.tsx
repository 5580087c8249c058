/**
 * Uploading police.uk files (.csv, or the .zip archives police.uk serves) and importing them:
 * each file is sent with its own progress bar, then the server's import job is followed until
 * it ends, and its summary shown. The page keeps no state the server does not have: a job
 * started before the page was opened is picked up again from GET /jobs.
 */
import { useEffect, useState, type DragEvent, type FormEvent } from 'react';
import { api, ApiError, upload } from '../../api';
import { ErrorNote } from '../../components/Status';
import { ImportResult } from './ImportResult';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';
import { bytes } from './format';
import type { ImportJob, UploadBatch } from '../../../api/index.js';

const ACCEPTED = /\.(csv|zip)$/i;

interface FileUpload {
  readonly file: File;
  readonly fraction: number;
  readonly state: 'waiting' | 'uploading' | 'uploaded' | 'refused';
  readonly message?: string;
}

export function UploadForm({ onImported }: { onImported: () => void }) {
  const [uploads, setUploads] = useState<FileUpload[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [jobId, setJobId] = useState<number | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const followed = useJob(jobId, () => {
    setBusy(false);
    onImported();
  });
  const job: ImportJob | undefined = followed.job;

  // An import this user started earlier (another tab, a reload) is still followed.
  useEffect(() => {
    api.get<ImportJob[]>('/jobs').then(
      (jobs) => {
        const open = jobs.find((j) => j.kind === 'import' && (j.status === 'queued' || j.status === 'running'));
        if (open !== undefined) setJobId((current) => current ?? open.id);
      },
      () => undefined,
    );
  }, []);

  const choose = (files: FileList | null) => {
    if (files === null) return;
    setJobId(undefined);
    setError(undefined);
    setUploads(
      [...files].map((file) =>
        ACCEPTED.test(file.name)
          ? { file, fraction: 0, state: 'waiting' }
          : { file, fraction: 0, state: 'refused', message: 'not a .csv or .zip file, so it will not be sent' },
      ),
    );
  };
  const patch = (i: number, change: Partial<FileUpload>) =>
    setUploads((all) => all.map((u, k) => (k === i ? { ...u, ...change } : u)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sendable = uploads.map((u, i) => [u, i] as const).filter(([u]) => u.state === 'waiting');
    if (sendable.length === 0) {
      setError('Choose at least one police.uk .csv file or .zip archive to upload.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { batch } = await api.post<UploadBatch>('/uploads');
      let sent = 0;
      for (const [u, i] of sendable) {
        patch(i, { state: 'uploading' });
        try {
          await upload(`/uploads/${batch}/files/${encodeURIComponent(u.file.name)}`, u.file, (fraction) =>
            patch(i, { fraction }),
          );
          patch(i, { state: 'uploaded', fraction: 1 });
          sent += 1;
        } catch (err) {
          patch(i, { state: 'refused', message: err instanceof Error ? err.message : String(err) });
        }
      }
      if (sent === 0) {
        setError('No file was uploaded, so nothing was imported.');
        setBusy(false);
        return;
      }
      const queued = await api.post<ImportJob>(`/uploads/${batch}/import`);
      setJobId(queued.id);
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!busy) choose(e.dataTransfer.files);
  };

  return (
    <section aria-labelledby="h-upload">
      <h2 id="h-upload">Upload police.uk files</h2>
      <form onSubmit={(e) => void submit(e)} className="upload-form">
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <label htmlFor="upload-files">
            Files to import (<code>.csv</code> or <code>.zip</code>; several at once)
          </label>
          <input
            id="upload-files"
            type="file"
            accept=".csv,.zip"
            multiple
            disabled={busy}
            aria-describedby="upload-hint"
            onChange={(e) => choose(e.target.files)}
          />
          <p id="upload-hint" className="method">
            Monthly street, outcomes and stop-and-search files as police.uk publishes them (
            <code>2018-03-west-mercia-street.csv</code>), or the archive zips. You can also drop files here. A file
            already loaded is recognised and left as it is.
          </p>
        </div>
        {uploads.length > 0 && (
          <ul className="upload-list" aria-label="Files chosen">
            {uploads.map((u, i) => (
              <li key={`${u.file.name}-${i}`}>
                <span className="upload-name" id={`upload-${i}`}>
                  {u.file.name}
                </span>{' '}
                <span className="method">{bytes(u.file.size)}</span>
                {u.state === 'refused' ? (
                  <span className="error"> Refused: {u.message}</span>
                ) : (
                  <>
                    <progress aria-labelledby={`upload-${i}`} value={u.fraction} max={1} />
                    <span className={u.state === 'uploaded' ? 'ok' : undefined}>
                      {u.state === 'uploaded'
                        ? 'Uploaded'
                        : u.state === 'uploading'
                          ? `${Math.floor(u.fraction * 100)}%`
                          : 'Waiting'}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={busy}>
          Upload and import
        </button>
      </form>
      {error !== undefined && <ErrorNote message={error} />}
      {followed.error !== undefined && (
        <p className="error" role="alert">
          Lost touch with the server ({followed.error}); still trying. The import goes on regardless.
        </p>
      )}
      {job !== undefined && (job.status === 'queued' || job.status === 'running') && <JobProgress job={job} />}
      {job?.status === 'failed' && (
        <ErrorNote message={`Import ${job.id} failed: ${job.error ?? 'no reason was given'}.`} />
      )}
      {job?.status === 'done' && job.result !== null && <ImportResult summary={job.result} />}
    </section>
  );
}
