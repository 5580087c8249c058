/** The import job: the uploaded batch folder imported into the warehouse, then removed. */
import { rm } from 'node:fs/promises';
import type { ImportSummary } from '../../api/index.js';
import { runImport } from '../../warehouse/import/run-import.js';
import { actorFor, type Job, type Store } from '../../store/index.js';
import { auditImport } from '../../warehouse/import-authority.js';
import { throttledProgress, type JobOptions } from './job-options.js';

interface ImportParams {
  /** The upload batch folder (see routes/imports.ts). */
  readonly folder: string;
  readonly user: string;
}

export async function runImportJob(store: Store, job: Job, options: JobOptions): Promise<ImportSummary> {
  const params = job.params as ImportParams;
  const progress = throttledProgress(store, job.id, options.log);
  const summary = await runImport(options.workspace, {
    paths: [params.folder],
    user: params.user,
    threads: options.threads,
    memoryLimit: options.memoryLimit,
    batchBytes: options.batchBytes,
    onProgress: (p) => progress({ bytesDone: p.bytesDone, bytesTotal: p.bytesTotal, rowsDone: p.rowsDone }),
  });
  // Every import and replacement, and who asked for it, goes into the audit (issue 13).
  await auditImport(store, await actorFor(store, params.user), summary);
  // The rows are in the warehouse and the manifest keeps each file's SHA-256: the uploaded copy
  // is no longer needed. A failed batch is kept for the administrator to look at.
  await rm(`${params.folder}.queued`, { force: true }).catch(() => undefined);
  await rm(params.folder, { recursive: true, force: true }).catch((err: unknown) =>
    options.log(`job ${job.id}: upload folder not removed: ${String(err)}`),
  );
  return summary;
}
