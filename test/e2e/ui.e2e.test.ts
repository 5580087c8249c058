/**
 * The web app in a real browser (slow, end to end): Debian's Chromium through playwright-core
 * against a real `stra serve` on a demo workspace. Covers login and logout, the main pages
 * with axe-core (no serious or critical WCAG 2.2 A/AA violations), and a tablet-width layout;
 * screenshots of every main page are written to STRA_SCREENSHOTS (default tmp/screenshots).
 * Skips with a message when Chromium is not installed.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/record/people.js';
import { hasChromium, logIn, seriousA11yViolations } from '../browser.js';
import { hasSharedData, repoRoot, sharedData } from '../shared-data.js';
import { readFile } from 'node:fs/promises';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, openBrowserDemo, SCREENSHOTS } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

const shots = SCREENSHOTS;
let dir = '';
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, server, browser } = await openBrowserDemo('stra-ui-', { from: '2016-04' }));
}, 240_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

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
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    `axe on ${url}`,
  ).toEqual([]);
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
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  }, 60_000);

  it('hides OFFICIAL-SENSITIVE threats from an OFFICIAL analyst in every list, chart and export', async () => {
    const catalogue = JSON.parse(
      await readFile(path.join(repoRoot, 'data', 'demo', 'threat-catalogue.json'), 'utf8'),
    ) as { threats: { name: string; description: string; marking: string }[] };
    const hidden = catalogue.threats.filter((t) => t.marking === 'OFFICIAL-SENSITIVE');
    expect(hidden.length).toBeGreaterThan(0);
    const { context: seer, page: analyst } = await session('r.patel');
    await analyst.goto(`${server.url}/assessments/2/threats`);
    await analyst.getByRole('heading', { name: 'Threats and scoring' }).waitFor();
    await analyst.waitForLoadState('networkidle');
    expect(await analyst.content()).toContain(`>${hidden[0]!.name}<`);
    await seer.close();
    const { context, page } = await session('k.hughes');
    const pages: [string, string][] = [
      ['/assessments/2', 'Threats scored'],
      ['/assessments/2/threats', 'Threats and scoring'],
      ['/assessments/2/summary', 'Assessment summary'],
      ['/assessments/2/control-strategy', 'Control Strategy'],
    ];
    for (const [url, heading] of pages) {
      await visit(page, url, heading, `official-${url.split('/').pop()}`);
      const html = await page.content();
      for (const t of hidden) {
        expect(html, `${t.name} on ${url}`).not.toContain(`>${t.name}<`);
        expect(html, `${t.name}'s description on ${url}`).not.toContain(t.description.slice(0, 60));
      }
    }
    await page.goto(`${server.url}/assessments/2/summary`);
    await page.getByRole('button', { name: 'Download CSV' }).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).first().click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(5);
    for (const t of hidden) expect(csv).not.toContain(t.name === 'OCG' ? ',OCG,' : t.name);
    const api = await page.evaluate(async () => (await fetch('/api/assessments/2/combined')).text());
    for (const t of hidden) expect(api).not.toContain(`"${t.name}"`);
    await context.close();
  }, 120_000);

  it("lets a third assessor score a threat blind, then shows everyone's scores side by side, one per person", async () => {
    const { context: a, page: first } = await session('r.patel');
    const { context: b, page: second } = await session('k.hughes');
    const threats = JSON.parse(
      await first.evaluate(async () => (await fetch('/api/assessments/2/threats')).text()),
    ) as { id: number; name: string; marking: string }[];
    const threat = threats.find((t) => t.name === 'KSI')!;
    // r.patel scored KSI in the demo (as r.patel): their own form is theirs, already submitted.
    await first.goto(`${server.url}/assessments/2/threats/${threat.id}`);
    await first.getByRole('heading', { name: 'Your score (submitted)' }).waitFor();
    await first.getByRole('button', { name: 'Update my score' }).waitFor();
    // k.hughes has not: the others' scores are hidden, and each assessor is named once.
    await second.goto(`${server.url}/assessments/2/threats/${threat.id}`);
    await second.getByRole('heading', { name: 'Scoring workshop' }).waitFor();
    await second.getByText('Submitted so far: r.patel, s.okafor.').waitFor();
    await second.waitForLoadState('networkidle');
    await second.screenshot({ path: path.join(shots, 'workshop-before.png'), fullPage: true });
    expect(await second.content()).not.toContain('DI R. Patel');
    const selects = second.locator('form.score-form select');
    for (let i = 0; i < (await selects.count()); i += 1) {
      const select = selects.nth(i);
      if ((await select.locator('option').first().textContent())?.startsWith('Choose') === true)
        await select.selectOption({ index: 2 });
    }
    await second.getByRole('button', { name: /Submit my score/ }).click();
    await second.getByText('Your score is saved').waitFor();
    await second.reload();
    await second.getByRole('heading', { name: 'Assessors' }).waitFor();
    await second.waitForLoadState('networkidle');
    const html = await second.content();
    for (const who of ['r.patel', 's.okafor', 'k.hughes']) expect(html).toContain(who);
    const api = JSON.parse(
      await second.evaluate(async (id) => (await fetch(`/api/threats/${id}/workshop`)).text(), threat.id),
    ) as { submitted: string[]; mine: { assessor: string } };
    expect(api.submitted).toEqual(['k.hughes', 'r.patel', 's.okafor']);
    expect(api.mine.assessor).toBe('k.hughes');
    await second.screenshot({ path: path.join(shots, 'workshop-after.png'), fullPage: true });
    expect(await seriousA11yViolations(second)).toEqual([]);
    await a.close();
    await b.close();
  }, 120_000);

  it('shows the conflict when someone else changed the threat first', async () => {
    const { context: a, page: one } = await session('r.patel');
    const { context: b, page: two } = await session('r.patel');
    for (const page of [one, two]) {
      await page.goto(`${server.url}/assessments/2/threats`);
      await page.getByRole('button', { name: 'Edit Cyber' }).click();
      await page.getByLabel('Owner').waitFor();
    }
    await one.getByLabel('Owner').fill('DCI First');
    await one.getByRole('button', { name: 'Save' }).click();
    await one.getByRole('status').filter({ hasText: /saved/i }).waitFor();
    await two.getByLabel('Owner').fill('DCI Second');
    await two.getByRole('button', { name: 'Save' }).click();
    const alert = two.getByRole('alert').filter({ hasText: 'has changed since you read it' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('DCI First');
    await two.screenshot({ path: path.join(shots, 'threat-conflict.png'), fullPage: true });
    await a.close();
    await b.close();
  }, 120_000);

  (hasSharedData ? it : it.skip)(
    'imports real police.uk files through the upload page and shows the figures',
    async () => {
      const { context, page } = await session('r.patel');
      await page.goto(`${server.url}/data`);
      await page
        .getByLabel(/Files to import/)
        .setInputFiles([
          sharedData('police-uk', '2018-04', '2018-04-warwickshire-street.csv'),
          sharedData('police-uk', '2018-04', '2018-04-warwickshire-stop-and-search.csv'),
        ]);
      await page.getByRole('button', { name: 'Upload and import' }).click();
      const finished = page.getByText(/Import finished/);
      await finished.waitFor({ timeout: 120_000 });
      expect(await finished.textContent()).toContain('4,554 rows imported from 2 files');
      await page.screenshot({ path: path.join(shots, 'data-after-upload.png'), fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.reload();
      await page.getByRole('heading', { name: 'Data and imports' }).waitFor();
      const history = page.getByRole('table').filter({ hasText: '2018-04-warwickshire-street.csv' });
      await history.first().waitFor();
      await context.close();
    },
    180_000,
  );

  it('shows the registers, the recommendations and the audit trail without serious accessibility violations', async () => {
    const { context, page } = await session('admin');
    await visit(page, '/assessments/2/recommendations', 'Recommendations', 'recommendations');
    await visit(page, '/registers/risks', 'Strategic risk register', 'risks');
    await visit(page, '/registers/drivers', 'Change drivers', 'drivers');
    await visit(page, '/registers/priorities', "Partners' priorities", 'priorities');
    await visit(page, '/registers/plans', 'Plans and inspections', 'plans');
    await visit(page, '/audit', 'Audit trail', 'audit');
    await context.close();
  }, 180_000);

  it('lets an approver approve the Control Strategy, and not an analyst', async () => {
    const { context: a, page: analyst } = await session('r.patel');
    await visit(analyst, '/assessments/2/control-strategy', 'Control Strategy', 'control-strategy-analyst');
    expect(await analyst.getByRole('button', { name: 'Approve the Control Strategy' }).count()).toBe(0);
    await a.close();
    const { context, page } = await session('acc.morgan');
    await page.goto(`${server.url}/assessments/2/control-strategy`);
    await page.getByRole('button', { name: 'Approve the Control Strategy' }).click();
    // Approval freezes the scores: it is confirmed in a second step.
    await page.getByRole('button', { name: 'Yes, approve and freeze' }).click();
    await page
      .getByText(/Approved by acc.morgan/)
      .first()
      .waitFor();
    await page.screenshot({ path: path.join(shots, 'control-strategy-approved.png'), fullPage: true });
    await context.close();
  }, 120_000);
});
