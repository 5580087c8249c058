/**
 * Organisations as the boundary, in a real browser (issue 13): the multi-organisation fixture
 * (test/multi-org.ts) on a real `stra serve`, and the main pages (dashboard, threats, control
 * strategy, risk and driver registers, data, audit) opened in Chromium by users of a second force,
 * a CSP and an OPCC, all cleared to SECRET so that only their organisation keeps records from
 * them. No canary record they may not see appears on any page; the second force's own canaries
 * do appear on its own pages, and the alliance's appear to the alliance, so the check can fail.
 * Slow; skips with a message when Chromium is not installed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/record/people.js';
import { canSee } from '../../src/domain/marking.js';
import { openStore, storeFolder } from '../../src/store/index.js';
import { hasChromium, logIn } from '../browser.js';
import { addMultiOrgFixture, plantCanaries, SECOND_FORCE, type Canary } from '../multi-org.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, openBrowserDemo } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('multi-organisation UI tests: skipped (no /usr/bin/chromium)\n');

let dir = '';
let server: ServerProcess;
let browser: Browser;
let canaries: Canary[] = [];
let tv = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, server, browser } = await openBrowserDemo('stra-multi-org-', {
    prepare: async (demo) => {
      const store = await openStore({ folder: storeFolder(demo) });
      try {
        await addMultiOrgFixture(store);
        ({ canaries, secondForceAssessment: tv } = await plantCanaries(store));
      } finally {
        await store.close();
      }
    },
  }));
}, 600_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

/** The canaries a fixture user (`<organisation>.<role>.s`, SECRET) may not see: their organisation's rule. */
function hiddenFrom(username: string): Canary[] {
  const reader = { clearance: 'SECRET' as const, organisationIds: [username.split('.')[0]!] };
  return canaries.filter((k) => !canSee(reader, { ...k, sharedWith: [] }));
}

/** Opens a page, waits until it has drawn its data, and returns what it shows. */
async function shown(page: Page, url: string): Promise<string> {
  await page.goto(server.url + url);
  // A page whose assessment the user cannot see says so instead of drawing it: wait for <main>.
  await page.locator('main').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
  // No "Loading" left on the page: every panel has its answer (or its refusal).
  await expect
    .poll(async () => (await page.locator('main').first().innerText()).includes('Loading'), {
      timeout: 60_000,
      message: `${url} still loading`,
    })
    .toBe(false);
  return page.content();
}

const ALLIANCE_PAGES = [
  '/assessments/2',
  '/assessments/2/threats',
  '/assessments/2/control-strategy',
  '/registers/risks',
  '/registers/drivers',
  '/data',
];

suite('organisations as the boundary, in Chromium', () => {
  it.each([
    [`${SECOND_FORCE}.analyst.s`, 'a second force'],
    ['csp-rugby.analyst.s', 'a CSP of the alliance'],
    ['warwickshire-opcc.reader.s', 'an OPCC'],
  ])(
    'shows %s (%s) no canary of another organisation on the main pages',
    async (username) => {
      const hidden = hiddenFrom(username);
      expect(hidden.length).toBeGreaterThan(0);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await logIn(page, server.url, username, DEMO_PASSWORD);
      const pages = username.startsWith(SECOND_FORCE)
        ? [
            ...ALLIANCE_PAGES,
            `/assessments/${tv}`,
            `/assessments/${tv}/threats`,
            `/assessments/${tv}/control-strategy`,
            `/registers/drivers?assessment=${tv}`,
          ]
        : ALLIANCE_PAGES;
      for (const url of pages) {
        const html = await shown(page, url);
        for (const k of hidden) expect(html, `${k.text} shown to ${username} on ${url}`).not.toContain(k.text);
      }
      if (username.startsWith(SECOND_FORCE)) {
        // Its own records are there: the pages did draw, so the absences above mean something.
        expect(await shown(page, `/assessments/${tv}/threats`)).toContain('QXCANARY Thames Valley threat');
        expect(await shown(page, '/registers/risks')).toContain('QXCANARY Thames Valley risk');
      }
      await context.close();
    },
    600_000,
  );

  it.each([`${SECOND_FORCE}.admin.s`, 'csp-rugby.admin.s', 'warwickshire-opcc.admin.s'])(
    "shows %s's audit trail no row about another organisation's canaries",
    async (username) => {
      const hidden = hiddenFrom(username);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await logIn(page, server.url, username, DEMO_PASSWORD);
      const html = await shown(page, '/audit?limit=1000');
      for (const k of hidden) expect(html, `${k.text} in ${username}'s audit`).not.toContain(k.text);
      await context.close();
    },
    300_000,
  );

  it('shows the alliance its own SECRET canaries, so their absence elsewhere is the boundary at work', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await logIn(page, server.url, 'wwm-alliance.analyst.s', DEMO_PASSWORD);
    expect(await shown(page, '/assessments/2/threats')).toContain('QXCANARY secret alliance threat');
    expect(await shown(page, '/registers/risks')).toContain('QXCANARY secret alliance risk');
    await context.close();
  }, 300_000);
});
