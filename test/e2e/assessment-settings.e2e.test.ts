/**
 * An assessment's settings in a real browser (issue 14, migration 021): an analyst sets the title
 * and organisation the document's title page prints on the Document page, and the Control
 * Strategy's headings on its page (the plans are then written under them); a reader sees neither
 * form. The last test stops the server and checks the store holds what the browser wrote, audited.
 * Screenshots go to STRA_SCREENSHOTS (default tmp/screenshots). Skips without Chromium.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, getAssessmentSettings, listAudit, openStore, storeFolder } from '../../src/store/index.js';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('Assessment settings UI tests: skipped (no /usr/bin/chromium)\n');

let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-settings-'));
}, 600_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;
const session = (username: string) => demoSession(browser, server!, username);

const TITLE = 'Strategic Assessment 2017/18: Warwickshire and West Mercia';
const ORGANISATION = 'Warwickshire Police and West Mercia Police Strategic Alliance';

suite('assessment settings in Chromium', () => {
  it("lets an analyst set the document's title and organisation on the Document page", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/2/document'));
    const form = page.getByRole('form', { name: 'Title page' });
    await form.getByLabel('Document title').fill(TITLE);
    await form.getByLabel('Organisation printed above it').fill(ORGANISATION);
    await form.getByRole('button', { name: 'Save the title page' }).click();
    await page.getByRole('status').filter({ hasText: 'Title page saved' }).waitFor();
    await shot(page, 'document-title-page');
    await context.close();
  }, 120_000);

  it('lets an analyst set the Control Strategy headings; the plans are written under them', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/2/control-strategy'));
    const form = page.getByRole('form', { name: 'Headings of the plans' });
    const lines = form.getByLabel('Headings, one per line');
    expect(await lines.inputValue()).toBe('Prevention\nIntelligence\nEnforcement\nReassurance');
    await lines.fill('Pursue\nPrevent\nProtect\nPrepare\nPartnership working');
    await form.getByRole('button', { name: 'Save the headings' }).click();
    await page
      .getByText('Actions are written under the headings Pursue, Prevent, Protect, Prepare, Partnership working')
      .waitFor();
    const edit = page.getByRole('button', { name: /^Edit the plan for / }).first();
    await edit.click();
    const plan = page.getByRole('form', { name: /^Plan for / });
    await plan.getByLabel('Partnership working').waitFor();
    await shot(page, 'control-strategy-headings');
    await context.close();
  }, 120_000);

  it('shows a reader neither form', async () => {
    const { context, page } = await session('acc.morgan');
    await page.goto(url('/assessments/2/document'));
    await page.getByText(`Title page: ${TITLE}, ${ORGANISATION}.`).waitFor();
    expect(await page.getByRole('form', { name: 'Title page' }).count()).toBe(0);
    await page.goto(url('/assessments/2/control-strategy'));
    await page.getByRole('heading', { name: 'Plans: lead officers, actions and questions' }).waitFor();
    expect(await page.getByRole('form', { name: 'Headings of the plans' }).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('leaves in the store what the browser wrote, audited', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const actor = await actorFor(store, 'admin');
      expect(await getAssessmentSettings(store, actor, 2)).toMatchObject({
        documentTitle: TITLE,
        documentOrganisation: ORGANISATION,
        strategyHeadings: [
          { id: 'pursue', label: 'Pursue' },
          { id: 'prevent', label: 'Prevent' },
          { id: 'protect', label: 'Protect' },
          { id: 'prepare', label: 'Prepare' },
          { id: 'partnership-working', label: 'Partnership working' },
        ],
        version: 2,
      });
      const audit = await listAudit(store, actor, { table: 'assessment_settings', recordId: 2 });
      expect(audit.map((r) => [r.action, r.actorName])).toEqual([
        ['create', 'r.patel'],
        ['update', 'r.patel'],
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
