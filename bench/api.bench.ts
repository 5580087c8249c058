/**
 * `npm run bench:api [-- --rows N --rate R --seconds S]`: the web app's speed (issue 6). A demo
 * workspace (the demo store and the synthetic alliance data) plus N generated national street rows
 * (default 6 million, one year) is prepared once and kept. A real `stra serve` process serves
 * it; autocannon sends R requests per second (default 100) for S seconds (default 20) to each
 * typical read, logged in as the demo analyst, and reports latency percentiles. The baseline,
 * measured in the same run at the same rate, is GET /api/session (the session lookup every request
 * pays). Target: p99 under 100 ms for each read. Then Chromium loads the UI and logs in; target:
 * the first page interactive in under 2 s.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { generateNationalDataset } from '../src/demo/national.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { runImport } from '../src/warehouse/import/run-import.js';
import { DEMO_PASSWORD } from '../src/demo/record/people.js';
import { launchBrowser } from '../test/browser.js';
import { startServe, STRA } from '../test/e2e/servers.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '6000000'));
const rate = Number(arg('rate', '100'));
const seconds = Number(arg('seconds', '20'));
const root = arg('dir', path.join(os.tmpdir(), 'stra-bench'));
const dataDir = path.join(root, `national-${rows}`);
const wsDir = path.join(root, `api-workspace-${rows}`);

async function prepare(): Promise<void> {
  if (existsSync(path.join(wsDir, 'ready'))) return;
  const t = performance.now();
  await promisify(execFile)(process.execPath, [STRA, 'demo', '-w', wsDir, '--json'], { maxBuffer: 64 * 1024 * 1024 });
  if (!existsSync(path.join(dataDir, 'done'))) {
    await generateNationalDataset({ outDir: dataDir, seed: 2017, rows, from: '2017-04' });
    await writeFile(path.join(dataDir, 'done'), '');
  }
  const ws = await openWorkspace(wsDir);
  await runImport(ws.paths, {
    paths: [dataDir],
    user: 'bench',
    threads: os.availableParallelism(),
    memoryLimit: '1GB',
    batchBytes: 400_000_000,
  });
  await writeFile(path.join(wsDir, 'ready'), '');
  console.log(
    `prepared the demo workspace plus ${rows.toLocaleString('en-GB')} national rows in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
}

async function logIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'r.patel', password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

interface Measured {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rps: number;
  readonly errors: number;
  readonly first: number;
}

async function measure(base: string, cookie: string, name: string, url: string): Promise<Measured> {
  const t = performance.now();
  const first = await fetch(base + url, { headers: { cookie } });
  if (!first.ok) throw new Error(`${url}: ${first.status} ${await first.text()}`);
  await first.arrayBuffer();
  const firstMs = performance.now() - t;
  const r = await autocannon({
    url: base + url,
    headers: { cookie },
    overallRate: rate,
    connections: 10,
    duration: seconds,
  });
  return {
    name,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: r.requests.average,
    errors: r.errors + r.non2xx,
    first: firstMs,
  };
}

async function firstPage(base: string): Promise<{ loginForm: number; dashboard: number }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const t0 = performance.now();
    await page.goto(base);
    await page.getByLabel('Username').waitFor();
    const loginForm = performance.now() - t0;
    await page.getByLabel('Username').fill('r.patel');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    const t1 = performance.now();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Threats scored' }).waitFor();
    return { loginForm, dashboard: performance.now() - t1 };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  await prepare();
  const server = await startServe(wsDir, { STRA_THREADS: String(os.availableParallelism()) });
  try {
    const cookie = await logIn(server.url);
    console.log(
      `${rows.toLocaleString('en-GB')} national rows + the demo; ${os.availableParallelism()} cores; ${rate} requests/s for ${seconds} s each, 10 connections`,
    );
    const reads: [string, string][] = [
      ['baseline: GET /api/session', '/api/session'],
      ['dashboard', '/api/assessments/2/dashboard'],
      ['threat list', '/api/assessments/2/threats'],
      ['combined ranking', '/api/assessments/2/combined'],
      ['trends: compare by CSP x category', '/api/trends/compare?by=csp,category&kind=financial-year&at=2017/18'],
      ['trends: monthly series, one CSP', '/api/trends/series?area=csp=Rugby&category=burglary'],
      ['harm beside volume by category', '/api/trends/harm?by=category&kind=financial-year&at=2017/18'],
      ['analysis scope (home area, forces)', '/api/trends/scope'],
      ['rates per 1,000 by CSP', '/api/analysis/rates?by=csp&force=warwickshire,west-mercia'],
      ['harm concentration, alliance LSOAs', '/api/analysis/concentration?force=warwickshire,west-mercia'],
      [
        'WDD, two CSPs',
        '/api/analysis/wdd?target=csp=Rugby&control=csp=North%20Warwickshire&beforeFrom=2016-04&beforeTo=2017-03&afterFrom=2017-04&afterTo=2018-03&force=warwickshire',
      ],
      ['stop and search, alliance', '/api/analysis/stop-search?force=warwickshire,west-mercia'],
      ['map boundaries, alliance CSPs', '/api/map/boundaries?level=csp&force=warwickshire,west-mercia'],
      ['map values, alliance LSOAs', '/api/map/values?level=lsoa&force=warwickshire,west-mercia&at=2017/18'],
    ];
    // Warm up (JIT, the embedded store's first queries) so the baseline is not the cold start.
    await autocannon({
      url: `${server.url}/api/session`,
      headers: { cookie },
      overallRate: rate,
      connections: 10,
      duration: 5,
    });
    const results: Measured[] = [];
    for (const [name, url] of reads) results.push(await measure(server.url, cookie, name, url));
    const base = results[0]!;
    console.log(
      `${'read'.padEnd(36)} ${'first ms'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'req/s'.padStart(6)} ${'errors'.padStart(6)} ${'p99/base'.padStart(8)}`,
    );
    for (const m of results) {
      console.log(
        `${m.name.padEnd(36)} ${m.first.toFixed(0).padStart(9)} ${String(m.p50).padStart(7)} ${String(m.p99).padStart(7)} ${String(m.max).padStart(7)} ${m.rps.toFixed(0).padStart(6)} ${String(m.errors).padStart(6)} ${(m.p99 / Math.max(1, base.p99)).toFixed(2).padStart(8)}`,
      );
    }
    const worst = Math.max(...results.slice(1).map((m) => m.p99));
    console.log(`worst p99 of the typical reads: ${worst} ms (target < 100 ms: ${worst < 100 ? 'met' : 'NOT met'})`);
    const ui = await firstPage(server.url);
    console.log(
      `UI in Chromium: login page interactive in ${ui.loginForm.toFixed(0)} ms; dashboard drawn ${ui.dashboard.toFixed(0)} ms after logging in (target < 2000 ms: ${Math.max(ui.loginForm, ui.dashboard) < 2000 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await server.stop();
  }
}

await main();
