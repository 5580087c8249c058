/**
 * Issue 14, inspections written through the API: an inspection added with its marking, its grade
 * recorded against the version read (a stale change answered 409 with the inspection as it is
 * now), a finding added to it; refused to an approver and a reader (403) and to another
 * organisation (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureUser, multiOrgApp, SECOND_FORCE } from '../../../../test/multi-org.js';
import type { DemoApp } from '../../../../test/demo-app.js';
import type { ErrorAnswer, Inspection, InspectionFinding, InspectionWithFindings } from '../../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await multiOrgApp();
}, 300_000);
afterAll(async () => demo.store.close());

describe('writing inspections through the API', () => {
  it('adds an inspection, records its grade with a 409 for a stale change, and adds a finding', async () => {
    const analyst = await demo.as('r.patel');
    const made = await analyst.call<Inspection>('POST', '/api/inspections', {
      organisationId: 'wwm-alliance',
      body: 'HMICFRS',
      title: 'PEEL: Effectiveness 2017',
      dated: '2017-11',
      marking: 'OFFICIAL-SENSITIVE',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ body: 'HMICFRS', dated: '2017-11', marking: 'OFFICIAL-SENSITIVE', version: 1 });
    const graded = await analyst.call<Inspection>('PUT', `/api/inspections/${made.body.id}`, {
      expectedVersion: 1,
      grade: 'requires_improvement',
    });
    expect(graded.status).toBe(200);
    expect(graded.body).toMatchObject({ grade: 'requires_improvement', version: 2 });
    const stale = await analyst.call<ErrorAnswer>('PUT', `/api/inspections/${made.body.id}`, {
      expectedVersion: 1,
      grade: 'good',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details?.['record']).toMatchObject({ grade: 'requires_improvement', version: 2 });
    const finding = await analyst.call<InspectionFinding>('POST', `/api/inspections/${made.body.id}/findings`, {
      text: 'The force should improve how it identifies vulnerable victims at first contact.',
      kind: 'area_for_improvement',
      reference: 'AFI 1',
      owner: 'Ch Supt Contact',
    });
    expect(finding.status).toBe(201);
    const whole = (await analyst.get<InspectionWithFindings>(`/api/inspections/${made.body.id}`)).body;
    expect(whole.findings.map((f) => [f.reference, f.owner, f.status, f.marking])).toEqual([
      ['AFI 1', 'Ch Supt Contact', 'open', 'OFFICIAL-SENSITIVE'],
    ]);
    const bad = await analyst.call<ErrorAnswer>('POST', '/api/inspections', {
      organisationId: 'wwm-alliance',
      body: ' ',
      title: 'x',
      dated: '12/2017',
    });
    expect(bad.status).toBe(400);
  });

  it('is refused to an approver and a reader (403) and to another organisation (404)', async () => {
    const analyst = await demo.as('r.patel');
    const [one] = (await analyst.get<Inspection[]>('/api/inspections')).body;
    const calls = [
      ['POST', '/api/inspections', { organisationId: 'wwm-alliance', body: 'HMIC', title: 'Not mine' }],
      ['PUT', `/api/inspections/${one!.id}`, { expectedVersion: one!.version, grade: 'good' }],
      ['POST', `/api/inspections/${one!.id}/findings`, { text: 'Not mine to write.' }],
    ] as const;
    for (const [user, status] of [
      ['acc.morgan', 403],
      [fixtureUser('wwm-alliance', 'reader', 'SECRET'), 403],
      [fixtureUser(SECOND_FORCE, 'analyst', 'SECRET'), [403, 404]],
    ] as const) {
      const client = await demo.as(user);
      for (const [method, url, body] of calls) {
        const got = (await client.call(method, url, body)).status;
        expect([
          user,
          method,
          url,
          Array.isArray(status) ? (status as readonly number[]).includes(got) : got === status,
        ]).toEqual([user, method, url, true]);
      }
    }
  });
});
