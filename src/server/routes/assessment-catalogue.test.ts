/**
 * A new assessment started from the starter threat catalogue (issue 14), through the API as the
 * demo users: the catalogue's 24 threats come with it, at the assessment's marking, with their
 * evidence links; an OFFICIAL analyst can use it (the catalogue's illustrative markings do not
 * stop them); a reader is refused and nothing is made; a bad `start` is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, fieldsOf, type DemoApp } from '../../../test/demo-app.js';
import type { Assessment, Threat } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);
afterAll(async () => demo.store.close());

const request = (period: string, extra: Record<string, unknown> = {}) => ({
  organisationId: 'wwm-alliance',
  period,
  versionLabel: 'V1 - Draft',
  start: 'catalogue',
  ...extra,
});

describe('POST /assessments with start: catalogue', () => {
  it('creates the assessment with the catalogue’s 24 threats at its marking, evidence links kept', async () => {
    const analyst = await demo.as('r.patel');
    const r = await analyst.call<Assessment>(
      'POST',
      '/api/assessments',
      request('2020/21', { marking: 'OFFICIAL-SENSITIVE' }),
    );
    expect(r.status).toBe(201);
    const threats = (await analyst.get<Threat[]>(`/api/assessments/${r.body.id}/threats`)).body;
    expect(threats).toHaveLength(24);
    expect(new Set(threats.map((t) => t.marking))).toEqual(new Set(['OFFICIAL-SENSITIVE']));
    expect(threats.find((t) => t.name === 'OCG')?.evidence.policeUkCategories).toEqual([
      'drugs',
      'possession-of-weapons',
    ]);
  });

  it('lets an OFFICIAL analyst start from it: every threat OFFICIAL, none withheld', async () => {
    const official = await demo.as('k.hughes');
    const r = await official.call<Assessment>('POST', '/api/assessments', request('2021/22'));
    expect(r.status).toBe(201);
    const threats = (await official.get<Threat[]>(`/api/assessments/${r.body.id}/threats`)).body;
    expect(threats).toHaveLength(24);
  });

  it('makes an empty one without start, refuses a reader and names a bad start', async () => {
    const analyst = await demo.as('r.patel');
    const empty = await analyst.call<Assessment>('POST', '/api/assessments', request('2022/23', { start: undefined }));
    expect((await analyst.get<Threat[]>(`/api/assessments/${empty.body.id}/threats`)).body).toHaveLength(0);
    const bad = await analyst.call('POST', '/api/assessments', request('2023/24', { start: 'last-year' }));
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['start']);
    const before = (await analyst.get<Assessment[]>('/api/assessments')).body.length;
    const reader = await demo.as('acc.morgan');
    expect((await reader.call('POST', '/api/assessments', request('2024/25'))).status).toBe(403);
    expect((await analyst.get<Assessment[]>('/api/assessments')).body.length).toBe(before);
  });
});
