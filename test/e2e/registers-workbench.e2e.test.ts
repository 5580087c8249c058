/**
 * Issue 14, the registers as the analyst's workbench (slow, end to end): Debian's Chromium through
 * playwright-core against a real `stra serve` on a demo workspace, in the en-GB locale. An analyst
 * corrects a plan's title, years and commissioner (through a 409 when someone else changed it
 * meanwhile), maps an objective onto headings of the partners' priorities and a threat, unpairs two
 * objectives of the demo's Appendix 1 mapping and unlinks a theme; raises a change driver's marking
 * (only markings up to their clearance are offered); date inputs read dd/mm/yyyy. A reader gets no
 * form. The last test stops the server and checks the store and the audit. Screenshots go to
 * STRA_SCREENSHOTS (default tmp/screenshots). Skips without Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  getDriver,
  getPlan,
  getPlanMapping,
  listAudit,
  listPlans,
  openStore,
  storeFolder,
} from '../../src/store/index.js';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium)
  process.stderr.write('Workbench register UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;
const ASSESSMENT = 2;
let planId = 0;
let driverId = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-workbench-'));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;
const session = (username: string) => demoSession(browser, server!, username);

suite('plans and drivers in the workbench, in Chromium', () => {
  it('gives a reader of a plan no form to edit or map it', async () => {
    const { context, page } = await session('opcc.reader');
    await page.goto(url('/registers/plans/1'));
    await page.getByRole('heading', { name: /West Mercia Police and Crime Plan/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit the plan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Map to priorities and threats/ }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it("lets an analyst correct a plan's title, years and commissioner through a 409, and map an objective", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/plans'));
    // The plan to work on, made through the API as this user.
    planId = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken };
      const plan = (await (
        await fetch('/api/plans', {
          method: 'POST',
          headers,
          body: JSON.stringify({ organisationId: 'wwm-alliance', title: 'Alliance Plan', period: '2017-2020' }),
        })
      ).json()) as { id: number; version: number };
      await (
        await fetch(`/api/plans/${plan.id}/objectives`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            expectedVersion: plan.version,
            theme: 'Protecting people from harm',
            text: 'Tackle child sexual exploitation',
          }),
        })
      ).text();
      return plan.id;
    });
    await page.goto(url(`/registers/plans/${planId}`));
    await page.getByRole('heading', { name: /Alliance Plan \(2017-2020\)/ }).waitFor();
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Edit the plan' }) });
    await form.getByLabel('Title').fill('Alliance Policing Plan');
    await form.getByLabel('Years it covers (like 2016-2021)').fill('2017-2021');
    await form.getByLabel('Commissioner (optional)').fill('John Champion');
    // Someone else corrects the plan meanwhile (through the API, as this user in another tab).
    await page.evaluate(async (id) => {
      const p = (await (await fetch(`/api/plans/${id}`)).json()) as { version: number };
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      await (
        await fetch(`/api/plans/${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ expectedVersion: p.version, source: 'https://example.org/plan.pdf' }),
        })
      ).text();
    }, planId);
    await form.getByRole('button', { name: 'Save plan' }).click();
    await form.getByRole('alert').filter({ hasText: 'Someone else changed this plan' }).waitFor();
    await expect(form.getByLabel('Title').inputValue()).resolves.toBe('Alliance Policing Plan');
    await shot(page, 'plan-edit-conflict');
    await form.getByRole('button', { name: 'Save my changes to the current version' }).click();
    await page.getByRole('heading', { name: /Alliance Policing Plan \(2017-2021\)/ }).waitFor();
    await page.getByText('John Champion').waitFor();
    await page.getByText('https://example.org/plan.pdf').waitFor();

    await page.getByRole('button', { name: 'Map to priorities and threats: Tackle child sexual exploitation' }).click();
    const map = page.locator('form', { has: page.getByRole('heading', { name: /Map “Tackle child sexual/ }) });
    await map.getByLabel('Child sexual exploitation', { exact: true }).check();
    await map.getByLabel('Vulnerable people', { exact: true }).check();
    const threat = map.locator('fieldset', { hasText: 'Threats it serves' }).locator('input[type=checkbox]').first();
    await threat.waitFor();
    const threatName = (await map.locator(`label[for="${await threat.getAttribute('id')}"]`).textContent())!.trim();
    await threat.check();
    await shot(page, 'plan-objective-map-form');
    await map.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText(/Partners' priorities: .*Vulnerable people\./).waitFor();
    await page.getByText(`Threats: ${threatName}.`).waitFor();
    await shot(page, 'plan-edited-and-mapped');
    await context.close();
  }, 150_000);

  it("lets an analyst unpair two objectives and unlink a theme of the demo's mapping", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/plans'));
    await page.getByText(/^53 objectives matched/).waitFor();
    await page.getByRole('button', { name: 'Link themes and pair objectives' }).click();
    const made = page.locator('section', { has: page.getByRole('heading', { name: 'Links and pairs made' }) });
    await made.getByText('53 pairs of objectives: open to unpair one').click();
    await made.getByRole('button', { name: 'Unpair “Publish Victims Charter” from “Publish Victims Charter”' }).click();
    await made.getByRole('status').filter({ hasText: 'Unpaired “Publish Victims Charter”.' }).waitFor();
    await page.getByText(/^52 objectives matched/).waitFor();
    await made.getByRole('button', { name: /^Unlink “Reassuring West Mercia's communities”/ }).click();
    await made
      .getByRole('status')
      .filter({ hasText: /Unlinked “Reassuring West Mercia's communities”/ })
      .waitFor();
    await shot(page, 'plan-mapping-undone');
    await context.close();
  }, 120_000);

  it("lets an analyst raise a driver's marking, offering only markings up to their clearance", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url(`/registers/drivers?assessment=${ASSESSMENT}`));
    const first = page.locator('main a[href^="/registers/drivers/"]:visible').first();
    await first.waitFor();
    driverId = Number((await first.getAttribute('href'))!.split('/').at(-1));
    await first.click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: 'Edit driver' }) });
    await edit.waitFor();
    await expect(edit.getByLabel('Protective marking').locator('option').allTextContents()).resolves.toEqual([
      'OFFICIAL',
      'OFFICIAL-SENSITIVE',
    ]);
    await edit.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await edit.getByRole('button', { name: 'Save driver' }).click();
    await edit
      .getByRole('status')
      .filter({ hasText: /Saved: version/ })
      .waitFor();
    await page.locator('h1').getByText('OFFICIAL-SENSITIVE').waitFor();
    await shot(page, 'driver-marking-raised');
    // Dates on forms read as en-GB: the browser runs in en-GB, as the app's own dates are written.
    const localDate = await page.evaluate(() => new Intl.DateTimeFormat().format(new Date(2017, 4, 2)));
    expect(localDate).toBe('02/05/2017');
    await context.close();
  }, 120_000);

  it('lets an administrator load a population table and see it listed with who loaded it and when', async () => {
    const { context, page } = await session('admin');
    await page.goto(url('/admin/tables'));
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Population table' }) });
    await form.getByLabel('For').selectOption({ label: 'Warwickshire Police' });
    await form.getByLabel('CSV file').setInputFiles({
      name: 'districts-2019.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('area_code,year,population\nE07000220,2019,108935\nE07000218,2019,65452\n'),
    });
    await form.getByRole('button', { name: 'Load population table' }).click();
    await form.getByRole('status').filter({ hasText: 'Loaded districts-2019.csv: 2 rows' }).waitFor();
    const loaded = page.getByRole('table', { name: 'Tables loaded, from this page or the command line, newest first' });
    await loaded.getByRole('row', { name: /districts-2019\.csv/ }).waitFor();
    await expect(loaded.getByRole('row', { name: /districts-2019\.csv/ }).textContent()).resolves.toMatch(
      /\d{1,2} [A-Z][a-z]+ \d{4}(,| at) \d{2}:\d{2}adminThis pageWarwickshire PolicePopulation/,
    );
    await shot(page, 'tables-loaded');
    await context.close();
  }, 120_000);

  it('leaves in the store what the browser made, audited', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const actor = await actorFor(store, 'admin');
      const plan = await getPlan(store, actor, planId);
      expect(plan).toMatchObject({
        title: 'Alliance Policing Plan',
        period: '2017-2021',
        commissioner: 'John Champion',
        source: 'https://example.org/plan.pdf',
      });
      const objective = plan.themes[0]!.objectives[0]!;
      expect(objective.priorities).toEqual(['cse', 'vulnerability']);
      expect(objective.threats).toHaveLength(1);
      const mapping = await getPlanMapping(store, actor, 1);
      expect(mapping.pairs).toHaveLength(52);
      expect(mapping.themeLinks.map((l) => l.themeA)).not.toContain("Reassuring West Mercia's communities");
      expect((await getDriver(store, actor, driverId)).marking).toBe('OFFICIAL-SENSITIVE');
      const audited = async (table: string, recordId: number) =>
        (await listAudit(store, actor, { table, recordId })).map((a) => a.action);
      expect(await audited('plans', planId)).toEqual(expect.arrayContaining(['create', 'update']));
      expect(await audited('plan_objective_maps', objective.id)).toEqual(['update']);
      expect(await audited('drivers', driverId)).toContain('update');
      expect(
        (await listAudit(store, actor, { table: 'plan_objective_pairs' })).some((a) => a.action === 'delete'),
      ).toBe(true);
      expect((await listPlans(store, actor)).length).toBeGreaterThan(2);
    } finally {
      await store.close();
    }
  }, 120_000);
});
