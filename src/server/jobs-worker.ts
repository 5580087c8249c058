/**
 * Runs queued jobs. Every server polls the store and claims one job at a time
 * (`FOR UPDATE SKIP LOCKED`), so a job runs once however many servers are up; progress and the
 * result are written back to the job row for any server to report. `runJob` is the work of one
 * claimed job, so a test can run a job without a polling loop.
 */
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { claimJob, finishJob, reportJobProgress, requeueJob, type Job, type Store } from '../store/index.js';
import { runImport } from '../warehouse/import/run-import.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { StraError } from '../errors.js';

export interface Worker {
  stop(): Promise<void>;
}

export interface JobOptions {
  readonly workspace: WorkspacePaths;
  readonly threads: number;
  readonly memoryLimit: string;
  readonly batchBytes: number;
  readonly log: (line: string) => void;
}

interface ImportParams {
  /** The upload batch folder (see routes/imports.ts). */
  readonly folder: string;
  readonly user: string;
}

/** How often progress is written to the job row at most: the page polls once a second. */
const PROGRESS_MS = 250;

/** Runs one claimed job to its end, recording the result or an error written for the user. */
export async function runJob(store: Store, job: Job, options: JobOptions): Promise<'ran' | 'busy'> {
  if (job.kind !== 'import') {
    await finishJob(store, job.id, { error: `This server cannot run jobs of kind "${job.kind}".` });
    return 'ran';
  }
  const params = job.params as ImportParams;
  try {
    let last = 0;
    const summary = await runImport(options.workspace, {
      paths: [params.folder], user: params.user, threads: options.threads, memoryLimit: options.memoryLimit, batchBytes: options.batchBytes,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        void reportJobProgress(store, job.id, { bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, rowsDone: p.rowsDone }).catch((err: unknown) => options.log(`job ${job.id}: progress not recorded: ${String(err)}`));
      },
    });
    await finishJob(store, job.id, { result: summary });
    // The rows are in the warehouse and the manifest keeps each file's SHA-256: the uploaded copy
    // is no longer needed. A failed batch is kept for the administrator to look at.
    await rm(params.folder, { recursive: true, force: true }).catch((err: unknown) => options.log(`job ${job.id}: upload folder not removed: ${String(err)}`));
  } catch (err) {
    if (err instanceof StraError && err.details?.['writerLockHeld'] === true) {
      // Another server (or a CLI import) is writing the warehouse: queue the job again for later.
      await requeueJob(store, job.id);
      return 'busy';
    }
    const message = err instanceof StraError ? err.message : 'The import failed on the server; the administrator can find the cause in the server log.';
    if (!(err instanceof StraError)) options.log(`job ${job.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await finishJob(store, job.id, { error: message });
  }
  return 'ran';
}

export function startWorker(store: Store, options: JobOptions, pollMs = 500): Worker {
  const name = `${hostname()}:${process.pid}`;
  let stopping = false;
  let wake: (() => void) | undefined;
  const tick = async (): Promise<boolean> => {
    const job = await claimJob(store, name, ['import']);
    if (job === undefined) return false;
    return (await runJob(store, job, options)) === 'ran';
  };
  const loop = async (): Promise<void> => {
    while (!stopping) {
      const worked = await tick().catch((err: unknown) => {
        options.log(`job worker: ${String(err)}`);
        return false;
      });
      if (!worked && !stopping) await new Promise<void>((resolve) => { wake = resolve; setTimeout(resolve, pollMs); });
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
