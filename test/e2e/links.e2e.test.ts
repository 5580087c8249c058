/**
 * Link analysis in a real browser (issue 16) on real data: the iLEAPP results of two public
 * iPhone images (Josh Hickman's iOS 15 and iOS 17 test images), which both hold +19198887386.
 * The prepare step opens three investigations with `stra links` and imports the iOS 15 SMS into
 * one, the iOS 17 Google Voice messages into a second (both the alliance's, OFFICIAL-SENSITIVE),
 * and the same Google Voice file into a third, West Mercia's SECRET one, that the analyst may not
 * see. In the browser the analyst imports the iOS 15 address book through the form (and a bad file,
 * refused with its line named), searches the number written the American way (found in two
 * investigations, and told only whom to contact about the third), reads the cross-reference, the
 * network, the chain between the two images and the number's timeline, each figure checked
 * against the API and the real files, and downloads the audited CSV. Screenshots in
 * STRA_SCREENSHOTS (default tmp/screenshots), each page checked by axe-core.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkNetworkAnswer, LinkTimelineAnswer, LinkXrefAnswer } from '../../src/api/index.js';
import { hasChromium } from '../browser.js';
import { hasSharedData, sharedData } from '../shared-data.js';
import { STRA, type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, SCREENSHOTS, shot } from './demo-browser.js';

const ready = hasChromium && hasSharedData;
const suite = ready ? describe : describe.skip;
if (!hasChromium) process.stderr.write('links UI tests: skipped (no /usr/bin/chromium)\n');
else if (!hasSharedData) process.stderr.write('links UI tests: skipped (no ../shared/data)\n');

const run = promisify(execFile);
const ileapp = (f: string) => sharedData('phone-exports', 'ileapp-test-results', f);
const SMS15 = ileapp('sms/sms.sms.josh_ios15_ffs.20260725222900.json');
const BOOK15 = ileapp('addressBook/addressBook.addressBook.josh_ios15_ffs.20250621194251.json');
const VOICE17 = ileapp('googleVoice/googleVoice.googleVoiceMessages.josh_ios17_ffs.20260725220317.json');
const NUMBER = '+19198887386';

let dir = '';
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  if (!ready) return;
  ({ dir, server, browser } = await openBrowserDemo('stra-links-', {
    from: '2018-03',
    prepare: async (ws) => {
      const stra = (as: string, ...args: string[]) =>
        run(process.execPath, [STRA, 'links', ...args, '-w', ws, '--as', as], {
          env: { ...process.env, DATABASE_URL: '' },
        });
      await stra('r.patel', 'investigation', 'create', '--org', 'wwm-alliance', '--reference', 'OP-IOS15');
      await stra('r.patel', 'investigation', 'create', '--org', 'wwm-alliance', '--reference', 'OP-IOS17');
      await stra(
        'admin',
        'investigation',
        'create',
        '--org',
        'west-mercia',
        '--reference',
        'OP-HOLLY',
        '--marking',
        'SECRET',
      );
      await stra('r.patel', 'import', SMS15, '--investigation', 'OP-IOS15', '--device', 'IPHONE8', '--region', 'US');
      await stra('r.patel', 'import', VOICE17, '--investigation', 'OP-IOS17', '--device', 'IPHONE11', '--region', 'US');
      await stra('admin', 'import', VOICE17, '--investigation', 'OP-HOLLY', '--device', 'EXH-H1', '--region', 'US');
    },
  }));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

async function settle(p: Page, name: string): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.waitForFunction(() => document.querySelector('.updating, .loading') === null);
  await shot(p, name);
}

async function tableRows(p: Page, caption: string): Promise<string[][]> {
  const table = p.locator('table', { has: p.locator('caption', { hasText: caption }) });
  await table.waitFor({ state: 'attached' });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

suite('link analysis in the browser', () => {
  it('imports a real address book through the form, and refuses a bad file naming its line', async () => {
    const { page, context } = await demoSession(browser, server, 'r.patel');
    await page.getByRole('link', { name: 'Links: investigations' }).click();
    const rows = await tableRows(page, 'Investigations');
    expect(rows.map((r) => r[0])).toEqual(['OP-IOS15', 'OP-IOS17']);
    const form = page.getByRole('form', { name: "Import a device's export" });
    await form.getByLabel('Investigation').selectOption({ label: 'OP-IOS15 (OFFICIAL-SENSITIVE)' });
    await form.getByLabel('Device (exhibit reference)').fill('IPHONE8');
    await form.getByLabel('Country of national numbers on this device').fill('US');
    await form.getByLabel('Export file').setInputFiles(BOOK15);
    await form.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toMatch(
        /^Imported addressBook\.addressBook\.josh_ios15_ffs\.20250621194251\.json \(ileapp-json\) into OP-IOS15: 7 records/,
      );
    const bad = path.join(dir, 'bad-export.csv');
    await writeFile(bad, 'record,timestamp,direction,identifier\ncall,2024-13-45 25:00,outgoing,07700 900123\n');
    await form.getByLabel('Export file').setInputFiles(bad);
    await form.getByRole('button', { name: 'Import' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('bad-export.csv: 1 row rejected, so nothing was imported');
    expect(await alert.locator('li').first().textContent()).toMatch(/^bad-export\.csv line 2, timestamp:/);
    await settle(page, 'links-investigations');
    const after = await tableRows(page, 'Investigations');
    // The address book added its 7 records' identifiers; the bad file nothing.
    expect(after.find((r) => r[0] === 'OP-IOS15')![4]).toBe('1');
    await context.close();
  }, 180_000);

  it('searches a number written any way, withholding the investigation the analyst may not see', async () => {
    const { page, context } = await demoSession(browser, server, 'r.patel');
    await page.getByRole('link', { name: 'Links: search and network' }).click();
    const search = page.getByRole('search', { name: 'Search an identifier' });
    await search.getByLabel('Number, e-mail or handle').fill('(919) 888-7386');
    await search.getByLabel('Country of a national number').fill('US');
    await search.getByRole('button', { name: 'Search' }).click();
    const places = await tableRows(page, `Where ${NUMBER} was seen`);
    expect(places.map((r) => [r[0], r[1]])).toEqual([
      ['OP-IOS15', 'IPHONE8'],
      ['OP-IOS17', 'IPHONE11'],
    ]);
    const notice = page.locator('.deconfliction');
    expect(await notice.textContent()).toBe(
      'Another investigation holds this identifier; contact the deconfliction officer of West Mercia Police.',
    );
    expect(await page.locator('main').textContent()).not.toContain('OP-HOLLY');

    // The cross-reference, against the API (the same filters: none).
    const api = (await (await page.request.get(`${server.url}/api/links/xref`)).json()) as LinkXrefAnswer;
    const xref = await tableRows(page, 'Identifiers in two or more investigations');
    expect(xref.map((r) => r[0])).toEqual(api.entries.map((e) => e.key + (e.flagged ? ' (!)' : '')));
    expect(xref.find((r) => r[0] === NUMBER)!.slice(2, 4)).toEqual(['2', '2']);

    // The network: the two images in one component through the numbers they share.
    const net = (await (await page.request.get(`${server.url}/api/links/network`)).json()) as LinkNetworkAnswer;
    const components = await tableRows(page, 'Components, largest first');
    expect(components[0]).toEqual(['1', 'OP-IOS15 OP-IOS17', String(net.network.components[0]!.identifiers)]);
    await expect.poll(() => page.locator('.links-chart canvas').count()).toBeGreaterThan(0);

    // The chain between the two images.
    const chain = page.getByRole('form', { name: 'Shortest chain' });
    await chain.getByLabel('From (investigation or identifier)').fill('OP-IOS15');
    await chain.getByLabel('To').fill('OP-IOS17');
    await chain.getByRole('button', { name: 'Find the chain' }).click();
    const steps = page.getByRole('list', { name: 'The chain' }).locator('li');
    await expect.poll(() => steps.count()).toBe(3);
    expect(await steps.first().textContent()).toBe('OP-IOS15 (investigation)');
    expect(await steps.last().textContent()).toBe('OP-IOS17 (investigation)');

    // The number's timeline, from the search: every call and message it is a party to, earliest first.
    await page.getByRole('button', { name: 'Show its timeline' }).click();
    const timeline = (await (
      await page.request.get(`${server.url}/api/links/timeline?identifier=${encodeURIComponent(NUMBER)}`)
    ).json()) as LinkTimelineAnswer;
    const events = await tableRows(page, `Calls and messages of ${NUMBER}`);
    expect(events).toHaveLength(Math.min(300, timeline.events.length));
    expect(events.map((r) => r[3])).toEqual(expect.arrayContaining(['OP-IOS15', 'OP-IOS17']));
    // Against the real file: the SMS of the iOS 15 image with this number.
    const sms = JSON.parse(await readFile(SMS15, 'utf8')) as unknown;
    const withNumber = JSON.stringify(sms).split('9198887386').length - 1;
    expect(timeline.events.filter((e) => e.investigation === 'OP-IOS15').length).toBeLessThanOrEqual(withNumber);
    expect(timeline.events.filter((e) => e.investigation === 'OP-IOS15').length).toBeGreaterThan(0);
    await settle(page, 'links-search-network-timeline');
    // The drawings close up, to be looked at.
    for (const part of ['search', 'network', 'timeline'])
      await page
        .locator(`section[aria-labelledby="h-${part}"]`)
        .screenshot({ path: path.join(SCREENSHOTS, `links-${part}.png`) });

    // The CSV download is the server's, at its marking.
    const csv = await page.request.get(`${server.url}/api/links/xref.csv`);
    expect(csv.headers()['x-protective-marking']).toBe('OFFICIAL-SENSITIVE');
    expect((await csv.text()).split('\n')[0]).toBe(
      'identifier,kind,flagged,investigations,devices,records,first,last,roles,where',
    );
    await context.close();
  }, 180_000);

  it("names West Mercia's designated contact once its administrator sets it on the page", async () => {
    const admin = await demoSession(browser, server, 'admin');
    await admin.page.getByRole('link', { name: 'Links: investigations' }).click();
    const form = admin.page.getByRole('form', { name: 'Deconfliction contact' });
    await form.getByLabel('Organisation').selectOption({ label: 'West Mercia Police' });
    await form.getByLabel('Contact (name or desk, and how to reach them)').fill('DS A. Jones, Intelligence Bureau');
    await form.getByRole('button', { name: 'Save the contact' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved: DS A. Jones, Intelligence Bureau');
    await settle(admin.page, 'links-investigations-admin');
    await admin.context.close();
    const { page, context } = await demoSession(browser, server, 'r.patel');
    await page.getByRole('link', { name: 'Links: search and network' }).click();
    const search = page.getByRole('search', { name: 'Search an identifier' });
    await search.getByLabel('Number, e-mail or handle').fill(NUMBER);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => page.locator('.deconfliction').textContent())
      .toBe(
        'Another investigation holds this identifier; contact DS A. Jones, Intelligence Bureau (West Mercia Police).',
      );
    await context.close();
  }, 180_000);
});
