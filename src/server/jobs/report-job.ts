/**
 * The report job: the assessment's document built as the user who asked (loaded afresh, so a
 * clearance changed since applies), for the clearance they chose, into
 * WORKSPACE/reports/<job id>/. The result names the files (no server paths), the marking printed
 * and what the build log says was left out.
 */
import path from 'node:path';
import type { ReportResult } from '../../api/index.js';
import { generateReport, parseDataPeriod, type Format } from '../../report/index.js';
import { actorFor, getAssessment, recordEvent, type Actor, type Job, type Store } from '../../store/index.js';
import type { Marking } from '../../domain/marking.js';
import { StraError } from '../../errors.js';
import { openWarehouse } from '../../warehouse/reader.js';
import { readCatalog } from '../../warehouse/catalog.js';
import { throttledProgress, type JobOptions } from './job-options.js';

export interface ReportParams {
  readonly assessmentId: number;
  readonly clearance: Marking;
  readonly formats: readonly Format[];
  readonly username: string;
  /** The crime data period asked for ("2016/17", "12 months to 2016-09"); default chosen by the build. */
  readonly dataPeriod?: string;
}

export const reportFolder = (options: Pick<JobOptions, 'workspace'>, jobId: number) =>
  path.join(options.workspace.root, 'reports', String(jobId));

export async function runReportJob(store: Store, job: Job, options: JobOptions): Promise<ReportResult> {
  const params = job.params as ReportParams;
  const builder = await actorFor(store, params.username);
  const progress = throttledProgress(store, job.id, options.log);
  const catalog = await readCatalog(options.workspace.catalog);
  const warehouse =
    Object.keys(catalog.partitions).length === 0
      ? null
      : await openWarehouse(options.workspace, { threads: options.threads, memoryLimit: options.memoryLimit });
  try {
    const built = await generateReport({
      store,
      builder,
      assessment: String(params.assessmentId),
      clearance: params.clearance,
      workspaceRoot: options.workspace.root,
      warehouse,
      formats: params.formats,
      dataPeriod: params.dataPeriod === undefined ? undefined : parseDataPeriod(params.dataPeriod),
      outDir: reportFolder(options, job.id),
      onProgress: (step, done, total) => progress({ step, done, total }, done === total),
    }).catch(async (err: unknown) => {
      await auditFailedBuild(store, builder, job, params, err, options.log);
      throw err;
    });
    const { document, outputs } = built;
    const files = Object.fromEntries(Object.entries(outputs.files).map(([k, f]) => [k, path.basename(f)]));
    const result: ReportResult = {
      marking: document.meta.marking,
      files,
      omitted: outputs.log.entries.filter((e) => e.kind === 'omitted').length,
    };
    // The files now on the server are a disclosure of their own (issue 13): who built what, for
    // which clearance, at which marking, into which files. The queuing was audited as 'build'.
    await recordEvent(store, builder, {
      action: 'built',
      table: 'assessments',
      recordId: params.assessmentId,
      marking: result.marking,
      organisationId: job.organisationId ?? (await getAssessment(store, builder, params.assessmentId)).organisationId,
      after: { job: job.id, clearance: params.clearance, marking: result.marking, files, omitted: result.omitted },
    });
    return result;
  } finally {
    warehouse?.close();
  }
}

/**
 * A build that failed is audited too (issue 13): who tried to build what, for which clearance,
 * and why it failed; nothing was disclosed. The row is held at the clearance asked for, the most
 * its error could reveal. A row that cannot be written is logged, not lost without a word.
 */
async function auditFailedBuild(
  store: Store,
  builder: Actor,
  job: Job,
  params: ReportParams,
  err: unknown,
  log: (line: string) => void,
): Promise<void> {
  // As the job's own answer says it: a typed error's message; anything else is in the server log.
  const error = (err instanceof StraError ? err.message : 'failed on the server (see the server log)').slice(0, 500);
  const entry = {
    action: 'build-failed',
    table: 'assessments',
    recordId: params.assessmentId,
    marking: params.clearance,
    organisationId:
      job.organisationId ??
      (await getAssessment(store, builder, params.assessmentId).then(
        (a) => a.organisationId,
        () => null,
      )),
    after: { job: job.id, clearance: params.clearance, formats: params.formats, error, disclosed: 'nothing' },
  } as const;
  await recordEvent(store, builder, entry).catch((e: unknown) =>
    log(`job ${job.id}: the failed build's audit row was not written (${String(e)}): ${JSON.stringify(entry)}`),
  );
}
