/**
 * Scale-out (slow, end to end): two `stra serve` processes on different ports against one
 * PostgreSQL store and one workspace serve the same users — a login on one is valid on the other,
 * a change made through one is seen through the other and a stale edit is refused across them —
 * and queued import jobs each run exactly once although both servers' workers poll for them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/record/people.js';
import { freshDatabase, startServe, STRA, type ServerProcess } from './servers.js';
import { STREET_HEADER_LINE, streetRow } from '../temp-workspace.js';

const run = promisify(execFile);
const db = await freshDatabase();
const suite = db === undefined ? describe.skip : describe;
if (db === undefined) process.stderr.write('scale-out test: skipped (the PostgreSQL test server is not reachable)\n');

let dir = '';
let servers: ServerProcess[] = [];

beforeAll(async () => {
  if (db === undefined) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-scale-'));
  const env = { ...process.env, DATABASE_URL: db.url, STRA_THREADS: '1' };
  await run(process.execPath, [STRA, 'demo-store', '-w', path.join(dir, 'ws'), '--json'], { env });
  servers = await Promise.all([
    startServe(path.join(dir, 'ws'), { DATABASE_URL: db.url, STRA_THREADS: '1' }),
    startServe(path.join(dir, 'ws'), { DATABASE_URL: db.url, STRA_THREADS: '1' }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.drop();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
}, 60_000);

async function call(
  base: string,
  method: string,
  p: string,
  cookie?: string,
  csrf?: string,
  body?: unknown,
  raw?: string,
) {
  const headers: Record<string, string> = {};
  if (cookie) headers['cookie'] = cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + p, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
  };
}

suite('two servers, one PostgreSQL store', () => {
  it("share sessions and see each other's changes; a stale edit through the other is refused", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    expect(a.url).not.toBe(b.url);
    const login = await call(a.url, 'POST', '/api/session', undefined, undefined, {
      username: 'r.patel',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    const { cookie } = login;
    const csrf = login.body.csrfToken as string;
    expect((await call(b.url, 'GET', '/api/session', cookie)).body.username).toBe('r.patel');
    const threat = (await call(b.url, 'GET', '/api/assessments/2/threats', cookie)).body[0];
    const edited = await call(a.url, 'PUT', `/api/threats/${threat.id}`, cookie, csrf, {
      expectedVersion: threat.version,
      owner: 'Edited through server A',
    });
    expect(edited.status).toBe(200);
    expect((await call(b.url, 'GET', `/api/threats/${threat.id}`, cookie)).body).toMatchObject({
      owner: 'Edited through server A',
      version: threat.version + 1,
    });
    const stale = await call(b.url, 'PUT', `/api/threats/${threat.id}`, cookie, csrf, {
      expectedVersion: threat.version,
      owner: 'late',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.record.owner).toBe('Edited through server A');
    await call(b.url, 'DELETE', '/api/session', cookie, csrf);
    expect((await call(a.url, 'GET', '/api/session', cookie)).status).toBe(401);
  }, 60_000);

  it('runs each queued import once, whichever server claims it', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const login = await call(a.url, 'POST', '/api/session', undefined, undefined, {
      username: 'r.patel',
      password: DEMO_PASSWORD,
    });
    const [cookie, csrf] = [login.cookie, login.body.csrfToken as string];
    const jobs: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const month = `2017-0${i + 1}`;
      const server = i % 2 === 0 ? a : b;
      const batch = (await call(server.url, 'POST', '/api/uploads', cookie, csrf, {})).body.batch as string;
      const csv =
        [STREET_HEADER_LINE, streetRow({ id: `scale-${i}-a`, month }), streetRow({ id: `scale-${i}-b`, month })].join(
          '\n',
        ) + '\n';
      expect(
        (
          await call(
            server.url,
            'PUT',
            `/api/uploads/${batch}/files/${month}-warwickshire-street.csv`,
            cookie,
            csrf,
            undefined,
            csv,
          )
        ).status,
      ).toBe(201);
      jobs.push((await call(server.url, 'POST', `/api/uploads/${batch}/import`, cookie, csrf, {})).body.id as number);
    }
    const done = async (id: number) => {
      for (let t = 0; t < 240; t += 1) {
        const job = (await call(a.url, 'GET', `/api/jobs/${id}`, cookie)).body;
        if (job.status === 'done' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`job ${id} did not finish`);
    };
    const finished = await Promise.all(jobs.map(done));
    expect(finished.map((j) => [j.status, j.error])).toEqual([
      ['done', null],
      ['done', null],
      ['done', null],
      ['done', null],
    ]);
    expect(finished.every((j) => j.result.imported === 2)).toBe(true);
    const catalog = JSON.parse(await readFile(path.join(dir, 'ws', 'warehouse', 'catalog.json'), 'utf8'));
    expect(catalog.imports).toHaveLength(4);
    const claimers = new Set(finished.map((j) => j.claimedBy));
    process.stderr.write(`scale-out: 4 jobs claimed by ${[...claimers].join(', ')}\n`);
  }, 120_000);
});
