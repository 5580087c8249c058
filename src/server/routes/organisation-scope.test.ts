/**
 * Issue 13, defect 1: an administrator is an administrator *of an organisation*. A document built
 * from the alliance's assessment is listed, shown and downloadable to its builder and to the
 * alliance's administrators cleared to its marking, and to no administrator of another force
 * (nor of a member force, which is a different organisation from the alliance).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { claimJob } from '../../store/index.js';
import { multiOrgApp, SECOND_FORCE } from '../../../test/multi-org.js';
import type { DemoApp } from '../../../test/demo-app.js';
import { runJob } from '../jobs-worker.js';
import type { AuditRecord, Job, ReportJob } from '../../api/index.js';

let demo: DemoApp;
let job: ReportJob;
let html: string;
beforeAll(async () => {
  demo = await multiOrgApp();
  const analyst = await demo.as('r.patel');
  const queued = await analyst.call<ReportJob>('POST', '/api/assessments/2/reports', {
    clearance: 'OFFICIAL-SENSITIVE',
    formats: ['html'],
  });
  expect(queued.status).toBe(202);
  const claimed = await claimJob(demo.store, 'test', ['report']);
  await runJob(demo.store, claimed!, { ...demo.options, batchBytes: 400_000_000 });
  job = (await analyst.get<ReportJob>(`/api/jobs/${queued.body.id}`)).body;
  expect(job).toMatchObject({ status: 'done', result: { marking: 'OFFICIAL-SENSITIVE' } });
  html = job.result!.files['html']!;
}, 180_000);

describe('report jobs and downloads are scoped to the organisation', () => {
  it.each([`${SECOND_FORCE}.admin.s`, 'warwickshire.admin.s', 'csp-rugby.admin.s'])(
    '%s (an administrator elsewhere) neither lists, sees nor downloads the document',
    async (username) => {
      const other = await demo.as(username);
      expect((await other.get<Job[]>('/api/jobs')).body.map((j) => j.id)).not.toContain(job.id);
      expect((await other.get(`/api/jobs/${job.id}`)).status).toBe(404);
      expect((await other.get(`/api/reports/${job.id}/${html}`)).status).toBe(404);
    },
  );

  it("the alliance's administrator cleared to its marking lists and downloads it; one who is not, does not", async () => {
    const admin = await demo.as('wwm-alliance.admin.s');
    expect((await admin.get<Job[]>('/api/jobs')).body.map((j) => j.id)).toContain(job.id);
    const page = await admin.get(`/api/reports/${job.id}/${html}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-protective-marking')).toBe('OFFICIAL-SENSITIVE');
    const official = await demo.as('wwm-alliance.admin.o');
    expect((await official.get<Job[]>('/api/jobs')).body.map((j) => j.id)).not.toContain(job.id);
    expect((await official.get(`/api/reports/${job.id}/${html}`)).status).toBe(404);
  });
});

describe('the audit view is scoped to the organisations the administrator administers (defect 2)', () => {
  it("another force's administrator sees their own members' rows and none about the alliance's users", async () => {
    const tv = await demo.as(`${SECOND_FORCE}.admin.s`);
    await demo.as(`${SECOND_FORCE}.reader.o`); // a login to see
    const rows = (await tv.get<AuditRecord[]>('/api/audit?limit=1000')).body;
    expect(rows.some((r) => r.action === 'login' && r.actorName === `${SECOND_FORCE}.reader.o`)).toBe(true);
    for (const r of rows) expect([SECOND_FORCE, null]).toContain(r.organisationId);
    const text = JSON.stringify(rows);
    for (const hidden of ['r.patel', 'acc.morgan', 'k.hughes', 'wwm-alliance.reader.o', 'warwickshire.admin.s'])
      expect(text).not.toContain(hidden);
  });

  it("a member force's administrator does not see the alliance's rows; the alliance's does", async () => {
    const force = (await (await demo.as('warwickshire.admin.s')).get<AuditRecord[]>('/api/audit?limit=1000')).body;
    expect(JSON.stringify(force)).not.toContain('r.patel');
    expect(force.every((r) => r.organisationId === 'warwickshire' || r.organisationId === null)).toBe(true);
    const alliance = (await (await demo.as('wwm-alliance.admin.s')).get<AuditRecord[]>('/api/audit?limit=1000')).body;
    expect(alliance.some((r) => r.action === 'login' && r.actorName === 'r.patel')).toBe(true);
    expect(JSON.stringify(alliance)).not.toContain(`${SECOND_FORCE}.reader.o`);
  });

  it('is searchable by action and user', async () => {
    const admin = await demo.as('wwm-alliance.admin.s');
    const logins = (await admin.get<AuditRecord[]>('/api/audit?action=login&actorName=r.patel')).body;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((r) => r.action === 'login' && r.actorName === 'r.patel')).toBe(true);
    const csv = await admin.get<string>('/api/audit.csv?action=login&actorName=r.patel');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body.split('\n').filter((l) => l.includes(',r.patel,login,'))).toHaveLength(logins.length);
    const other = await demo.as(`${SECOND_FORCE}.admin.s`);
    expect((await other.get<string>('/api/audit.csv?actorName=r.patel')).body.trim().split('\n')).toHaveLength(1);
  });
});
