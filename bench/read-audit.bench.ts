/**
 * `npx tsx bench/read-audit.bench.ts [-- --requests N --rounds R]`: what the read audit costs a
 * request (issue 13), in process, so a busy machine disturbs both sides alike. The demo app
 * answers N sequential requests per round to the session (the baseline every request pays), the
 * threat list and the combined ranking (both write a read-audit row for their OFFICIAL-SENSITIVE
 * threats), in two interleaved modes:
 * - queued: as the server runs (the row queued, written later in batches, off the request path);
 * - inline: the queue written at the end of each request and counted in its time, which is what
 *   writing the row on the request path (before issue 13's queue) cost.
 * Prints p50 and p99 per read and mode, and each p99 as a ratio to the session's.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/demo/record/people.js';
import { createApp } from '../src/server/app.js';
import type { ServerOptions } from '../src/server/options.js';
import { WarehouseAccess } from '../src/server/warehouse-access.js';
import { flushEvents } from '../src/store/index.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { ApiClient } from '../test/api-client.js';
import { demoStore } from '../test/store-snapshots.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const requests = Number(arg('requests', '200'));
const rounds = Number(arg('rounds', '3'));

const store = await demoStore();
const workspace = (await openWorkspace(await mkdtemp(path.join(os.tmpdir(), 'stra-read-audit-')))).paths;
const options: ServerOptions = {
  workspace,
  sessionHours: 8,
  secureCookies: false,
  threads: 1,
  memoryLimit: '256MB',
  webRoot: undefined,
  now: () => new Date(),
  log: () => undefined,
};
const client = new ApiClient(createApp(store, new WarehouseAccess(workspace, options), options));
if ((await client.login('r.patel', DEMO_PASSWORD)).status !== 200) throw new Error('login failed');
const reads: [string, string][] = [
  ['baseline: GET /api/session', '/api/session'],
  ['threat list', '/api/assessments/2/threats'],
  ['combined ranking', '/api/assessments/2/combined'],
];
const times = new Map<string, number[]>();
const record = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);

async function once(url: string, inline: boolean): Promise<number> {
  const t = performance.now();
  const res = await client.get(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  if (inline) await flushEvents(store);
  return performance.now() - t;
}

// Warm up (JIT, the store's first queries, the read cache).
for (const [, url] of reads) for (let i = 0; i < 50; i++) await once(url, false);
for (let r = 0; r < rounds; r++)
  for (const mode of ['queued', 'inline'] as const)
    for (const [name, url] of reads)
      for (let i = 0; i < requests; i++) record(`${name}|${mode}`, await once(url, mode === 'inline'));
await flushEvents(store);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
console.log(`${requests} sequential requests x ${rounds} rounds per read and mode, in process (PGlite, demo store)`);
console.log(
  `${'read'.padEnd(28)} ${'mode'.padEnd(7)} ${'mean ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'p99/base'.padStart(9)}`,
);
for (const mode of ['queued', 'inline'] as const) {
  const base = pct(times.get(`${reads[0]![0]}|${mode}`)!, 0.99);
  for (const [name] of reads) {
    const xs = times.get(`${name}|${mode}`)!;
    console.log(
      `${name.padEnd(28)} ${mode.padEnd(7)} ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2).padStart(8)} ${pct(xs, 0.5).toFixed(2).padStart(7)} ${pct(xs, 0.99).toFixed(2).padStart(7)} ${(pct(xs, 0.99) / base).toFixed(2).padStart(9)}`,
    );
  }
}
await store.close();
process.exit(0);
