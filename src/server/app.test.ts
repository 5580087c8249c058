/**
 * The HTTP API over the demo store, in process: login (wrong password, rate limit), the session
 * cookie's flags, CSRF on changes, security headers, markings through the API, a stale edit
 * answered 409 with the current record, validation errors naming the field, no internals in
 * errors, and the blind scoring workshop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/record/people.js';
import { ApiClient } from '../../test/api-client.js';
import { demoApp, type DemoApp } from '../../test/demo-app.js';
import type {
  CombinedView,
  DirectionView,
  ErrorAnswer,
  StoredScore,
  Threat,
  WarehouseSummary,
  WorkshopView,
} from '../api/index.js';

let demo: DemoApp;
let app: DemoApp['app'];
const logged: string[] = [];
let clock = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
  demo = await demoApp({ now: () => clock, log: (l) => logged.push(l) });
  app = demo.app;
}, 60_000);
afterAll(async () => demo.store.close());

const as = (username: string) => demo.as(username);

describe('login and sessions', () => {
  it('refuses a wrong password and an unknown user alike, and logs in with an HttpOnly SameSite cookie', async () => {
    const client = new ApiClient(app);
    const wrong = await client.login('k.hughes', 'not the password');
    const nobody = await client.login('no.such.user', 'not the password');
    expect([wrong.status, nobody.status]).toEqual([401, 401]);
    expect((wrong.body as ErrorAnswer).error.message).toBe((nobody.body as ErrorAnswer).error.message);
    expect((await client.get('/api/session')).status).toBe(401);
    const ok = await client.login('k.hughes', DEMO_PASSWORD);
    expect(ok.headers.get('set-cookie')).toMatch(/^stra_session=[\w-]{43}; .*HttpOnly/);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
    const me = await client.get('/api/session');
    expect(me.body).toMatchObject({ username: 'k.hughes', clearance: 'OFFICIAL' });
    expect((await client.call('DELETE', '/api/session')).status).toBe(200);
    expect((await client.get('/api/assessments')).status).toBe(401);
  });

  it('limits failed logins per username (429), counted in the store', async () => {
    const client = new ApiClient(app);
    for (let i = 0; i < 5; i += 1) expect((await client.login('opcc.reader', `wrong ${i}`)).status).toBe(401);
    const limited = await client.login('opcc.reader', DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect((limited.body as ErrorAnswer).error.message).toContain('Too many failed logins');
    const saved = clock;
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await client.login('opcc.reader', DEMO_PASSWORD)).status).toBe(200);
    clock = saved;
  });

  it('ends a session when it expires', async () => {
    const client = await as('rugby.csp');
    expect((await client.get('/api/session')).status).toBe(200);
    const saved = clock;
    clock = new Date(clock.getTime() + 9 * 3_600_000);
    expect((await client.get('/api/session')).status).toBe(401);
    clock = saved;
  });
});

describe('request safety', () => {
  it('requires the CSRF token on changes and sends security headers', async () => {
    const client = await as('r.patel');
    const threats = (await client.get<Threat[]>('/api/assessments/2/threats')).body;
    const t = threats[0]!;
    const noToken = await client.call<ErrorAnswer>(
      'PUT',
      `/api/threats/${t.id}`,
      { expectedVersion: t.version, owner: 'DCI Example' },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.message).toContain('X-CSRF-Token');
    const h = noToken.headers;
    expect(h.get('content-security-policy')).toContain("default-src 'self'");
    expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(h.get('x-frame-options')).toBe('DENY');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('cache-control')).toBe('no-store');
  });

  it('names the field of an invalid body, and answers unknown routes and bad ids in JSON', async () => {
    const client = await as('r.patel');
    const bad = await client.call<ErrorAnswer>('PUT', '/api/threats/1', { expectedVersion: 'one', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/expectedVersion: .*number/);
    expect(bad.body.error.message).toContain('colour');
    expect((await client.get<ErrorAnswer>('/api/threats/abc')).body.error.message).toContain('not a number');
    expect((await client.get('/api/nowhere')).status).toBe(404);
    const notJson = await client.call<ErrorAnswer>('PUT', '/api/threats/1', undefined, {
      raw: 'not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.body.error.message).toBe('The request body is not JSON.');
  });
});

describe('markings and conflicts through the API', () => {
  it('hides OFFICIAL-SENSITIVE threats from an OFFICIAL analyst in lists, reads and the combined view', async () => {
    const analyst = await as('r.patel');
    const official = await as('k.hughes');
    const all = (await analyst.get<Threat[]>('/api/assessments/2/threats')).body;
    const sensitive = all.filter((t) => t.marking === 'OFFICIAL-SENSITIVE');
    expect(sensitive.length).toBeGreaterThan(0);
    const seen = (await official.get<Threat[]>('/api/assessments/2/threats')).body;
    expect(seen.length).toBe(all.length - sensitive.length);
    expect(seen.some((t) => t.marking !== 'OFFICIAL')).toBe(false);
    const read = await official.get(`/api/threats/${sensitive[0]!.id}`);
    expect(read.status).toBe(404);
    const combined = JSON.stringify((await official.get('/api/assessments/2/combined')).body);
    for (const t of sensitive) expect(combined).not.toContain(`"${t.name}"`);
  });

  it('answers a stale edit with 409 and the record as it is now', async () => {
    const a = await as('r.patel');
    const b = await as('r.patel');
    const t = (await a.get<Threat[]>('/api/assessments/2/threats')).body[1]!;
    expect((await a.call('PUT', `/api/threats/${t.id}`, { expectedVersion: t.version, owner: 'Owner A' })).status).toBe(
      200,
    );
    const stale = await b.call<ErrorAnswer>('PUT', `/api/threats/${t.id}`, {
      expectedVersion: t.version,
      owner: 'Owner B',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain(`you had version ${t.version}, it is now version ${t.version + 1}`);
    expect(stale.body.error.details?.['record']).toMatchObject({ id: t.id, owner: 'Owner A', version: t.version + 1 });
  });

  it('keeps 500s free of internals', async () => {
    const client = await as('r.patel');
    const empty = await client.get<WarehouseSummary>('/api/trends/warehouse');
    expect(empty.body).toMatchObject({ latestMonth: null, imports: 0 });
    const { errorResponse } = await import('./http-errors.js');
    const r = errorResponse(new Error('secret path /etc/x at line 3'), (l) => logged.push(l));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('/etc/x');
    expect(logged.at(-1)).toContain('/etc/x');
  });
});

describe('the scoring workshop', () => {
  it("withholds other assessors' scores until you submit your own", async () => {
    const analyst = await as('k.hughes');
    const threat = (await analyst.get<Threat[]>('/api/assessments/2/threats')).body.find(
      (t) => t.marking === 'OFFICIAL',
    )!;
    const before = (await analyst.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    expect(before.hidden).toBe(true);
    expect(before.others).toEqual([]);
    expect(before.submitted.length).toBeGreaterThan(0);
    const values = Object.fromEntries(
      before.model.factors.filter((f) => !f.optional).map((f) => [f.id, f.levels[0]!.value]),
    );
    const made = await analyst.call<StoredScore>('POST', `/api/threats/${threat.id}/scores`, { values });
    expect(made.status).toBe(201);
    const after = (await analyst.get<WorkshopView>(`/api/threats/${threat.id}/workshop`)).body;
    expect(after.hidden).toBe(false);
    expect(after.mine!.assessor).toBe('k.hughes');
    expect(after.others.length).toBe(before.submitted.length);
    expect(after.combined!.assessors.length).toBe(before.submitted.length + 1);
    // Now scoring this assessment, the analyst sees no other threat's result until scoring it too.
    const combined = (await analyst.get<CombinedView>('/api/assessments/2/combined')).body;
    expect(combined.entries.map((e) => e.threatId)).toEqual([threat.id]);
    expect(combined.entries[0]!.rank).toBe(1);
    expect(combined.withheld.length).toBeGreaterThan(10);
    const other = combined.withheld[0]!.threatId;
    expect((await analyst.get(`/api/threats/${other}/sensitivity`)).status).toBe(403);
    const direction = (await analyst.get<DirectionView>('/api/assessments/2/direction')).body;
    expect(direction.directions.map((d) => Number(d.threatId))).toEqual([threat.id]);
    // An approver who is not scoring sees every result.
    const approver = await as('acc.morgan');
    const all = (await approver.get<CombinedView>('/api/assessments/2/combined')).body;
    expect(all.withheld).toEqual([]);
    expect(all.entries.length).toBeGreaterThan(20);
  });
});
