/**
 * Creating an assessment and starting next year from one, through the API as the demo users:
 * analysts and admins may (within their clearance), approvers, readers and other organisations'
 * users are refused 403 and nothing is stored; bad bodies are answered 400 naming the field;
 * next year carries the threats with last year's combined scores and says how many.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import type { Assessment, NextYearAnswer, Threat } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

const newOne = { organisationId: 'wwm-alliance', period: '2019/20', versionLabel: 'V1 - Draft' };

async function count(): Promise<number> {
  const admin = await demo.as('admin');
  return (await admin.get<Assessment[]>('/api/assessments')).body.length;
}

describe('POST /assessments', () => {
  it('lets an analyst create one, marked as chosen, listed afterwards', async () => {
    const analyst = await demo.as('r.patel');
    const r = await analyst.call<Assessment>('POST', '/api/assessments', {
      ...newOne,
      title: 'Alliance STRA 2019/20',
      marking: 'OFFICIAL-SENSITIVE',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      period: '2019/20',
      versionLabel: 'V1 - Draft',
      title: 'Alliance STRA 2019/20',
      marking: 'OFFICIAL-SENSITIVE',
      status: 'draft',
      organisationId: 'wwm-alliance',
      previousId: null,
    });
    const list = (await analyst.get<Assessment[]>('/api/assessments')).body;
    expect(list.map((a) => a.id)).toContain(r.body.id);
    // An OFFICIAL analyst cannot see it.
    const official = await demo.as('k.hughes');
    expect((await official.get(`/api/assessments/${r.body.id}`)).status).toBe(404);
  });

  it('lets an admin create one with the default title', async () => {
    const admin = await demo.as('admin');
    const r = await admin.call<Assessment>('POST', '/api/assessments', { ...newOne, period: '2020/21' });
    expect(r.status).toBe(201);
    expect(r.body.title).toMatch(/Strategic Assessment 2020\/21$/);
    expect(r.body.marking).toBe('OFFICIAL');
  });

  for (const user of ['acc.morgan', 'opcc.reader', 'rugby.csp']) {
    it(`refuses ${user} (no analyst or admin role there) with 403 and stores nothing`, async () => {
      const before = await count();
      const r = await (await demo.as(user)).call('POST', '/api/assessments', newOne);
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).toMatch(/create assessments for wwm-alliance/);
      expect(await count()).toBe(before);
    });
  }

  it('refuses a marking above the analyst clearance with 403', async () => {
    const r = await (await demo.as('k.hughes')).call('POST', '/api/assessments', { ...newOne, marking: 'SECRET' });
    expect(r.status).toBe(403);
  });

  it('answers 400 naming each bad field, and 403 without the CSRF token', async () => {
    const analyst = await demo.as('r.patel');
    const bad = await analyst.call('POST', '/api/assessments', {
      organisationId: 'wwm-alliance',
      period: '2019-20',
      versionLabel: ' ',
      marking: 'TOP',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['marking', 'period', 'versionLabel']);
    const notFollowing = await analyst.call('POST', '/api/assessments', { ...newOne, period: '2019/21' });
    expect(fieldsOf(notFollowing.body)).toEqual(['period']);
    const before = await count();
    const forged = await analyst.call('POST', '/api/assessments', newOne, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('POST /assessments/:id/next-year', () => {
  it("starts 2018/19 from 2017/18, carrying its threats with last year's scores", async () => {
    const analyst = await demo.as('r.patel');
    const all = (await analyst.get<Assessment[]>('/api/assessments')).body;
    const from = all.find((a) => a.period === '2017/18')!;
    const threats = (await analyst.get<Threat[]>(`/api/assessments/${from.id}/threats`)).body;
    expect(threats.length).toBeGreaterThan(5);
    const r = await analyst.call<NextYearAnswer>('POST', `/api/assessments/${from.id}/next-year`, {
      versionLabel: 'V1 - Draft',
    });
    expect(r.status).toBe(201);
    expect(r.body.assessment).toMatchObject({ period: '2018/19', previousId: from.id, status: 'draft' });
    expect(r.body.carried['threats']).toBe(threats.length);
    const carried = (await analyst.get<Threat[]>(`/api/assessments/${r.body.assessment.id}/threats`)).body;
    expect(carried.map((t) => t.name).sort()).toEqual(threats.map((t) => t.name).sort());
    expect(carried.filter((t) => t.previousScore !== null).length).toBeGreaterThan(0);
    expect(carried.every((t) => t.carriedFromId !== null)).toBe(true);
  });

  it('refuses a reader with 403, an unknown assessment with 404, a bad period with 400', async () => {
    const before = await count();
    expect((await (await demo.as('acc.morgan')).call('POST', '/api/assessments/2/next-year', newOne)).status).toBe(400);
    const refused = await (
      await demo.as('acc.morgan')
    ).call('POST', '/api/assessments/2/next-year', {
      versionLabel: 'V1',
    });
    expect(refused.status).toBe(403);
    const analyst = await demo.as('r.patel');
    expect((await analyst.call('POST', '/api/assessments/9999/next-year', { versionLabel: 'V1' })).status).toBe(404);
    const bad = await analyst.call('POST', '/api/assessments/2/next-year', { versionLabel: 'V1', period: 'next' });
    expect(fieldsOf(bad.body)).toEqual(['period']);
    expect(await count()).toBe(before);
  });
});
