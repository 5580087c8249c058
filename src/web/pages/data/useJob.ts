/** Follows a job (an import by default, or any other kind): polls GET /jobs/:id every second until it is done or failed. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { ImportJob } from '../../../api/index.js';

const POLL_MS = 1000;

export function useJob<J extends { readonly status: string } = ImportJob>(
  id: number | undefined,
  onFinished: (job: J) => void,
): { job: J | undefined; error: string | undefined } {
  const [job, setJob] = useState<J | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api.get<J>(`/jobs/${id}`);
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
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onFinished is deliberately not a dependency: a new callback must not restart the polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return { job, error };
}
