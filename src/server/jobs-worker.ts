/**
 * Runs queued jobs. Every server polls the store and claims one job at a time
 * (`FOR UPDATE SKIP LOCKED`), so a job runs once however many servers are up; progress and the
 * result are written back to the job row for any server to report. `runJob` is the work of one
 * claimed job, so a test can run a job without a polling loop.
 */
import { hostname } from 'node:os';
import { claimJob, finishJob, requeueJob, type Job, type Store } from '../store/index.js';
import { StraError } from '../errors.js';
import { runImportJob } from './jobs/import-job.js';
import type { JobOptions } from './jobs/job-options.js';
import { runReportJob } from './jobs/report-job.js';

export type { JobOptions };

export interface Worker {
  stop(): Promise<void>;
}

/** The kinds of job this server runs, each by its runner; the result is stored on the job. */
const RUNNERS: Record<string, (store: Store, job: Job, options: JobOptions) => Promise<unknown>> = {
  import: runImportJob,
  report: runReportJob,
};

export const JOB_KINDS = Object.keys(RUNNERS);

/** Runs one claimed job to its end, recording the result or an error written for the user. */
export async function runJob(store: Store, job: Job, options: JobOptions): Promise<'ran' | 'busy'> {
  const runner = RUNNERS[job.kind];
  if (runner === undefined) {
    await finishJob(store, job.id, { error: `This server cannot run jobs of kind "${job.kind}".` });
    return 'ran';
  }
  try {
    await finishJob(store, job.id, { result: await runner(store, job, options) });
  } catch (err) {
    if (err instanceof StraError && err.details?.['writerLockHeld'] === true) {
      // Another server (or a CLI import) is writing the warehouse: queue the job again for later.
      await requeueJob(store, job.id);
      return 'busy';
    }
    const message =
      err instanceof StraError
        ? err.message
        : `The ${job.kind} failed on the server; the administrator can find the cause in the server log.`;
    if (!(err instanceof StraError))
      options.log(`job ${job.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await finishJob(store, job.id, { error: message });
  }
  return 'ran';
}

export function startWorker(store: Store, options: JobOptions, pollMs = 500): Worker {
  const name = `${hostname()}:${process.pid}`;
  let stopping = false;
  let wake: (() => void) | undefined;
  const tick = async (): Promise<boolean> => {
    const job = await claimJob(store, name, JOB_KINDS);
    if (job === undefined) return false;
    return (await runJob(store, job, options)) === 'ran';
  };
  const loop = async (): Promise<void> => {
    while (!stopping) {
      const worked = await tick().catch((err: unknown) => {
        options.log(`job worker: ${String(err)}`);
        return false;
      });
      if (!worked && !stopping)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pollMs);
        });
    }
  };
  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
