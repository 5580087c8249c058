/**
 * The document from the web app: POST /assessments/:id/reports queues a build (clearance and
 * formats chosen by the user, never above their own clearance), GET /jobs/:id shows its progress,
 * and GET /reports/:job/:file previews (HTML, shown inline) or downloads (PDF, DOCX, build log) a
 * file. Only the person who asked, or an administrator of the assessment's organisation, may
 * fetch it, and only while they can see the assessment and are cleared to the document's marking.
 * Every download is written into the audit (a disclosure, DPA 2018 Part 3).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { ReportRequest, type ReportResult } from '../../api/index.js';
import { markingRank } from '../../domain/marking.js';
import { notFoundError, StraError } from '../../errors.js';
import { enqueueJob, getAssessment, getJob, recordEvent, type Store } from '../../store/index.js';
import { reportFolder, type ReportParams } from '../jobs/report-job.js';
import type { ServerOptions } from '../options.js';
import { actorOf, type AppEnv } from '../session.js';
import { body, idParam } from '../validate.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function reportRoutes(store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/assessments/:id/reports', async (c) => {
    const actor = actorOf(c);
    const input = await body(c, ReportRequest);
    const assessment = await getAssessment(store, actor, idParam(c, 'id'));
    if (markingRank(input.clearance) > markingRank(actor.clearance)) {
      throw new StraError(
        'INPUT',
        `You are cleared to ${actor.clearance}: a document for ${input.clearance} cannot be built by you.`,
        { fields: [{ field: 'clearance', message: 'above your clearance' }] },
      );
    }
    const params: ReportParams = {
      assessmentId: assessment.id,
      clearance: input.clearance,
      formats: input.formats,
      username: actor.username,
      ...(input.dataPeriod === undefined ? {} : { dataPeriod: input.dataPeriod }),
    };
    const job = await enqueueJob(store, actor, 'report', params, assessment.organisationId);
    await recordEvent(store, actor, {
      action: 'build',
      table: 'assessments',
      recordId: assessment.id,
      marking: input.clearance,
      organisationId: assessment.organisationId,
      after: { job: job.id, clearance: input.clearance, formats: input.formats },
    });
    return c.json(job, 202);
  });
  app.get('/reports/:job/:file', async (c) => {
    const actor = actorOf(c);
    const job = await getJob(store, actor, idParam(c, 'job'));
    const result = job.result as ReportResult | null;
    const name = c.req.param('file');
    if (
      job.kind !== 'report' ||
      job.status !== 'done' ||
      result === null ||
      !Object.values(result.files).includes(name)
    ) {
      throw notFoundError(`Report job ${job.id} has no file "${name}".`);
    }
    // The store already hid a job above the actor's clearance or outside their organisations;
    // the assessment must still be one they can see (a lost membership applies at once).
    const { assessmentId } = job.params as ReportParams;
    await getAssessment(store, actor, assessmentId).catch(() => {
      throw notFoundError(`Report job ${job.id} has no file "${name}" that you can see.`);
    });
    if (markingRank(result.marking) > markingRank(actor.clearance))
      throw notFoundError(`Report job ${job.id} has no file "${name}" that you can see.`);
    const file = path.join(reportFolder(options, job.id), path.basename(name));
    const bytes = await readFile(file).catch(() => {
      throw notFoundError(
        `The file "${name}" of report job ${job.id} is no longer on the server; build the document again.`,
      );
    });
    const ext = path.extname(name);
    c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    c.header('X-Protective-Marking', result.marking);
    // The HTML is shown in the browser as a preview (it is self-contained: inline styles and SVG,
    // no script, so the app's Content Security Policy suits it); everything else is downloaded.
    if (ext !== '.html') c.header('Content-Disposition', `attachment; filename="${name}"`);
    return c.body(new Uint8Array(bytes), 200);
  });
  return app;
}
