/**
 * The web app in a real browser (slow, end to end): Debian's Chromium through playwright-core
 * against a real `stra serve` on a demo workspace. Covers login and logout, the main pages
 * with axe-core (no serious or critical WCAG 2.2 A/AA violations), and a tablet-width layout;
 * screenshots of every main page are written to STRA_SCREENSHOTS (default tmp/screenshots).
 * Skips with a message when Chromium is not installed.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/assessment/demo-people.js';
import { hasChromium, launchBrowser, logIn, seriousA11yViolations } from '../browser.js';
import { repoRoot } from '../shared-data.js';
import { startServe, STRA, type ServerProcess } from './servers.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

const shots = process.env.STRA_SCREENSHOTS ?? path.join(repoRoot, 'tmp', 'screenshots');
let dir = '';
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-ui-'));
  const ws = path.join(dir, 'ws');
  await promisify(execFile)(process.execPath, [STRA, 'demo', '-w', ws, '--from', '2016-04', '--to', '2018-03', '--json'], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '' } });
  server = await startServe(ws, { DATABASE_URL: '' });
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir !== '') await rm(dir, { recursive: true, force: true });
}, 60_000);

async function session(username: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await logIn(page, server.url, username, DEMO_PASSWORD);
  return { context, page };
}

async function visit(page: Page, url: string, ready: string, shot: string): Promise<void> {
  await page.goto(server.url + url);
  await page.getByRole('heading', { name: ready }).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(shots, `${shot}.png`), fullPage: true });
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`), `axe on ${url}`).toEqual([]);
}

suite('the web app in Chromium', () => {
  it('logs in, refuses a wrong password, and logs out', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.screenshot({ path: path.join(shots, 'login.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Username').fill('r.patel');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong username or password');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Threats scored' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Username').waitFor();
    await page.reload();
    await page.getByLabel('Username').waitFor();
    await context.close();
  }, 60_000);

  it('shows the main pages without serious accessibility violations', async () => {
    const { context, page } = await session('r.patel');
    await visit(page, '/assessments/2', 'Threats scored', 'dashboard');
    await visit(page, '/trends', 'Trends and harm', 'trends');
    await context.close();
  }, 120_000);

  it('lays out the dashboard at tablet width', async () => {
    const { context, page } = await session('r.patel', 800);
    await visit(page, '/assessments/2', 'Threats scored', 'dashboard-tablet');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  }, 60_000);
});
