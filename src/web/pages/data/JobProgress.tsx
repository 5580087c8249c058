/** A running import: rows read so far and the share of bytes done, as text and a progress bar. */
import { bytes, number } from './format';
import type { ImportJob } from '../../../api/index.js';

export function JobProgress({ job }: { job: ImportJob }) {
  const p = job.progress;
  const share = p === null || p.bytesTotal === 0 ? undefined : p.bytesDone / p.bytesTotal;
  const text =
    job.status === 'queued'
      ? 'Waiting for the server to start the import…'
      : p === null
        ? 'Reading the files…'
        : `${number(p.rowsDone)} rows read · ${bytes(p.bytesDone)} of ${bytes(p.bytesTotal)} (${Math.floor((share ?? 0) * 100)}%)`;
  return (
    <div className="job-progress">
      <p id={`job-${job.id}-label`}>
        Import {job.id}: {job.status}
      </p>
      <progress aria-labelledby={`job-${job.id}-label`} aria-describedby={`job-${job.id}-text`} value={share} max={1} />
      <p id={`job-${job.id}-text`} role="status">
        {text}
      </p>
    </div>
  );
}
