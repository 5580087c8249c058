/**
 * The document's text, kept documents, new versions and printing in a real browser (issue 14;
 * slow, end to end): Debian's Chromium through playwright-core against a real `stra serve` on a
 * demo workspace. An analyst edits a part's text beside its preview and marks it
 * OFFICIAL-SENSITIVE; two analysts edit another part at once and the second reapplies their text
 * after the 409; an OFFICIAL analyst does not see the sensitive text; a document built for
 * OFFICIAL is kept and opened by another analyst of the alliance; an approved assessment gets a
 * new version and shows what carried over; a printed page carries the page's marking on every
 * page. The last test stops the server and checks the store holds what the browser wrote.
 * Screenshots go to STRA_SCREENSHOTS (default tmp/screenshots). Skips without Chromium.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorFor,
  listAnalystTexts,
  listAssessments,
  listAudit,
  openStore,
  storeFolder,
} from '../../src/store/index.js';
import { flat, hasPdftotext, pdfPages } from '../../src/report/fixtures/pdf-text.js';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, SCREENSHOTS, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium)
  process.stderr.write('Document UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-document-'));
}, 600_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;

const session = (username: string) => demoSession(browser, server!, username);

const NEW_LINE = 'Calls about missing persons rose by **4%** in the year.';
const OPEN_DEMAND = 'Demand words that anyone in the force may read.';

suite("the document's text, kept documents and versions in Chromium", () => {
  it('lets an analyst edit a part beside its preview and mark it OFFICIAL-SENSITIVE', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/2/text?part=demand'));
    const body = page.getByLabel('Text (Markdown)');
    await body.waitFor();
    expect(await body.inputValue()).toContain('Non police related calls');
    await body.fill(`${await body.inputValue()}\n${NEW_LINE}\n`);
    await page.locator('.text-preview strong', { hasText: '4%' }).waitFor();
    // Markdown the document cannot print is named with its line in the preview.
    await body.fill(`${await body.inputValue()}\n<b>no</b>\n`);
    await page
      .getByRole('alert')
      .filter({ hasText: /line \d+: HTML, images and tables are not supported/ })
      .waitFor();
    await body.fill((await body.inputValue()).replace('\n<b>no</b>\n', ''));
    await page.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await page.getByRole('button', { name: 'Save the text' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: version 2, marked OFFICIAL-SENSITIVE.' }).waitFor();
    await shot(page, 'document-text-edit');
    await context.close();
  }, 180_000);

  it('answers the second of two analysts editing one part with the conflict, and lets them reapply', async () => {
    const { context: a, page: first } = await session('r.patel');
    const { context: b, page: second } = await session('k.hughes');
    for (const p of [first, second]) {
      await p.goto(url('/assessments/2/text?part=people'));
      await p.getByLabel('Text (Markdown)').waitFor();
    }
    const mine = first.getByLabel('Text (Markdown)');
    await mine.fill(`${await mine.inputValue()}\nSickness fell by a tenth.\n`);
    await first.getByRole('button', { name: 'Save the text' }).click();
    await first.getByRole('status').filter({ hasText: 'Saved: version 2' }).waitFor();
    const theirs = second.getByLabel('Text (Markdown)');
    await theirs.fill(`${await theirs.inputValue()}\nWellbeing checks reached every team.\n`);
    await second.getByRole('button', { name: 'Save the text' }).click();
    await second
      .getByRole('alert')
      .filter({ hasText: /you had version 1, it is now version 2 \(last changed by r\.patel/ })
      .waitFor();
    await shot(second, 'document-text-conflict');
    await second.getByRole('button', { name: 'Reapply my text to version 2' }).click();
    await second.getByRole('status').filter({ hasText: 'Saved: version 3' }).waitFor();
    // k.hughes is cleared to OFFICIAL: the sensitive demand text is not shown to them.
    await second.getByRole('button', { name: 'demand' }).click();
    await second.getByText('No text yet').waitFor();
    expect(await second.content()).not.toContain('missing persons rose');
    // The part holds one text per marking (issue 13): they write their own OFFICIAL text of it,
    // saved as if the part had none, and the sensitive one is untouched.
    await second.getByLabel('Text (Markdown)').fill(`${OPEN_DEMAND}\n`);
    await second.getByRole('button', { name: 'Save the text' }).click();
    await second.getByRole('status').filter({ hasText: 'Saved: version 1, marked OFFICIAL.' }).waitFor();
    expect(await second.content()).not.toContain('missing persons rose');
    // r.patel sees both texts of the part and picks either.
    await first.goto(url('/assessments/2/text?part=demand'));
    await first.getByRole('button', { name: 'OFFICIAL text, version 1' }).click();
    expect(await first.getByLabel('Text (Markdown)').inputValue()).toContain(OPEN_DEMAND);
    await first.getByRole('button', { name: 'OFFICIAL-SENSITIVE text, version 2' }).click();
    expect(await first.getByLabel('Text (Markdown)').inputValue()).toContain('missing persons rose');
    await shot(first, 'document-text-markings');
    await a.close();
    await b.close();
  }, 180_000);

  it('keeps a built document, listed for the assessment and opened by another analyst', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/2/document'));
    await page.getByLabel('PDF').uncheck();
    await page.getByLabel('Word (DOCX)').uncheck();
    await page.getByRole('button', { name: 'Build the document' }).click();
    await page.getByRole('heading', { name: 'Built' }).waitFor({ timeout: 300_000 });
    const table = page.getByRole('table', { name: /Documents built for this assessment/ });
    await table.getByRole('cell', { name: 'r.patel' }).first().waitFor();
    await shot(page, 'document-kept');
    await context.close();
    const { context: other, page: reader } = await session('k.hughes');
    await reader.goto(url('/assessments/2/document'));
    const link = reader.getByRole('link', { name: /^HTML of the document built .* by r\.patel$/ }).first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    const html = await reader.request.get(url(href!));
    expect(html.status()).toBe(200);
    const text = await html.text();
    expect(text).toContain('Wellbeing checks reached every team.');
    // Built for OFFICIAL: the OFFICIAL-SENSITIVE demand text is withheld, the OFFICIAL one printed.
    expect(text).not.toContain('missing persons rose');
    expect(text).toContain(OPEN_DEMAND);
    await other.close();
  }, 420_000);

  it('makes a new version of the approved 2016/17 assessment and shows what 2017/18 carried over', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/1/versions'));
    await page.getByLabel('New version label').fill('V19.1 - Draft');
    await page.getByRole('button', { name: 'Make a new version…' }).click();
    await page.getByRole('button', { name: 'Yes, make the new version' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Made 2016\/17 V19\.1 - Draft \(a draft\), with \d+ threats/ })
      .waitFor();
    await page.goto(url('/assessments/2/versions'));
    await page
      .getByRole('status')
      .filter({ hasText: /threats? carried/ })
      .waitFor();
    await page.getByRole('table', { name: /Threats carried over/ }).waitFor();
    await shot(page, 'document-versions');
    await context.close();
  }, 180_000);

  it('prints a page with its marking at the top and foot of every page and its colours kept', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments/2/text?part=demand'));
    await page.getByLabel('Text (Markdown)').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('style[data-print-marking]').getAttribute('data-print-marking')).toBe(
      'OFFICIAL-SENSITIVE',
    );
    expect(await page.locator('nav.side').isVisible()).toBe(false);
    const badge = page.locator('main .marking-official-sensitive').first();
    expect(await badge.evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe('exact');
    const pdf = path.join(SCREENSHOTS, 'document-text-print.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    if (hasPdftotext) {
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect(flat(p)).toMatch(/^OFFICIAL-SENSITIVE .* OFFICIAL-SENSITIVE$/);
    }
    await context.close();
  }, 180_000);

  it('leaves in the store what the browser wrote', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const actor = await actorFor(store, 'r.patel');
      const texts = new Map((await listAnalystTexts(store, actor, 2)).map((t) => [t.part, t]));
      expect(texts.get('demand')).toMatchObject({
        version: 2,
        marking: 'OFFICIAL-SENSITIVE',
        updatedByName: 'r.patel',
      });
      expect(texts.get('demand')!.body).toContain(NEW_LINE);
      const demand = (await listAnalystTexts(store, actor, 2)).filter((t) => t.part === 'demand');
      expect(demand.map((t) => [t.marking, t.updatedByName])).toEqual([
        ['OFFICIAL', 'k.hughes'],
        ['OFFICIAL-SENSITIVE', 'r.patel'],
      ]);
      expect(texts.get('people')).toMatchObject({ version: 3, marking: 'OFFICIAL', updatedByName: 'k.hughes' });
      expect(texts.get('people')!.body).toContain('Wellbeing checks reached every team.');
      // k.hughes chose to reapply their own text over r.patel's (shown to them side by side).
      expect(texts.get('people')!.body).not.toContain('Sickness fell by a tenth.');
      const revised = (await listAssessments(store, actor)).find((a) => a.revisionOfId === 1);
      expect(revised).toMatchObject({ period: '2016/17', versionLabel: 'V19.1 - Draft', status: 'draft' });
      const audit = await listAudit(store, await actorFor(store, 'admin'), { table: 'analyst_texts' });
      expect(
        audit
          .filter((e) => e.action === 'update')
          .map((e) => e.actorName)
          .sort(),
      ).toEqual(['k.hughes', 'r.patel', 'r.patel']);
    } finally {
      await store.close();
    }
  }, 120_000);
});
