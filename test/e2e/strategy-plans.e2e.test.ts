/**
 * The Control Strategy's plans in a real browser (slow, end to end; issue 14): an analyst writes a
 * priority's lead officer, its actions under the strategy's headings and the intelligence
 * requirement's questions on the Control Strategy page (keyboard only for the first save); a
 * colleague who saved from a stale page is shown the conflict and reapplies their plan on top;
 * next year's assessment, started in the browser, says it carried the plan and shows it; the
 * store holds what the browser wrote. Screenshots go to STRA_SCREENSHOTS. Skips without Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, listAudit, listStrategyPlans, listThreats, openStore, storeFolder } from '../../src/store/index.js';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('Strategy plan UI tests: skipped (no /usr/bin/chromium)\n');

let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;
let priority = '';

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-plans-'));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;
const session = (username: string) => demoSession(browser, server!, username);

async function openPlans(page: Page): Promise<void> {
  await page.goto(url('/assessments/2/control-strategy'));
  await page.getByRole('heading', { name: 'Plans: lead officers, actions and questions' }).waitFor();
  await page
    .getByRole('button', { name: /^Edit the plan for / })
    .first()
    .waitFor();
}

suite('Control Strategy plans in Chromium', () => {
  it('lets an analyst write a priority plan with the keyboard, then shows it', async () => {
    const { context, page } = await session('r.patel');
    await openPlans(page);
    const edit = page.getByRole('button', { name: /^Edit the plan for / }).first();
    priority = ((await edit.textContent()) ?? '').replace('Edit the plan for ', '');
    await edit.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Plan for ${priority}` });
    await form.getByLabel('Lead officer').focus();
    await page.keyboard.type('Det Supt A. Rahman, Public Protection');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Awareness sessions in every secondary school');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Profile repeat locations from the warehouse');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Target the most harmful repeat offenders');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Publish quarterly results to the CSPs');
    await page.keyboard.press('Tab');
    await page.keyboard.type('How much goes unreported?\nWhich areas see repeat victims?');
    await shot(page, 'control-strategy-plan-editing');
    await form.getByRole('button', { name: 'Save the plan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Plan saved: version 1' }).waitFor();
    const card = page.getByRole('article', { name: new RegExp(`^${priority.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await card.getByText('Det Supt A. Rahman, Public Protection').waitFor();
    await card.getByText('Which areas see repeat victims?').waitFor();
    await shot(page, 'control-strategy-plans');
    await context.close();
  }, 120_000);

  it('shows a colleague who saved from a stale page the conflict, and reapplies their plan on top', async () => {
    const one = await session('r.patel');
    const two = await session('s.okafor');
    for (const { page } of [one, two]) {
      await openPlans(page);
      await page.getByRole('button', { name: `Edit the plan for ${priority}` }).click();
    }
    const form = (p: Page) => p.getByRole('form', { name: `Plan for ${priority}` });
    await form(one.page).getByLabel('Lead officer').fill('ACC Protective Services');
    await form(one.page).getByRole('button', { name: 'Save the plan' }).click();
    await one.page.getByRole('status').filter({ hasText: 'Plan saved: version 2' }).waitFor();
    await form(two.page).getByLabel('Reassurance').fill('Monthly briefings to the OPCC');
    await form(two.page).getByRole('button', { name: 'Save the plan' }).click();
    const alert = two.page.getByRole('alert').filter({ hasText: 'has changed since you read it' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('ACC Protective Services');
    await shot(two.page, 'control-strategy-plan-conflict');
    await two.page.getByRole('button', { name: 'Reapply my plan to version 2' }).click();
    await two.page.getByRole('status').filter({ hasText: 'Plan saved: version 3' }).waitFor();
    await one.context.close();
    await two.context.close();
  }, 120_000);

  it("carries the plan into next year's assessment started in the browser", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments'));
    await page.getByRole('button', { name: /Start next year from 2017\/18/ }).click();
    await page.getByRole('button', { name: 'Start 2018/19' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Carried over' });
    await done.waitFor();
    expect(await done.textContent()).toContain('1 Control Strategy plans (lead officer, actions, questions)');
    await context.close();
  }, 60_000);

  it('leaves in the store what the browser wrote, audited', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const actor = await actorFor(store, 'admin');
      const [plan] = await listStrategyPlans(store, actor, 2);
      // s.okafor reapplied their whole form (read at version 1) on top of r.patel's version 2.
      expect(plan).toMatchObject({
        leadOfficer: 'Det Supt A. Rahman, Public Protection',
        actions: {
          prevention: 'Awareness sessions in every secondary school',
          intelligence: 'Profile repeat locations from the warehouse',
          enforcement: 'Target the most harmful repeat offenders',
          reassurance: 'Monthly briefings to the OPCC',
        },
        questions: ['How much goes unreported?', 'Which areas see repeat victims?'],
        version: 3,
        updatedByName: 's.okafor',
      });
      const audit = await listAudit(store, actor, { table: 'strategy_plans', recordId: plan!.id });
      expect(audit.map((r) => r.action).sort()).toEqual(['create', 'update', 'update']);
      const next = (await listThreats(store, actor, {})).filter((t) => t.carriedFromId === plan!.threatId);
      expect(next).toHaveLength(1);
      const carried = await listStrategyPlans(store, actor, next[0]!.assessmentId);
      expect(carried.map((p) => [p.threatId, p.leadOfficer])).toEqual([
        [next[0]!.id, 'Det Supt A. Rahman, Public Protection'],
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
