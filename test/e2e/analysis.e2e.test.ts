/**
 * The analyst's workbench in a real browser (issue 14, analysis part): a demo alliance workspace
 * with a neighbouring force's real police.uk months imported beside it. Checks the figures each
 * page shows against the warehouse (the CLI's own counts) and the real files, runs axe-core on
 * each page, and writes screenshots to STRA_SCREENSHOTS (default tmp/screenshots).
 * Skips with a message when Chromium or ../shared/data is absent.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/assessment/demo-people.js';
import { hasChromium, launchBrowser, logIn, seriousA11yViolations } from '../browser.js';
import { hasSharedData, repoRoot, sharedData } from '../shared-data.js';
import { startServe, STRA, type ServerProcess } from './servers.js';

const ready = hasChromium && hasSharedData;
const suite = ready ? describe : describe.skip;
if (!hasChromium) process.stderr.write('analysis UI tests: skipped (no /usr/bin/chromium)\n');
else if (!hasSharedData) process.stderr.write('analysis UI tests: skipped (no ../shared/data)\n');

const run = promisify(execFile);
const shots = process.env.STRA_SCREENSHOTS ?? path.join(repoRoot, 'tmp', 'screenshots');
const LEICS = ['2018-03', '2018-04'].map((m) => sharedData('police-uk', m, `${m}-leicestershire-street.csv`));
let dir = '';
let ws = '';
let server: ServerProcess;
let browser: Browser;

async function stra<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [STRA, ...args, '-w', ws, '--json'], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATABASE_URL: '' },
  });
  return JSON.parse(stdout) as T;
}

beforeAll(async () => {
  if (!ready) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-analysis-'));
  ws = path.join(dir, 'ws');
  await stra('demo', '--from', '2016-04', '--to', '2018-03');
  await stra('import', ...LEICS);
  server = await startServe(ws, { DATABASE_URL: '' });
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
}, 60_000);

async function page(username = 'r.patel'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const p = await context.newPage();
  await logIn(p, server.url, username, DEMO_PASSWORD);
  return p;
}

async function settle(p: Page, shot: string): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.getByText('Updating…').waitFor({ state: 'detached' });
  await p.screenshot({ path: path.join(shots, `${shot}.png`), fullPage: true });
  const violations = await seriousA11yViolations(p);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual(
    [],
  );
}

/** The rows of the table behind a chart, as text cells. */
async function tableRows(p: Page, caption: RegExp | string): Promise<string[][]> {
  const table = p.locator('table', { has: p.locator('caption', { hasText: caption }) });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

const realRows = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').length - 1;
const en = (n: number) => n.toLocaleString('en-GB');

interface StatsRow {
  force: string;
  month: string;
  count: number;
}

suite('analysis in the browser', () => {
  it("opens trends on the user's organisation's area, complete, though a neighbour's months were imported", async () => {
    const p = await page();
    await p.goto(server.url + '/trends');
    await p
      .getByRole('heading', { name: /Monthly series, all crime, all areas of the Warwickshire and West Mercia/ })
      .waitFor();
    await settle(p, 'analysis-trends-alliance');
    const stats = await stra<{ rows: StatsRow[] }>(
      'stats',
      '--by',
      'month,force',
      '--from',
      '2018-03',
      '--to',
      '2018-03',
    );
    const alliance = stats.rows.filter((r) => r.force !== 'leicestershire').reduce((a, r) => a + r.count, 0);
    const series = await tableRows(p, /^Recorded crime by month/);
    expect(series.at(-1)?.slice(0, 2)).toEqual(['2018-03', en(alliance)]);
    expect(series.every((r) => r[1] !== '–')).toBe(true); // no month left empty by Leicestershire's gaps
    expect(series[0]?.[0]).toBe('2016-04'); // starts where the alliance's data start
  });

  it('offers every force in the warehouse by its proper name, and shows its own real months and CSPs', async () => {
    const p = await page();
    await p.goto(server.url + '/trends');
    const force = p.getByRole('combobox', { name: /^Force/ });
    await force.locator('option', { hasText: 'Leicestershire Police' }).waitFor({ state: 'attached' });
    const options = await force.locator('option').allTextContents();
    expect(options).toContain('Leicestershire Police (2 months loaded)');
    expect(options.some((o) => /^[a-z-]+$/.test(o))).toBe(false); // never a slug
    await force.selectOption({ label: 'Leicestershire Police (2 months loaded)' });
    await p.getByRole('heading', { name: 'Monthly series, all crime, all areas of Leicestershire Police' }).waitFor();
    await settle(p, 'analysis-trends-leicestershire');
    const series = await tableRows(p, /^Recorded crime by month/);
    expect(series.map((r) => r.slice(0, 2))).toEqual([
      ['2018-03', en(await realRows(LEICS[0]!))],
      ['2018-04', en(await realRows(LEICS[1]!))],
    ]);
    const areas = await p.getByRole('combobox', { name: /^Area/ }).locator('option').allTextContents();
    expect(areas).toContain('Charnwood'); // from the shipped national table, on day one
    expect(areas).not.toContain('Rugby');
  });
});
