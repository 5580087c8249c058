/**
 * Runs queued jobs. Every server polls the store and claims one job at a time
 * (`FOR UPDATE SKIP LOCKED`), so a job runs once however many servers are up; progress and the
 * result are written back to the job row for any server to report.
 */
import { hostname } from 'node:os';
import { claimJob, finishJob, reportJobProgress, type Store } from '../store/index.js';
import { runImport } from '../warehouse/import/run-import.js';
import type { ServerOptions } from './options.js';
import { StraError } from '../errors.js';

export interface Worker {
  stop(): Promise<void>;
}

interface ImportParams {
  readonly folder: string;
  readonly user: string;
}

export function startWorker(store: Store, options: ServerOptions & { readonly batchBytes: number }, pollMs = 500): Worker {
  const name = `${hostname()}:${process.pid}`;
  let stopping = false;
  let wake: (() => void) | undefined;
  const tick = async (): Promise<boolean> => {
    const job = await claimJob(store, name, ['import']);
    if (job === undefined) return false;
    const params = job.params as ImportParams;
    try {
      let last = 0;
      const summary = await runImport(options.workspace, {
        paths: [params.folder], user: params.user, threads: options.threads, memoryLimit: options.memoryLimit, batchBytes: options.batchBytes,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 250) return;
          last = now;
          void reportJobProgress(store, job.id, { bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, rowsDone: p.rowsDone }).catch((err: unknown) => options.log(`job ${job.id}: progress not recorded: ${String(err)}`));
        },
      });
      await finishJob(store, job.id, { result: summary });
    } catch (err) {
      const message = err instanceof StraError ? err.message : 'The import failed on the server; the administrator can find the cause in the server log.';
      if (!(err instanceof StraError)) options.log(`job ${job.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      await finishJob(store, job.id, { error: message });
    }
    return true;
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
