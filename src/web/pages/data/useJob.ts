/** Follows a job: polls GET /jobs/:id every second until it is done or failed. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { ImportJob } from './types';

const POLL_MS = 1000;

export function useJob(id: number | undefined, onFinished: (job: ImportJob) => void): { job: ImportJob | undefined; error: string | undefined } {
  const [job, setJob] = useState<ImportJob | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api.get<ImportJob>(`/jobs/${id}`);
        if (!live) return;
        setJob(j);
        setError(undefined);
        if (j.status === 'done' || j.status === 'failed') onFinished(j);
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (!live) return;
        // A dropped connection is worth retrying; the job goes on on the server regardless.
        setError(e instanceof Error ? e.message : String(e));
        timer = setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    void poll();
    return () => { live = false; clearTimeout(timer); };
    // onFinished is deliberately not a dependency: a new callback must not restart the polling.
  }, [id]);
  return { job, error };
}
