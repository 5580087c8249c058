/**
 * Issue 14, what Power BI users look for (slow, end to end in Chromium against a real `stra
 * serve` on the demo workspace): the registers sort from the keyboard (aria-sort, numbers as
 * numbers) and filter ("Showing 2 of 12 risks"); the search in the header finds records across
 * the registers, links to them, and finds nothing above the user's clearance. Every state is
 * checked by axe-core. Skips without Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium)
  process.stderr.write('Workbench table tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

let dir = '';
let server: ServerProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, server, browser } = await openBrowserDemo('stra-tables-'));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;
const session = (username: string) => demoSession(browser, server!, username);

/** The text of one column of a table's body rows. */
const column = (page: Page, table: string, index: number) =>
  page
    .getByRole('table', { name: table })
    .locator('tbody tr')
    .evaluateAll(
      (rows, i) => rows.map((r) => (r.children[i] as { textContent: string | null }).textContent ?? ''),
      index,
    );

suite('tables that sort and filter, and the search, in Chromium', () => {
  it('sorts the risk register from the keyboard and filters it', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/risks'));
    const table = /you can see; open a reference/;
    await page.getByRole('table', { name: table }).waitFor();
    const total = await page.getByRole('table', { name: table }).locator('tbody tr').count();
    expect(total).toBeGreaterThan(3);
    const count = page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ risks$/ });
    await expect(count.textContent()).resolves.toBe(`Showing ${total} of ${total} risks`);

    // Keyboard only: Tab to the "Inherent" header's button, Enter sorts up, Space sorts down.
    const inherent = page.getByRole('columnheader', { name: 'Inherent' });
    await inherent.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(inherent.getAttribute('aria-sort')).resolves.toBe('ascending');
    const up = (await column(page, table.source, 4)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBeLessThan(up.at(-1)!);
    await page.keyboard.press('Space');
    await expect(inherent.getAttribute('aria-sort')).resolves.toBe('descending');
    const down = (await column(page, table.source, 4)).map(Number);
    expect(down).toEqual([...up].reverse().sort((a, b) => b - a));
    // Only the sorted column says how it is sorted.
    expect(await page.locator('th[aria-sort]').count()).toBe(1);
    // Next review sorts by date (chronologically, not by the words shown).
    await page.getByRole('columnheader', { name: 'Next review' }).getByRole('button').click();
    const reviews = (await column(page, table.source, 7)).map((d) => Date.parse(d));
    expect(reviews.every((t) => !Number.isNaN(t))).toBe(true);
    expect(reviews).toEqual([...reviews].sort((a, b) => a - b));
    await shot(page, 'risks-sorted');

    const filter = page.getByLabel('Filter risks');
    const firstOwner = (await column(page, table.source, 2))[0]!;
    await filter.fill(firstOwner);
    const shown = await page.getByRole('table', { name: table }).locator('tbody tr').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    await expect(count.textContent()).resolves.toBe(`Showing ${shown} of ${total} risks`);
    for (const owner of await column(page, table.source, 2)) expect(owner).toBe(firstOwner);
    await shot(page, 'risks-filtered');
    await filter.fill('no such words anywhere');
    await expect(count.textContent()).resolves.toBe(`Showing 0 of ${total} risks`);
    await context.close();
  }, 120_000);

  it('sorts the recommendations by number as numbers (2 before 10), both ways', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/2/recommendations'));
    const table = /Recommendations of/;
    await page.getByRole('table', { name: table }).waitFor();
    const number = page.getByRole('columnheader', { name: 'No.' });
    await number.getByRole('button').click();
    await expect(number.getAttribute('aria-sort')).resolves.toBe('ascending');
    const numbers = (await column(page, table.source, 0)).filter((n) => /^\d+$/.test(n)).map(Number);
    expect(numbers.length).toBeGreaterThan(9);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    await number.getByRole('button').click();
    await expect(number.getAttribute('aria-sort')).resolves.toBe('descending');
    const back = (await column(page, table.source, 0)).filter((n) => /^\d+$/.test(n)).map(Number);
    expect(back).toEqual([...numbers].reverse());
    await shot(page, 'recommendations-sorted');
    await context.close();
  }, 120_000);

  it('finds records across the registers from the header, links to them, and nothing above the clearance', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/registers/risks'));
    await page.getByRole('heading', { name: 'The register' }).waitFor();
    // An OFFICIAL-SENSITIVE risk r.patel may see (made through the API, as in another tab).
    const made = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const r = await fetch('/api/risks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({
          organisationId: 'wwm-alliance',
          reference: 'SR77',
          title: 'Zephyr supplier insolvency',
          category: 'Organisational',
          owner: 'Deputy Chief Constable',
          inherent: { likelihood: 3, impact: 4 },
          marking: 'OFFICIAL-SENSITIVE',
        }),
      });
      return r.status;
    });
    expect(made).toBe(201);
    const box = page.getByRole('search').getByLabel('Search');
    await box.fill('zephyr');
    await box.press('Enter');
    await page.getByRole('heading', { name: /Search for “zephyr”/ }).waitFor();
    await page.getByRole('link', { name: 'SR77 Zephyr supplier insolvency' }).waitFor();
    expect(new URL(page.url()).search).toBe('?q=zephyr');
    // The results page has its own address (loaded afresh for the screenshot: a page reached
    // through the header keeps Chromium's favicon request open, so it never reads as idle).
    await page.goto(url('/search?q=zephyr'));
    const link = page.getByRole('link', { name: 'SR77 Zephyr supplier insolvency' });
    await link.waitFor();
    await shot(page, 'search-results');
    await link.click();
    await page.getByRole('heading', { level: 1, name: /Zephyr supplier insolvency/ }).waitFor();

    // Across kinds: threats, recommendations, drivers... all the demo's "slavery".
    await box.fill('slavery');
    await box.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /records? match “slavery”/ })
      .waitFor();
    expect(await page.locator('main section h2').count()).toBeGreaterThan(1);
    await context.close();

    // k.hughes is cleared OFFICIAL: the OFFICIAL-SENSITIVE risk is not found.
    const official = await session('k.hughes');
    await official.page.goto(url('/registers/risks'));
    await official.page.getByRole('heading', { name: 'The register' }).waitFor();
    await official.page.getByRole('search').getByLabel('Search').fill('zephyr');
    await official.page.getByRole('search').getByLabel('Search').press('Enter');
    await official.page.getByRole('status').filter({ hasText: 'Nothing you can see matches “zephyr”.' }).waitFor();
    await official.page.goto(url('/search?q=zephyr'));
    await official.page.getByRole('status').filter({ hasText: 'Nothing you can see matches “zephyr”.' }).waitFor();
    await shot(official.page, 'search-nothing');
    await official.context.close();
  }, 120_000);
});
