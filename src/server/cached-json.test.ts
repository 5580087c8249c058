/**
 * cachedJson sends a cached answer as c.json would, and hands the audit of reads the same
 * sensitive records it would have found by parsing the response, found once per cached object.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cachedJson } from './cached-json.js';
import { sensitiveRecords, type SensitiveRecords } from './sensitive-records.js';
import type { AppEnv } from './session.js';

const answer = {
  threats: [
    { id: 1, name: 'Fraud', marking: 'OFFICIAL', organisationId: 'force' },
    { id: 2, name: 'CSE', marking: 'OFFICIAL-SENSITIVE', organisationId: 'force' },
    { id: 3, name: 'Cyber', marking: 'SECRET', organisationId: 'other' },
  ],
};
const open = { rows: [{ area: 'Rugby', count: 3 }] };

function app(seen: (SensitiveRecords | undefined)[]) {
  const a = new Hono<AppEnv>();
  a.use('*', async (c, next) => {
    await next();
    seen.push(c.get('sensitive'));
  });
  a.get('/marked', (c) => cachedJson(c, answer));
  a.get('/open', (c) => cachedJson(c, open));
  return a;
}

describe('cachedJson', () => {
  it('sends the same body and type as c.json', async () => {
    const res = await app([]).request('/marked');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(JSON.stringify(answer));
  });

  it('finds the sensitive records the audit would have parsed, once per cached object', async () => {
    const seen: (SensitiveRecords | undefined)[] = [];
    const a = app(seen);
    await a.request('/marked');
    await a.request('/marked');
    await a.request('/open');
    expect(seen[0]).toEqual(sensitiveRecords(JSON.parse(JSON.stringify(answer))));
    expect([...seen[0]!.keys()]).toEqual(['force', 'other']);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]!.size).toBe(0);
  });
});
