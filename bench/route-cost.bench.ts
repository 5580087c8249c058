/**
 * `npx tsx bench/route-cost.bench.ts [-- --workspace DIR --requests N --rounds R]`: what the
 * cached reads cost a request beyond the session lookup (issue 13's 100 ms p99 target), in
 * process, so a busy machine disturbs every read alike. The demo store answers the store's reads;
 * the warehouse of DIR (default: the one `npm run bench:api -- --rows 200000` prepares) answers
 * the trends. N sequential requests per read per round, the reads interleaved round by round;
 * prints mean, p50 and p99 wall time per read and the process's mean CPU time per request (less
 * disturbed by the machine's other work), each also as a ratio to the session's.
 */
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
const requests = Number(arg('requests', '100'));
const rounds = Number(arg('rounds', '3'));
const dir = arg('workspace', path.join(os.tmpdir(), 'stra-bench', 'api-workspace-200000'));

const store = await demoStore();
const workspace = (await openWorkspace(dir)).paths;
const options: ServerOptions = {
  workspace,
  sessionHours: 8,
  secureCookies: false,
  threads: 1,
  memoryLimit: '512MB',
  webRoot: undefined,
  now: () => new Date(),
  log: () => undefined,
};
const client = new ApiClient(createApp(store, new WarehouseAccess(workspace, options), options));
if ((await client.login('r.patel', DEMO_PASSWORD)).status !== 200) throw new Error('login failed');
const reads: [string, string][] = [
  ['baseline: GET /api/session', '/api/session'],
  ['dashboard', '/api/assessments/2/dashboard'],
  ['threat list', '/api/assessments/2/threats'],
  ['combined ranking', '/api/assessments/2/combined'],
  ['trends: compare by CSP x category', '/api/trends/compare?by=csp,category&kind=financial-year&at=2017/18'],
  ['harm beside volume by category', '/api/trends/harm?by=category&kind=financial-year&at=2017/18'],
];
const times = new Map<string, number[]>();
const cpu = new Map<string, number[]>();

/** Wall time, and this process's CPU time (less disturbed by other work than the wall clock). */
async function once(url: string): Promise<[number, number]> {
  const t = performance.now();
  const c = process.cpuUsage();
  const res = await client.get(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  const used = process.cpuUsage(c);
  return [performance.now() - t, (used.user + used.system) / 1000];
}

// Warm up (JIT, the store's first queries, the caches).
for (const [, url] of reads) for (let i = 0; i < 20; i++) await once(url);
for (let r = 0; r < rounds; r++)
  for (const [name, url] of reads)
    for (let i = 0; i < requests; i++) {
      const [wall, used] = await once(url);
      times.set(name, [...(times.get(name) ?? []), wall]);
      cpu.set(name, [...(cpu.get(name) ?? []), used]);
    }
await flushEvents(store);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `${requests} sequential requests x ${rounds} rounds per read, in process (PGlite demo store; warehouse ${dir})`,
);
console.log(
  `${'read'.padEnd(36)} ${'mean ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'mean/base'.padStart(9)} ${'p99/base'.padStart(9)} ${'CPU ms'.padStart(7)} ${'CPU/base'.padStart(8)}`,
);
const base = times.get(reads[0]![0])!;
const baseCpu = cpu.get(reads[0]![0])!;
for (const [name] of reads) {
  const xs = times.get(name)!;
  const cs = cpu.get(name)!;
  console.log(
    `${name.padEnd(36)} ${mean(xs).toFixed(2).padStart(8)} ${pct(xs, 0.5).toFixed(2).padStart(7)} ${pct(xs, 0.99).toFixed(2).padStart(7)} ${(mean(xs) / mean(base)).toFixed(2).padStart(9)} ${(pct(xs, 0.99) / pct(base, 0.99)).toFixed(2).padStart(9)} ${mean(cs).toFixed(2).padStart(7)} ${(mean(cs) / mean(baseCpu)).toFixed(2).padStart(8)}`,
  );
}
await store.close();
process.exit(0);
