/**
 * Issue 13, defect 7: throttling per (user, client). Wrong passwords from an attacker's address
 * lock that address out of that account with a growing wait, never the real user at theirs; the
 * client is the X-Forwarded-For address only when the socket is a trusted proxy; an administrator
 * of the user's organisation can unlock them, another force's cannot; failures and lockouts are
 * in the audit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/record/people.js';
import { ApiClient } from '../../test/api-client.js';
import type { DemoApp } from '../../test/demo-app.js';
import { multiOrgApp, SECOND_FORCE } from '../../test/multi-org.js';
import type { AuditRecord } from '../api/index.js';

let demo: DemoApp;
let clock = new Date('2026-12-07T10:00:00Z');
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

beforeAll(async () => {
  // In process there is no socket ("unknown"): trusting it stands for a reverse proxy in front.
  demo = await multiOrgApp({ now: () => clock, trustedProxies: ['unknown'] });
}, 120_000);

const from = (address: string) => {
  const client = new ApiClient(demo.app);
  return (password: string, username = 'k.hughes') =>
    client.call(
      'POST',
      '/api/session',
      { username, password },
      { headers: { 'x-forwarded-for': `10.0.0.1, ${address}` } },
    );
};

describe('login throttling per (user, client)', () => {
  it("an attacker's failures lock out the attacker's address, with backoff, and never the real user's", async () => {
    const attacker = from('203.0.113.9');
    for (let i = 0; i < 5; i++) expect((await attacker(`wrong ${i}`)).status).toBe(401);
    expect((await attacker(DEMO_PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.7')(DEMO_PASSWORD)).status).toBe(200);
    later(61); // 1 minute after the 5th failure: one more try
    expect((await attacker('wrong 5')).status).toBe(401);
    later(61); // the 6th failure asks for 2 minutes
    expect((await attacker('wrong 6')).status).toBe(429);
    later(61);
    expect((await attacker('wrong 7')).status).toBe(401);
  });

  it("an administrator of the user's organisation unlocks them; another force's administrator cannot", async () => {
    const attacker = from('203.0.113.10');
    for (let i = 0; i < 5; i++) await attacker(`wrong ${i}`, 'r.patel');
    expect((await attacker(DEMO_PASSWORD, 'r.patel')).status).toBe(429);
    const other = await demo.as(`${SECOND_FORCE}.admin.s`);
    expect((await other.call('POST', '/api/users/r.patel/unlock', {})).status).toBe(404);
    expect((await attacker(DEMO_PASSWORD, 'r.patel')).status).toBe(429);
    const admin = await demo.as('wwm-alliance.admin.s');
    expect((await admin.call('POST', '/api/users/r.patel/unlock', {})).status).toBe(200);
    expect((await attacker(DEMO_PASSWORD, 'r.patel')).status).toBe(200);
    const audit = (await admin.get<AuditRecord[]>('/api/audit?limit=1000')).body;
    const about = audit.filter((r) => JSON.stringify(r.after).includes('r.patel'));
    expect(about.map((r) => r.action)).toEqual(expect.arrayContaining(['login-failed', 'lockout', 'unlock']));
    expect(about.find((r) => r.action === 'login-failed')?.after).toMatchObject({ client: '203.0.113.10' });
  });

  it("an untrusted socket's X-Forwarded-For is ignored", async () => {
    const { demoApp } = await import('../../test/demo-app.js');
    const plain = await demoApp({ now: () => clock });
    const attempt = (address: string) =>
      new ApiClient(plain.app).call(
        'POST',
        '/api/session',
        { username: 'opcc.reader', password: 'wrong' },
        { headers: { 'x-forwarded-for': address } },
      );
    for (let i = 0; i < 5; i++) expect((await attempt(`192.0.2.${i}`)).status).toBe(401);
    expect((await attempt('192.0.2.99')).status).toBe(429); // one client ("unknown") however the header varies
  }, 60_000);
});
