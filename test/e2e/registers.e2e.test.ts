/**
 * Issue 14, the registers written in the browser (slow, end to end): Debian's Chromium through
 * playwright-core against a real `stra serve` on a demo workspace. An analyst adds a
 * recommendation with its owner, due date and marking; an update dated 2099 is refused with the
 * reason and a real one goes in; the update is corrected (the original stays in the history);
 * the recommendation is edited, and an edit made meanwhile by someone else is answered with the
 * conflict note, the user's words kept and sent again. A reader gets no form. The last test stops
 * the server and checks that the store holds what the browser made. Screenshots go to
 * STRA_SCREENSHOTS (default tmp/screenshots). Skips without Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  getInspection,
  getRecommendation,
  listAudit,
  listDrivers,
  listPlans,
  getPlan,
  listPlanMappings,
  getPlanMapping,
  listPriorities,
  listInspections,
  listRecommendations,
  listRisks,
  openStore,
  storeFolder,
} from '../../src/store/index.js';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import path from 'node:path';
import { closeBrowserDemo, demoSession, openBrowserDemo, SCREENSHOTS, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium)
  process.stderr.write('Register UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;
/** The demo's 2017/18 assessment (still open). */
const ASSESSMENT = 2;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-registers-'));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;

const session = (username: string) => demoSession(browser, server!, username);

suite('the recommendations register in Chromium', () => {
  it('gives a reader no form to add or edit', async () => {
    const { context, page } = await session('acc.morgan');
    await page.goto(url(`/assessments/${ASSESSMENT}/recommendations`));
    await page.getByRole('table', { name: /Recommendations of/ }).waitFor();
    expect(await page.getByRole('button', { name: 'New recommendation' }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('lets an analyst add a recommendation, refuse a future update, add and correct one, and edit it', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url(`/assessments/${ASSESSMENT}/recommendations`));
    await page.getByRole('button', { name: 'New recommendation' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a recommendation' }) });
    await form.getByLabel('Number (optional)').fill('40');
    await form.getByLabel('Theme').fill('Modern Slavery');
    await form
      .getByLabel('Recommendation', { exact: true })
      .fill('Train every response officer to spot labour exploitation.');
    await form.getByLabel('Owner (optional)').fill('Det Supt Public Protection');
    await form.getByLabel('Due (optional)').fill('31/3/2018');
    await form.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await form.getByRole('button', { name: 'Add recommendation' }).click();
    await page.getByRole('status').filter({ hasText: 'Added recommendation 40 (OFFICIAL-SENSITIVE)' }).waitFor();
    const row = page.getByRole('row', { name: /Train every response officer/ });
    await row.getByRole('cell', { name: '31 March 2018' }).waitFor();
    await shot(page, 'recommendation-added');

    await row.getByRole('button', { name: /Updates/ }).click();
    const update = page.locator('form', { has: page.getByRole('heading', { name: 'Add update' }) });
    await update.getByLabel('Progress update').fill('All teams trained.');
    await update.getByLabel('Dated').fill('1/12/2099');
    await update.getByLabel('Status after this update').selectOption('complete');
    await update.getByRole('button', { name: 'Add update' }).click();
    await expect(update.getByRole('alert').textContent()).resolves.toMatch(/2099-12-01 is in the future/);
    await shot(page, 'recommendation-update-refused');
    await update.getByLabel('Dated').fill('1 Dec 2017');
    await update.getByText('Friday 1 December 2017').waitFor();
    await update.getByRole('button', { name: 'Add update' }).click();
    await update.getByRole('status').filter({ hasText: 'Update added.' }).waitFor();

    await page.getByRole('button', { name: 'Correct the update of 1 December 2017' }).click();
    const correction = page.locator('form', { has: page.getByRole('heading', { name: /Correct the update of/ }) });
    await correction.getByLabel('Update as it should read').fill('Two of four response teams trained.');
    await correction.getByLabel('Status after it').selectOption('in_progress');
    await correction.getByLabel('Why it is corrected').fill('Only two teams were trained.');
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await page.getByText('It first read:').waitFor();
    await row.getByText('In progress').waitFor();
    await shot(page, 'recommendation-corrected');

    // Someone else changes the recommendation meanwhile (through the API, as this user in another tab).
    await page.getByRole('button', { name: 'Edit this recommendation' }).click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: 'Edit recommendation' }) });
    await edit.getByLabel('Owner (optional)').fill('DCI Modern Slavery Lead');
    const id = Number(
      await page.evaluate(async () => {
        const list = (await (await fetch('/api/assessments/2/recommendations')).json()) as {
          id: number;
          number: string | null;
          version: number;
        }[];
        const rec = list.find((r) => r.number === '40')!;
        const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        await fetch(`/api/recommendations/${rec.id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ expectedVersion: rec.version, dueOn: '2018-04-30' }),
        });
        return rec.id;
      }),
    );
    await edit.getByRole('button', { name: 'Save recommendation' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Someone else changed this recommendation' }).waitFor();
    await expect(edit.getByLabel('Owner (optional)').inputValue()).resolves.toBe('DCI Modern Slavery Lead');
    await shot(page, 'recommendation-edit-conflict');
    await edit.getByRole('button', { name: 'Save my changes to the current version' }).click();
    await edit
      .getByRole('status')
      .filter({ hasText: /Saved: version/ })
      .waitFor();
    expect(id).toBeGreaterThan(0);
    await context.close();
  }, 120_000);

  it('lets an analyst add a strategic risk marked on the form, and refuses a reference already used', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/risks'));
    await page.getByRole('button', { name: 'New risk' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a risk' }) });
    await form.getByLabel('Reference').fill('SR40');
    await form.getByLabel('Category').fill('Operational');
    await form.getByLabel('Title').fill('Loss of the digital forensics backlog service');
    await form.getByLabel('Owner (a chief officer post)').fill('Assistant Chief Constable');
    await form.getByLabel('Inherent likelihood (1–5)').selectOption('4');
    await form.getByLabel('Inherent impact (1–5)').selectOption('5');
    await form.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await page.getByRole('status').filter({ hasText: 'Added risk SR40 (OFFICIAL-SENSITIVE)' }).waitFor();
    await page.getByRole('link', { name: 'SR40' }).first().waitFor();
    await shot(page, 'risk-added');
    await form.getByLabel('Reference').fill('SR40');
    await form.getByLabel('Title').fill('A second one');
    await form.getByLabel('Owner (a chief officer post)').fill('Deputy Chief Constable');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await form.getByRole('alert').waitFor();
    await context.close();
  }, 90_000);

  it("lets an analyst edit a risk's description through a 409, its residual score left to reviews", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/risks'));
    await page.getByRole('link', { name: 'SR40' }).first().click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: 'Edit risk' }) });
    await edit.getByLabel('Owner (a chief officer post)').fill('Deputy Chief Constable');
    await edit.getByLabel('Inherent impact (1–5)').selectOption('4');
    // Someone else changes the risk meanwhile (through the API, as this user in another tab).
    await page.evaluate(async () => {
      const id = location.pathname.split('/').at(-1);
      const r = (await (await fetch(`/api/risks/${id}`)).json()) as { version: number };
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      // The body is read, so the request finishes and the page can go idle.
      await (
        await fetch(`/api/risks/${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ expectedVersion: r.version, mitigation: 'Second supplier contracted.' }),
        })
      ).text();
    });
    await edit.getByRole('button', { name: 'Save risk' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Someone else changed this risk' }).waitFor();
    await expect(edit.getByLabel('Owner (a chief officer post)').inputValue()).resolves.toBe('Deputy Chief Constable');
    await shot(page, 'risk-edit-conflict');
    await edit.getByRole('button', { name: 'Save my changes to the current version' }).click();
    await edit
      .getByRole('status')
      .filter({ hasText: /Saved: version/ })
      .waitFor();
    await context.close();
  }, 90_000);

  it('lets an analyst add an inspection and a finding to it, each marked on the form', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/plans'));
    await page.getByRole('button', { name: 'New inspection' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an inspection' }) });
    await form.getByLabel('Inspecting body').fill('HMICFRS');
    await form.getByLabel(/^Dated/).fill('2017-11');
    await form.getByLabel('Grade').selectOption('requires_improvement');
    await form.getByLabel('Inspection', { exact: true }).fill('PEEL: Effectiveness 2017 (browser)');
    await form.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await form.getByRole('button', { name: 'Add inspection' }).click();
    await page.getByRole('status').filter({ hasText: 'Added HMICFRS: PEEL: Effectiveness 2017 (browser)' }).waitFor();
    await page.getByRole('button', { name: 'Add a finding to PEEL: Effectiveness 2017 (browser)' }).click();
    const finding = page.getByRole('form', { name: 'Add a finding to PEEL: Effectiveness 2017 (browser)' });
    await finding.getByLabel('Reference (optional)').fill('AFI 1');
    await finding.getByLabel('Owner (optional)').fill('Ch Supt Contact');
    await finding
      .getByLabel("Finding (the inspectorate's words)")
      .fill('Identify vulnerable victims at first contact.');
    await finding.getByRole('button', { name: 'Add finding' }).click();
    await page.getByRole('status').filter({ hasText: 'Added finding AFI 1' }).waitFor();
    await page.getByRole('cell', { name: 'Identify vulnerable victims at first contact.' }).waitFor();
    await shot(page, 'inspection-added');
    // The report is out: the grade is recorded and the title corrected.
    await page.getByRole('button', { name: 'Edit PEEL: Effectiveness 2017 (browser)' }).click();
    const edit = page.locator('form', {
      has: page.getByRole('heading', { name: 'Edit PEEL: Effectiveness 2017 (browser)' }),
    });
    await edit.getByLabel('Grade').selectOption('good');
    await edit.getByLabel('Inspection', { exact: true }).fill('PEEL: Effectiveness 2017 (browser, published)');
    await edit.getByRole('button', { name: 'Save inspection' }).click();
    // Not through `edit`: once saved, the form's heading takes the new title, so that locator
    // can lose the form before the status is read.
    await page
      .getByRole('status')
      .filter({ hasText: /Saved: version 2/ })
      .waitFor();
    await page.getByRole('heading', { name: /HMICFRS: PEEL: Effectiveness 2017 \(browser, published\)/ }).waitFor();
    await shot(page, 'inspection-edited');
    await context.close();
  }, 90_000);

  it('lets an analyst add a change driver marked on the form, then edit it through a 409', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url(`/registers/drivers?assessment=${ASSESSMENT}`));
    await page.getByRole('button', { name: 'New driver' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a driver' }) });
    await form.getByLabel('Driver', { exact: true }).fill('Rural broadband roll-out moves fraud online');
    await form.getByLabel('Group').selectOption('social');
    await form.getByLabel('PESTELO heading').selectOption('technological');
    await form.getByLabel('Themes (separated by commas, optional)').fill('Cyber, Rural');
    await form.getByLabel('Impact (1 negligible to 10 transformational)').selectOption('8');
    await form.getByLabel('Uncertainty (1 near certain to 10 highly uncertain)').selectOption('3');
    // Dates are typed the UK way (issue 14): a date that does not exist is refused beside the
    // box and the form is not sent; day/month/year is read as such and written out in words.
    const scoredOn = form.getByLabel('Scored on');
    await scoredOn.fill('31/2/2017');
    await form.getByRole('button', { name: 'Add driver' }).click();
    await form.getByText('There is no 31 February 2017: it has 28 days').waitFor();
    await expect(scoredOn.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      scoredOn.evaluate((e) => (e as unknown as { validity: { valid: boolean } }).validity.valid),
    ).resolves.toBe(false);
    await shot(page, 'date-field-refused');
    await scoredOn.fill('9/4/2017');
    await form.getByText('Sunday 9 April 2017').waitFor();
    await expect(scoredOn.getAttribute('aria-invalid')).resolves.toBeNull();
    const said = await scoredOn.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${said}"]`).textContent()).resolves.toBe('Sunday 9 April 2017');
    await form.getByLabel('Evidence note (optional)').fill('Superfast coverage reaches 95% of premises.');
    await form.getByLabel('Its source (optional)').fill('County broadband report');
    await form.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await form.getByRole('button', { name: 'Add driver' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Added driver \d+: Rural broadband roll-out moves fraud online \(OFFICIAL-SENSITIVE\)/ })
      .waitFor();
    await page.getByRole('link', { name: 'Rural broadband roll-out moves fraud online' }).first().waitFor();
    await shot(page, 'driver-added');
    // A group or a heading is needed.
    await form.getByLabel('Driver', { exact: true }).fill('A driver with no group');
    await form.getByLabel('Group').selectOption('');
    await form.getByLabel('PESTELO heading').selectOption('');
    await form.getByRole('button', { name: 'Add driver' }).click();
    await form.getByRole('alert').filter({ hasText: 'Choose a group or a PESTELO heading' }).waitFor();

    await page.getByRole('link', { name: 'Rural broadband roll-out moves fraud online' }).first().click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: 'Edit driver' }) });
    await edit.waitFor();
    await edit.getByLabel('Driver', { exact: true }).fill('Rural broadband roll-out moves fraud and abuse online');
    // Someone else changes the driver meanwhile (through the API, as this user in another tab).
    await page.evaluate(async () => {
      const id = location.pathname.split('/').at(-1);
      const d = (await (await fetch(`/api/drivers/${id}`)).json()) as { version: number };
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      // The body is read, so the request finishes and the page can go idle.
      await (
        await fetch(`/api/drivers/${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ expectedVersion: d.version, themes: ['Cyber', 'Rural', 'Fraud'] }),
        })
      ).text();
    });
    await edit.getByRole('button', { name: 'Save driver' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Someone else changed this driver' }).waitFor();
    await expect(edit.getByLabel('Driver', { exact: true }).inputValue()).resolves.toBe(
      'Rural broadband roll-out moves fraud and abuse online',
    );
    await shot(page, 'driver-edit-conflict');
    await edit.getByLabel('Add an evidence note (optional)').fill('Two rural fraud series in 2017.');
    await edit.getByRole('button', { name: 'Save my changes to the current version' }).click();
    await edit
      .getByRole('status')
      .filter({ hasText: /Saved: version/ })
      .waitFor();
    await page.getByRole('heading', { name: /Rural broadband roll-out moves fraud and abuse online/ }).waitFor();
    await page.getByText('Two rural fraud series in 2017.').waitFor();
    await shot(page, 'driver-edited');
    await context.close();
  }, 120_000);

  it("lets an analyst record a partner's priority marked on the form, then change it through a 409", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/priorities'));
    await page.getByRole('button', { name: 'New priority' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: "Add a partner's priority" }) });
    await form.getByLabel('Partner', { exact: true }).selectOption({ label: 'Rugby Community Safety Partnership' });
    await form.getByLabel('Financial year (like 2017/18)').fill('2016/17');
    await form.getByLabel("The partner's own words").fill('Rural theft from farms');
    await form.getByLabel('Rural crime').check();
    await form.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await form.getByRole('button', { name: 'Add priority' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Added a priority of Rugby Community Safety Partnership for 2016/17 (OFFICIAL-SENSITIVE)' })
      .waitFor();
    const oneByOne = page.getByRole('table', { name: /and notes of 2016\/17, by partner/ });
    const row = oneByOne.getByRole('row', { name: /Rural theft from farms/ });
    await row.waitFor();
    await shot(page, 'priority-added');

    await row.getByRole('button', { name: 'Edit: Rural theft from farms' }).click();
    const edit = page.locator('form', { has: page.getByRole('heading', { name: /Edit the priority of Rugby/ }) });
    await edit.getByLabel("The partner's own words").fill('Rural and farm theft');
    await edit.getByLabel('Why it changes (optional, kept in its history)').fill('As the CSP plan words it.');
    // Someone else changes the priority meanwhile (through the API, as this user in another tab).
    await page.evaluate(async () => {
      const list = (await (await fetch('/api/priorities?period=2016/17')).json()) as {
        id: number;
        wording: string;
        version: number;
      }[];
      const p = list.find((x) => x.wording === 'Rural theft from farms')!;
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      // The body is read, so the request finishes and the page can go idle.
      await (
        await fetch(`/api/priorities/${p.id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ expectedVersion: p.version, taxonomyIds: ['rural-crime', 'business-crime'] }),
        })
      ).text();
    });
    await edit.getByRole('button', { name: 'Save priority' }).click();
    await edit.getByRole('alert').filter({ hasText: 'Someone else changed this priority' }).waitFor();
    await expect(edit.getByLabel("The partner's own words").inputValue()).resolves.toBe('Rural and farm theft');
    await shot(page, 'priority-edit-conflict');
    await edit.screenshot({ path: path.join(SCREENSHOTS, 'priority-edit-form.png') });
    await edit.getByRole('button', { name: 'Save my changes to the current version' }).click();
    await edit
      .getByRole('status')
      .filter({ hasText: /Saved: version/ })
      .waitFor();
    await oneByOne.getByRole('row', { name: /Rural and farm theft/ }).waitFor();
    await context.close();
  }, 120_000);

  it("lets an analyst add a plan with its objectives, correct one, and map it onto a commissioner's plan", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/plans'));
    await page.getByRole('button', { name: 'New plan' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a plan' }) });
    // The organisations' names arrive with their own request: until then the option shows the id.
    await form
      .getByLabel('Held by')
      .locator('option', { hasText: 'Warwickshire and West Mercia Police alliance' })
      .waitFor({ state: 'attached' });
    await expect(form.getByLabel('Held by').locator('option').allTextContents()).resolves.toEqual([
      'Warwickshire and West Mercia Police alliance',
    ]);
    await form.getByLabel('Title').fill('Alliance Policing Plan');
    await form.getByLabel('Years it covers (like 2016-2021)').fill('2017-2020');
    await form.getByLabel('Protective marking').selectOption('OFFICIAL');
    await form.getByRole('button', { name: 'Add plan' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Alliance Policing Plan (2017-2020, OFFICIAL)' }).waitFor();

    await page.getByRole('link', { name: 'Alliance Policing Plan' }).click();
    await page.getByRole('heading', { name: /Alliance Policing Plan \(2017-2020\)/ }).waitFor();
    const add = page.locator('form', { has: page.getByRole('heading', { name: 'Add an objective' }) });
    await add.getByLabel('Theme (choose one or type a new one)').fill('Protecting people from harm');
    await add.getByLabel('Objective', { exact: true }).fill('Reduce repeat victims of domestic abuse');
    await add.getByRole('button', { name: 'Add objective' }).click();
    await add.getByRole('status').filter({ hasText: 'Added under Protecting people from harm.' }).waitFor();
    await add.getByLabel('Theme (choose one or type a new one)').fill('Safer rural communities');
    await add.getByLabel('Objective', { exact: true }).fill('Tackle theft from farms');
    await add.getByRole('button', { name: 'Add objective' }).click();
    await page.getByRole('heading', { name: 'Safer rural communities' }).waitFor();
    await page.getByRole('button', { name: 'Correct: Reduce repeat victims of domestic abuse' }).click();
    const correct = page.locator('form', { has: page.getByRole('heading', { name: /Correct the objective/ }) });
    await correct.getByLabel('Objective', { exact: true }).fill('Reduce repeat victims of domestic abuse and stalking');
    await correct.getByRole('button', { name: 'Save objective' }).click();
    await page.getByText('Reduce repeat victims of domestic abuse and stalking').waitFor();
    await shot(page, 'plan-objectives');

    await page.goto(url('/registers/plans'));
    await page.getByLabel('Left column').selectOption({ label: 'Alliance Policing Plan (2017-2020)' });
    await page.getByLabel('Right column').selectOption({ label: 'West Mercia Police and Crime Plan (2016-2021)' });
    await page.getByRole('button', { name: 'Map these two plans' }).click();
    await page.getByRole('button', { name: 'Make the mapping' }).click();
    const link = page.locator('form', { has: page.getByRole('heading', { name: 'Link a theme' }) });
    await link.getByLabel('Theme of Alliance Policing Plan').selectOption('Protecting people from harm');
    await link.getByLabel('Theme of West Mercia Police and Crime Plan').selectOption('Putting victims first');
    await link.getByRole('button', { name: 'Link themes' }).click();
    await link.getByRole('status').filter({ hasText: 'Linked' }).waitFor();
    const pair = page.locator('form', { has: page.getByRole('heading', { name: 'Pair two objectives' }) });
    await pair
      .getByLabel('Objective of Alliance Policing Plan')
      .selectOption({ label: 'Protecting people from harm: Reduce repeat victims of domestic abuse and stalking' });
    const theirs = await pair
      .getByLabel('The objective of West Mercia Police and Crime Plan it matches')
      .locator('option')
      .nth(1)
      .getAttribute('value');
    await pair.getByLabel('The objective of West Mercia Police and Crime Plan it matches').selectOption(theirs!);
    await pair.getByRole('button', { name: 'Pair objectives' }).click();
    await pair.getByRole('status').filter({ hasText: 'Objectives paired.' }).waitFor();
    await page.getByText(/^1 objectives matched/).waitFor();
    await shot(page, 'plan-mapped');
    await link.screenshot({ path: path.join(SCREENSHOTS, 'plan-link-form.png') });
    await context.close();
  }, 150_000);

  it('offers the frequency level the warehouse counts support, which the assessor takes or changes', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url(`/assessments/${ASSESSMENT}/threats`));
    const threatId = await page.evaluate(async (id) => {
      const list = (await (await fetch(`/api/assessments/${id}/threats`)).json()) as {
        id: number;
        evidence: { policeUkCategories: string[] };
      }[];
      return list.find((t) => t.evidence.policeUkCategories.length > 0)?.id ?? 0;
    }, ASSESSMENT);
    expect(threatId).toBeGreaterThan(0);
    await page.goto(url(`/assessments/${ASSESSMENT}/threats/${threatId}`));
    const hint = page.locator('p.suggestion').first();
    await hint.waitFor();
    expect(await hint.textContent()).toMatch(/Evidence suggests \d – .*crimes .* in 2017\/18/);
    await hint.getByRole('button', { name: /^Use .* for Frequency$/ }).click();
    await hint.getByText('Chosen.').waitFor();
    await shot(page, 'workshop-suggestion');
    await context.close();
  }, 90_000);

  it('shows a user cleared to OFFICIAL the Control Strategy at their clearance, saying what is withheld', async () => {
    const { context, page } = await session('k.hughes');
    await page.goto(url(`/assessments/${ASSESSMENT}/control-strategy`));
    const note = page.getByRole('note', { name: 'Material withheld' });
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /Shown at your clearance \(OFFICIAL\)\. Material above it is withheld: \d+ threats? and \d+ scores?/,
    );
    await page.getByRole('heading', { name: 'Priorities' }).waitFor();
    expect(await page.getByText('not visible to you').count()).toBe(0);
    await shot(page, 'control-strategy-official');
    await context.close();
  }, 60_000);

  it('asks an approver to confirm approval, which freezes the scores', async () => {
    const { context, page } = await session('acc.morgan');
    await page.goto(url(`/assessments/${ASSESSMENT}/control-strategy`));
    // The plans above the button load on their own and push it down: a click aimed before they
    // arrive can land where the button was.
    await page.locator('.strategy-plans > .await').waitFor();
    await page.getByRole('button', { name: 'Approve the Control Strategy' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await shot(page, 'control-strategy-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText(/Approved by acc.morgan/).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Approve the Control Strategy' }).click();
    await page.getByRole('button', { name: 'Yes, approve and freeze' }).click();
    await page
      .getByText(/Approved by acc.morgan/)
      .first()
      .waitFor();
    await context.close();
  }, 60_000);

  it('leaves in the store what the browser made', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const actor = await actorFor(store, 'admin');
      const made = (await listRecommendations(store, actor, { assessmentId: ASSESSMENT })).find(
        (r) => r.number === '40',
      )!;
      expect(made).toMatchObject({
        theme: 'Modern Slavery',
        owner: 'DCI Modern Slavery Lead',
        dueOn: '2018-04-30',
        marking: 'OFFICIAL-SENSITIVE',
        status: 'in_progress',
      });
      const full = await getRecommendation(store, actor, made.id);
      expect(full.updates.map((u) => [u.dated, u.text, u.statusAfter, u.reason])).toEqual([
        ['2017-12-01', 'Two of four response teams trained.', 'in_progress', 'Only two teams were trained.'],
      ]);
      expect(full.corrected.map((u) => [u.dated, u.text, u.statusAfter])).toEqual([
        ['2017-12-01', 'All teams trained.', 'complete'],
      ]);
      const risks = (await listRisks(store, actor, {})).filter((r) => r.reference === 'SR40');
      expect(
        risks.map((r) => [r.title, r.owner, r.marking, r.inherent.likelihood, r.inherent.impact, r.mitigation]),
      ).toEqual([
        [
          'Loss of the digital forensics backlog service',
          'Deputy Chief Constable',
          'OFFICIAL-SENSITIVE',
          4,
          4,
          'Second supplier contracted.',
        ],
      ]);
      const riskAudit = await listAudit(store, actor, { table: 'risks', recordId: risks[0]!.id });
      expect(riskAudit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
      const inspection = (await listInspections(store, actor, {})).find(
        (i) => i.title === 'PEEL: Effectiveness 2017 (browser, published)',
      )!;
      expect(inspection).toMatchObject({
        body: 'HMICFRS',
        dated: '2017-11',
        grade: 'good',
        version: 2,
        marking: 'OFFICIAL-SENSITIVE',
      });
      const found = await getInspection(store, actor, inspection.id);
      expect(found.findings.map((f) => [f.reference, f.owner, f.text, f.marking])).toEqual([
        ['AFI 1', 'Ch Supt Contact', 'Identify vulnerable victims at first contact.', 'OFFICIAL-SENSITIVE'],
      ]);
      const driver = (await listDrivers(store, actor, { assessmentId: ASSESSMENT })).find((d) =>
        d.name.startsWith('Rural broadband'),
      )!;
      expect(driver).toMatchObject({
        name: 'Rural broadband roll-out moves fraud and abuse online',
        challenge: 'social',
        pestelo: 'technological',
        themes: ['Cyber', 'Rural', 'Fraud'],
        impact: 8,
        uncertainty: 3,
        // Typed as 9/4/2017.
        reviewedOn: '2017-04-09',
        marking: 'OFFICIAL-SENSITIVE',
      });
      expect(driver.evidence.map((e) => [e.text, e.source])).toEqual([
        ['Superfast coverage reaches 95% of premises.', 'County broadband report'],
        ['Two rural fraud series in 2017.', null],
      ]);
      const driverAudit = await listAudit(store, actor, { table: 'drivers', recordId: driver.id });
      expect(driverAudit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
      const priority = (await listPriorities(store, actor, { period: '2016/17' })).find((p) =>
        p.wording.startsWith('Rural and farm'),
      )!;
      expect(priority).toMatchObject({
        partnerId: 'csp-rugby',
        organisationId: 'wwm-alliance',
        marking: 'OFFICIAL-SENSITIVE',
        kind: 'priority',
        taxonomyIds: ['rural-crime', 'business-crime'],
        version: 3,
      });
      const plan = (await listPlans(store, actor, {})).find((p) => p.title === 'Alliance Policing Plan')!;
      const planRead = await getPlan(store, actor, plan.id);
      expect(planRead.themes.map((t) => [t.name, t.objectives.map((o) => o.text)])).toEqual([
        ['Protecting people from harm', ['Reduce repeat victims of domestic abuse and stalking']],
        ['Safer rural communities', ['Tackle theft from farms']],
      ]);
      const [mapped] = await listPlanMappings(store, actor, { planId: plan.id });
      const links = await getPlanMapping(store, actor, mapped!.id);
      expect(links.themeLinks.map((l) => [l.themeA, l.themeB])).toEqual([
        ['Protecting people from harm', 'Putting victims first'],
      ]);
      expect(links.pairs).toHaveLength(1);
      const audit = await listAudit(store, actor, { table: 'recommendations', recordId: made.id });
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
    } finally {
      await store.close();
    }
  }, 60_000);
});
