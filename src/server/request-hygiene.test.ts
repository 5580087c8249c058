/**
 * Issue 13, defects 8 and 9: a JSON route takes only `application/json` (a `text/plain` login is
 * how a cross-site form logs a victim in as the attacker), and a NUL character or a whole number
 * beyond the store's integer columns is a 400 naming the field, never a 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/record/people.js';
import { demoApp, fieldsOf, type DemoApp } from '../../test/demo-app.js';
import { ApiClient } from '../../test/api-client.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 120_000);

describe('JSON routes require application/json', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a login sent as %s, naming the content type, and logs nobody in',
    async (type) => {
      const client = new ApiClient(demo.app);
      const answer = await client.call('POST', '/api/session', undefined, {
        raw: JSON.stringify({ username: 'r.patel', password: DEMO_PASSWORD }),
        headers: { 'content-type': type },
      });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['content-type']);
      expect(answer.headers.get('set-cookie')).toBeNull();
    },
  );

  it('refuses a change sent as text/plain by a logged-in user', async () => {
    const analyst = await demo.as('r.patel');
    const answer = await analyst.call('PUT', '/api/threats/1', undefined, {
      raw: JSON.stringify({ expectedVersion: 1, name: 'x' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['content-type']);
  });
});

describe('NUL characters and ids beyond 2^31 are 400s naming the field', () => {
  it('a NUL in the login name', async () => {
    const answer = await new ApiClient(demo.app).call('POST', '/api/session', {
      username: 'r.pa\u0000tel',
      password: 'x',
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['username']);
  });

  it('a NUL in a query parameter and in a nested body field', async () => {
    const admin = await demo.as('admin');
    const q = await admin.get('/api/audit?table=thr%00eats');
    expect(q.status).toBe(400);
    expect(fieldsOf(q.body)).toEqual(['table']);
    const b = await (
      await demo.as('r.patel')
    ).call('PUT', '/api/threats/30', {
      expectedVersion: 1,
      description: 'Theft\u0000',
    });
    expect(b.status).toBe(400);
    expect(fieldsOf(b.body)).toEqual(['description']);
  });

  it('an id above 2^31 in the address or the body', async () => {
    const analyst = await demo.as('r.patel');
    const path = await analyst.get('/api/assessments/2147483648');
    expect(path.status).toBe(400);
    expect(fieldsOf(path.body)).toEqual(['id']);
    const threat = await analyst.get('/api/threats/99999999999');
    expect(threat.status).toBe(400);
    const version = await analyst.call('PUT', '/api/threats/30', { expectedVersion: 2 ** 31, name: 'x' });
    expect(version.status).toBe(400);
    expect(fieldsOf(version.body)).toEqual(['expectedVersion']);
  });
});
