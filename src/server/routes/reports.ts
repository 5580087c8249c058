/**
 * The document from the web app: POST /assessments/:id/reports queues a build (clearance and
 * formats chosen by the user, never above their own clearance), GET /jobs/:id shows its progress,
 * and GET /reports/:job/:file previews (HTML, shown inline) or downloads (PDF, DOCX, build log) a
 * file. A built document is kept: anyone of the assessment's organisation cleared to its marking
 * opens it again (GET /assessments/:id/documents lists them), without a rebuild.
 * Every download is written into the audit (a disclosure, DPA 2018 Part 3).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { ReportRequest } from '../../api/index.js';
import { markingRank } from '../../domain/marking.js';
import { notFoundError, StraError } from '../../errors.js';
import { enqueueJob, getAssessment, getKeptDocument, recordEvent, type Store } from '../../store/index.js';
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
    const name = c.req.param('file');
    // A kept document opens for whoever may open it (store/document/kept.ts: cleared to its
    // marking, able to see the assessment, of the organisation that owns it, or its builder);
    // anything else, and a file the build did not write, is "not found".
    const kept = await getKeptDocument(store, actor, idParam(c, 'job')).catch(() => {
      throw notFoundError(`Report job ${c.req.param('job')} has no file "${name}" that you can see.`);
    });
    if (!Object.values(kept.files).includes(name)) throw notFoundError(`Report job ${kept.job} has no file "${name}".`);
    const file = path.join(reportFolder(options, kept.job), path.basename(name));
    const bytes = await readFile(file).catch(() => {
      throw notFoundError(
        `The file "${name}" of report job ${kept.job} is no longer on the server; build the document again.`,
      );
    });
    const ext = path.extname(name);
    c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    c.header('X-Protective-Marking', kept.marking);
    // The HTML is shown in the browser as a preview (it is self-contained: inline styles and SVG,
    // no script, so the app's Content Security Policy suits it); everything else is downloaded.
    if (ext !== '.html') c.header('Content-Disposition', `attachment; filename="${name}"`);
    return c.body(new Uint8Array(bytes), 200);
  });
  return app;
}
