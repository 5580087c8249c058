/**
 * The recommendations register and the audit trail through the API, in process: the register of
 * an assessment with updates read through the carried chain, an update that moves the version,
 * a stale update answered 409 with the current record, markings (a CSP reader sees only what is
 * shared with its partnership), the CSV export, and the audit trail for administrators only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import type {
  AuditRecord,
  ErrorAnswer,
  Recommendation,
  RecommendationUpdateAdded,
  RecommendationWithHistory,
} from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 60_000);
afterAll(async () => demo.store.close());

const as = (username: string) => demo.as(username);

describe('the recommendations register', () => {
  it("lists an assessment's recommendations, carried ones with their earlier updates", async () => {
    const analyst = await as('k.hughes');
    const list = (await analyst.get<Recommendation[]>('/api/assessments/2/recommendations')).body;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.assessmentId === 2 && r.marking === 'OFFICIAL')).toBe(true);
    const carried = list.find((r) => r.carriedFrom !== null)!;
    expect(carried).toBeDefined();
    const one = (await analyst.get<RecommendationWithHistory>(`/api/recommendations/${carried.id}`)).body;
    // The update written in 2016/17 is part of the carried record's history.
    expect(one.updates.some((u) => u.assessmentId === 1)).toBe(true);
  });

  it('adds an update that moves the version, and answers a stale one with 409 and the current record', async () => {
    const first = await as('k.hughes');
    const second = await as('r.patel');
    const rec = (await first.get<Recommendation[]>('/api/assessments/2/recommendations')).body.find(
      (r) => r.carriedFrom !== null,
    )!;
    const added = await first.call<RecommendationUpdateAdded>('POST', `/api/recommendations/${rec.id}/updates`, {
      expectedVersion: rec.version,
      text: 'Training delivered to all response teams.',
      dated: '2018-01-15',
      status: 'in_progress',
    });
    expect(added.status).toBe(201);
    expect(added.body.recommendation).toMatchObject({ id: rec.id, version: rec.version + 1, status: 'in_progress' });
    expect(added.body.update).toMatchObject({ dated: '2018-01-15', author: 'k.hughes', statusAfter: 'in_progress' });

    const stale = await second.call<ErrorAnswer>('POST', `/api/recommendations/${rec.id}/updates`, {
      expectedVersion: rec.version,
      text: 'Complete.',
      status: 'complete',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed|version/i);
    const current = stale.body.error.details?.['record'] as RecommendationWithHistory;
    expect(current).toMatchObject({ id: rec.id, version: rec.version + 1, status: 'in_progress' });
    expect(current.updates.at(-1)).toMatchObject({
      text: 'Training delivered to all response teams.',
      author: 'k.hughes',
    });
    // Resubmitted against the current version, it goes in.
    const again = await second.call<RecommendationUpdateAdded>('POST', `/api/recommendations/${rec.id}/updates`, {
      expectedVersion: current.version,
      text: 'Complete.',
      status: 'complete',
    });
    expect(again.status).toBe(201);
    expect(again.body.recommendation).toMatchObject({ version: rec.version + 2, status: 'complete' });
  });

  it('names the field of a bad update and refuses those who may not write it', async () => {
    const analyst = await as('k.hughes');
    const rec = (await analyst.get<Recommendation[]>('/api/assessments/2/recommendations')).body[0]!;
    const bad = await analyst.call('POST', `/api/recommendations/${rec.id}/updates`, {
      expectedVersion: rec.version,
      text: ' ',
      dated: '15/01/2018',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dated', 'text']);
    // The approver reads the register but does not write it; a reader it is not shared with does not see it.
    const approver = await as('acc.morgan');
    expect(
      (
        await approver.call('POST', `/api/recommendations/${rec.id}/updates`, {
          expectedVersion: rec.version,
          text: 'Not mine to write.',
        })
      ).status,
    ).toBe(403);
    const opcc = await as('opcc.reader');
    expect(
      (
        await opcc.call('POST', `/api/recommendations/${rec.id}/updates`, {
          expectedVersion: rec.version,
          text: 'Not mine to write.',
        })
      ).status,
    ).toBe(404);
  });

  it('shows a CSP reader only what is shared with its partnership, in lists, records and the CSV', async () => {
    const analyst = await as('r.patel');
    const all = (await analyst.get<Recommendation[]>('/api/assessments/2/recommendations')).body;
    const csp = await as('rugby.csp');
    const seen = (await csp.get<Recommendation[]>('/api/assessments/2/recommendations')).body;
    expect(seen.length).toBeLessThan(all.length);
    const hidden = all.find((r) => !seen.some((s) => s.id === r.id))!;
    expect((await csp.get(`/api/recommendations/${hidden.id}`)).status).toBe(404);
    const csv = await csp.get<string>('/api/assessments/2/recommendations.csv');
    expect(csv.status).toBe(200);
    expect(csv.body.trim().split('\n').length).toBe(seen.length + 1);
  });

  it('exports the register as CSV', async () => {
    const analyst = await as('k.hughes');
    const list = (await analyst.get<Recommendation[]>('/api/assessments/2/recommendations')).body;
    const csv = await analyst.get<string>('/api/assessments/2/recommendations.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="recommendations-2.csv"');
    expect(csv.body.split(/\r?\n/)[0]).toMatch(/^number,theme,text,owner,status/);
    expect(csv.body.trim().split(/\r?\n/).length).toBeGreaterThanOrEqual(list.length + 1);
  });
});

describe('the audit trail', () => {
  it('is refused to anyone but administrators (403)', async () => {
    for (const user of ['r.patel', 'k.hughes', 'acc.morgan', 'opcc.reader', 'rugby.csp']) {
      const r = await (await as(user)).get('/api/audit');
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe('The audit trail is for administrators.');
    }
  });

  it('shows an administrator the changes of a table, with before and after', async () => {
    const admin = await as('admin');
    const rows = (await admin.get<AuditRecord[]>('/api/audit?table=recommendations&limit=500')).body;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.table === 'recommendations')).toBe(true);
    const update = rows.filter((r) => r.action === 'update' && r.actorName === 'k.hughes').at(-1)!;
    const versionOf = (record: unknown) => (record as { version: number }).version;
    expect(versionOf(update.before) + 1).toBe(versionOf(update.after));
    expect((await admin.get('/api/audit?limit=0')).status).toBe(400);
  });
});
