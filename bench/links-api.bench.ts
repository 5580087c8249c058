/**
 * `npx tsx bench/links-api.bench.ts [INVESTIGATIONS CALLS_EACH REQUESTS]`: issue 16's link analysis
 * through the HTTP API, as the web app calls it (session cookie, CSRF token, the audit of every
 * consultation): each investigation's calls uploaded with POST /api/links/imports (an OpenSTRA
 * CSV, 2% of calls to 50 planted shared numbers, the same generator as bench:links), then REQUESTS
 * sequential requests each of one investigation's network, the whole cross-reference, a search
 * (with its deconfliction read) and a number's timeline, with p50/p99 latency. In process (Hono's
 * app.request, no socket), on PGlite in a temporary folder. Compare runs on one machine only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/auth/passwords.js';
import { createApp } from '../src/server/app.js';
import { WarehouseAccess } from '../src/server/warehouse-access.js';
import type { ServerOptions } from '../src/server/options.js';
import { createOrganisation, createUser, openStore, setPasswordHash, storeFolder } from '../src/store/index.js';
import { openWorkspace } from '../src/workspace/workspace.js';

const INVESTIGATIONS = Number(process.argv[2] ?? 20);
const CALLS = Number(process.argv[3] ?? 10_000);
const REQUESTS = Number(process.argv[4] ?? 100);

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'stra-bench-links-api-'));
try {
  const store = await openStore({ folder: storeFolder(join(dir, 'store')) });
  await createOrganisation(store, null, { id: 'f', name: 'Force', kind: 'force' });
  await createUser(store, null, {
    username: 'a',
    displayName: 'A',
    clearance: 'SECRET',
    memberships: [{ organisationId: 'f', role: 'admin' }],
  });
  await setPasswordHash(store, null, 'a', await hashPassword('bench-password-1'));
  const workspace = (await openWorkspace(join(dir, 'ws'))).paths;
  const options: ServerOptions = {
    workspace,
    sessionHours: 8,
    secureCookies: false,
    threads: 1,
    memoryLimit: '256MB',
    webRoot: undefined,
    now: () => new Date(),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  const app = createApp(store, new WarehouseAccess(workspace, options), options);
  const login = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'a', password: 'bench-password-1' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: string | Buffer, type = 'application/json') => {
    const res = await app.request(path, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': type },
      body,
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  const rnd = seeded(16);
  const shared = Array.from({ length: 50 }, (_, i) => `+4479110${String(i).padStart(5, '0')}`);
  let uploadMs = 0;
  let bytes = 0;
  for (let i = 0; i < INVESTIGATIONS; i++) {
    await call('POST', '/api/links/investigations', JSON.stringify({ organisationId: 'f', reference: `OP-${i}` }));
    const lines = ['record,timestamp,direction,identifier,name,duration_s,region'];
    for (let c = 0; c < CALLS; c++) {
      const n =
        rnd() < 0.02 ? shared[Math.floor(rnd() * 50)]! : `+4479${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
      const month = 1 + Math.floor(rnd() * 9);
      lines.push(
        `call,2024-0${month}-1${Math.floor(rnd() * 9)}T10:00:00Z,${rnd() < 0.5 ? 'incoming' : 'outgoing'},${n},,${Math.floor(rnd() * 600)},`,
      );
    }
    const file = Buffer.from(lines.join('\n'));
    bytes += file.length;
    const t = performance.now();
    await call('POST', `/api/links/imports?investigation=OP-${i}&device=D1&name=op-${i}.csv`, file, 'text/csv');
    uploadMs += performance.now() - t;
  }
  const latencies = async (path: string) => {
    const ms: number[] = [];
    let size = 0;
    for (let r = 0; r < REQUESTS; r++) {
      const t = performance.now();
      const res = await call('GET', path);
      size = (await res.text()).length;
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    const q = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]! * 10) / 10;
    return { p50: q(0.5), p99: q(0.99), bytes: size };
  };
  const calls = INVESTIGATIONS * CALLS;
  console.log(
    JSON.stringify({
      investigations: INVESTIGATIONS,
      calls,
      requests: REQUESTS,
      uploadSeconds: Math.round(uploadMs / 100) / 10,
      uploadCallsPerSecond: Math.round(calls / (uploadMs / 1000)),
      uploadMiB: Math.round((bytes / 2 ** 20) * 10) / 10,
      oneInvestigationNetworkMs: await latencies('/api/links/network?investigation=OP-3'),
      xrefMs: await latencies('/api/links/xref'),
      searchMs: await latencies('/api/links/search?q=07911000007'),
      timelineMs: await latencies('/api/links/timeline?identifier=%2B447911000007'),
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    }),
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
