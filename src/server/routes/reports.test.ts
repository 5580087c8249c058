/**
 * The document from the web app: a build is queued for a clearance no higher than the user's
 * own, runs as a job, and is kept: listed for the assessment and opened again by anyone of the
 * assessment's organisation cleared to its marking (not by a partner); an OFFICIAL build holds no
 * OFFICIAL-SENSITIVE threat.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorFor, claimJob, listAudit, listThreats } from '../../store/index.js';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import { runJob } from '../jobs-worker.js';
import { reportFolder } from '../jobs/report-job.js';
import type { ErrorAnswer, KeptDocumentsAnswer, ReportJob } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 600_000);

async function runQueued(): Promise<void> {
  const job = await claimJob(demo.store, 'test', ['report']);
  if (job === undefined) throw new Error('no report job queued');
  await runJob(demo.store, job, { ...demo.options, batchBytes: 400_000_000 });
}

describe('building the document from the web app', () => {
  it('builds an OFFICIAL HTML document as a job, keeps it, and serves it to its organisation only', async () => {
    const analyst = await demo.as('r.patel');
    const queued = await analyst.call<ReportJob>('POST', '/api/assessments/2/reports', {
      clearance: 'OFFICIAL',
      formats: ['html'],
      dataPeriod: '2015/16',
    });
    expect(queued.status).toBe(202);
    await runQueued();
    const job = (await analyst.get<ReportJob>(`/api/jobs/${queued.body.id}`)).body;
    expect(job).toMatchObject({ status: 'done', result: { marking: 'OFFICIAL' } });
    const html = job.result!.files['html']!;
    // The finished build is in the audit: who, which assessment, clearance, marking and files.
    const built = (
      await listAudit(demo.store, await actorFor(demo.store, 'admin'), { action: 'built', administeredOnly: true })
    ).find((r) => (r.after as { job?: number } | null)?.job === job.id);
    expect(built).toMatchObject({
      actorName: 'r.patel',
      table: 'assessments',
      recordId: '2',
      marking: 'OFFICIAL',
      after: { clearance: 'OFFICIAL', marking: 'OFFICIAL', files: job.result!.files },
    });
    const page = await analyst.get(`/api/reports/${job.id}/${html}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-protective-marking')).toBe('OFFICIAL');
    expect(page.body).toContain('Alliance Strategic Assessment 2017/18');
    const actor = (await import('../../store/index.js')).actorFor;
    const hidden = (await listThreats(demo.store, await actor(demo.store, 'r.patel'), { assessmentId: 2 })).filter(
      (t) => t.marking !== 'OFFICIAL',
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const t of hidden) expect(page.body).not.toContain(t.description.slice(0, 50));
    const log = await analyst.get<string>(`/api/reports/${job.id}/${job.result!.files['buildLogText']}`);
    expect(log.headers.get('content-disposition')).toContain('attachment');
    expect(log.body).toContain('Left out');
    // the period asked for reaches the build (this workspace holds no crime data to use it on)
    expect(log.body).toContain('the period asked for, 2015/16, cannot be used');
    // The HTML build log is served beside the document, where its table and figure numbers link.
    expect(job.result!.files['buildLogHtml']).toBe('build-log.html');
    const logPage = await analyst.get<string>(`/api/reports/${job.id}/build-log.html`);
    expect([logPage.status, logPage.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(logPage.body).toContain('Figures and their sources');
    // Kept, not rebuilt: listed for the assessment with who built it, when, for which clearance;
    // another analyst of the alliance cleared to OFFICIAL opens it; a partner reader of a CSP
    // (the assessment is not theirs) neither sees it listed nor opens it.
    const other = await demo.as('k.hughes');
    expect((await other.get(`/api/reports/${job.id}/${html}`)).status).toBe(200);
    const listed = await other.get<KeptDocumentsAnswer>('/api/assessments/2/documents');
    expect(listed.body.documents.find((d) => d.job === job.id)).toMatchObject({
      builtBy: 'r.patel',
      clearance: 'OFFICIAL',
      marking: 'OFFICIAL',
      formats: ['html'],
      files: job.result!.files,
    });
    const partner = await demo.as('rugby.csp');
    expect((await partner.get(`/api/reports/${job.id}/${html}`)).status).toBe(404);
    const theirs = await partner.get<KeptDocumentsAnswer>('/api/assessments/2/documents');
    expect(theirs.status === 404 || theirs.body.documents.length === 0).toBe(true);
    expect((await analyst.get(`/api/reports/${job.id}/..%2Fcatalog.json`)).status).toBe(404);
  }, 120_000);

  it('audits a build that fails, saying nothing was disclosed', async () => {
    const analyst = await demo.as('r.patel');
    const queued = await analyst.call<ReportJob>('POST', '/api/assessments/2/reports', {
      clearance: 'OFFICIAL-SENSITIVE',
      formats: ['html'],
    });
    expect(queued.status).toBe(202);
    // The job's output folder cannot be made: a file is where it would go.
    const folder = reportFolder(demo.options, queued.body.id);
    await mkdir(path.dirname(folder), { recursive: true });
    await writeFile(folder, 'in the way');
    try {
      await runQueued();
    } finally {
      await rm(folder, { force: true });
    }
    expect((await analyst.get<ReportJob>(`/api/jobs/${queued.body.id}`)).body.status).toBe('failed');
    const failed = (
      await listAudit(demo.store, await actorFor(demo.store, 'acc.morgan'), {
        action: 'build-failed',
        administeredOnly: false,
      })
    ).find((r) => (r.after as { job?: number } | null)?.job === queued.body.id);
    expect(failed).toMatchObject({
      actorName: 'r.patel',
      table: 'assessments',
      recordId: '2',
      marking: 'OFFICIAL-SENSITIVE',
      after: { clearance: 'OFFICIAL-SENSITIVE', formats: ['html'], disclosed: 'nothing' },
    });
    expect((failed!.after as { error: string }).error).not.toBe('');
  }, 120_000);

  it("refuses a clearance above the user's own, naming the field", async () => {
    const official = await demo.as('k.hughes');
    const refused = await official.call('POST', '/api/assessments/2/reports', {
      clearance: 'OFFICIAL-SENSITIVE',
      formats: ['html'],
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['clearance']);
    const bad = await official.call<ErrorAnswer>('POST', '/api/assessments/2/reports', {
      clearance: 'OFFICIAL',
      formats: ['odt'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('formats');
    const period = await official.call('POST', '/api/assessments/2/reports', {
      clearance: 'OFFICIAL',
      dataPeriod: 'last year',
    });
    expect(period.status).toBe(400);
    expect(fieldsOf(period.body)).toEqual(['dataPeriod']);
  }, 60_000);
});
