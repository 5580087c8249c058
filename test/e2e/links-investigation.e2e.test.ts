/**
 * Link analysis in a real browser, the investigation's page and saved column mappings (issue 16),
 * on real data: the iLEAPP results of two public iPhone images (Josh Hickman's iOS 15 and iOS 17
 * test images), both holding +19198887386, imported with `stra links` into two alliance
 * investigations and, the iOS 17 file again, into West Mercia's SECRET OP-HOLLY the analyst may
 * not see. The analyst opens OP-IOS15 from the list: its device, imports (who, when), identifiers
 * with roles and the linked OP-IOS17 are checked against the API, and OP-HOLLY appears only as
 * whom to contact; re-marks OP-IOS17 (only markings up to their clearance offered) and the reader
 * cleared to OFFICIAL then opens it. Then a column mapping is saved by header names on the import
 * page (a bad one refused field by field) and a file in that tool's layout imports through it.
 * Screenshots in STRA_SCREENSHOTS (default tmp/screenshots), each page checked by axe-core.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkInvestigationDetailAnswer, LinkInvestigationListed } from '../../src/api/index.js';
import { hasChromium } from '../browser.js';
import { hasSharedData, sharedData } from '../shared-data.js';
import { STRA, type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, shot } from './demo-browser.js';

const ready = hasChromium && hasSharedData;
const suite = ready ? describe : describe.skip;
if (!hasChromium) process.stderr.write('links investigation UI tests: skipped (no /usr/bin/chromium)\n');
else if (!hasSharedData) process.stderr.write('links investigation UI tests: skipped (no ../shared/data)\n');

const run = promisify(execFile);
const ileapp = (f: string) => sharedData('phone-exports', 'ileapp-test-results', f);
const SMS15 = ileapp('sms/sms.sms.josh_ios15_ffs.20260725222900.json');
const VOICE17 = ileapp('googleVoice/googleVoice.googleVoiceMessages.josh_ios17_ffs.20260725220317.json');

let dir = '';
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  if (!ready) return;
  ({ dir, server, browser } = await openBrowserDemo('stra-links-inv-', {
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

suite('an investigation in the browser', () => {
  it("shows an investigation's devices, imports, identifiers and links, a hidden one only as a contact, and re-marks one", async () => {
    const { page, context } = await demoSession(browser, server, 'r.patel');
    await page.getByRole('link', { name: 'Links: investigations' }).click();
    await page.getByRole('link', { name: 'OP-IOS15' }).click();
    await page.getByRole('heading', { level: 1, name: /^OP-IOS15/ }).waitFor();
    const id = Number(page.url().split('/').at(-1));
    const api = (await (
      await page.request.get(`${server.url}/api/links/investigations/${id}`)
    ).json()) as LinkInvestigationDetailAnswer;

    expect(await tableRows(page, 'Devices')).toEqual([['IPHONE8', '1', '0', '48', expect.any(String)]]);
    const imports = await tableRows(page, 'Imports');
    expect(imports.map((r) => [r[0], r[1], r[2], r[4], r[5], r[6]])).toEqual([
      ['sms.sms.josh_ios15_ffs.20260725222900.json', 'IPHONE8', 'ileapp-json', '48', '0', 'r.patel'],
    ]);
    expect(imports[0]![7]).toMatch(/\d{4}/);
    const identifiers = await tableRows(page, 'Identifiers, with the records');
    expect(identifiers.map((r) => r[0])).toEqual(api.identifiers.map((i) => i.value));
    const shared = identifiers.find((r) => r[0] === '+19198887386')!;
    expect(shared.slice(1, 3)).toEqual(['phone', 'valid']);
    expect(shared[5]).toMatch(/^(recipient|sender) \d+, (recipient|sender) \d+$/);
    const linked = await tableRows(page, 'Investigations you can see that share identifiers');
    expect(linked.map((r) => [r[0], r[3]])).toEqual([['OP-IOS17', 'OFFICIAL-SENSITIVE']]);
    expect(linked[0]![4]).toBe(String(api.linked[0]!.shared));
    expect(await page.locator('.deconfliction').textContent()).toBe(
      'Another investigation holds identifiers of this one; contact the deconfliction officer of West Mercia Police.',
    );
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toContain('OP-HOLLY');
    expect(main).not.toContain('EXH-H1');
    await settle(page, 'links-investigation');

    // Open the linked investigation and lower its marking: only markings up to OFFICIAL-SENSITIVE offered.
    await page.getByRole('link', { name: 'OP-IOS17' }).click();
    await page.getByRole('heading', { level: 1, name: /^OP-IOS17/ }).waitFor();
    const form = page.getByRole('form', { name: 'Protective marking' });
    const select = form.getByLabel('Protective marking');
    expect(await select.locator('option').allTextContents()).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE']);
    await select.selectOption('OFFICIAL');
    await form.getByRole('button', { name: 'Change the marking' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('OP-IOS17 is now marked OFFICIAL.');
    await page.getByRole('heading', { level: 1, name: /OFFICIAL$/ }).waitFor();
    await settle(page, 'links-investigation-remarked');
    await context.close();

    // k.hughes, cleared to OFFICIAL, now sees it (and its page), and still not OP-IOS15.
    const k = await demoSession(browser, server, 'k.hughes');
    const list = (await (
      await k.page.request.get(`${server.url}/api/links/investigations`)
    ).json()) as LinkInvestigationListed[];
    expect(list.map((i) => i.reference)).toEqual(['OP-IOS17']);
    await k.page.goto(`${server.url}/links/investigations/${list[0]!.id}`);
    await k.page.getByRole('heading', { level: 1, name: /^OP-IOS17/ }).waitFor();
    expect(await tableRows(k.page, 'Devices')).toEqual([['IPHONE11', '1', '0', '118', expect.any(String)]]);
    await k.page.goto(`${server.url}/links/investigations/${id}`);
    await expect.poll(() => k.page.locator('main').textContent()).toMatch(/no investigation .* you can see/i);
    await k.context.close();
  }, 240_000);

  it('saves a column mapping by header names on the import page and imports a file through it', async () => {
    const { page, context } = await demoSession(browser, server, 'r.patel');
    await page.getByRole('link', { name: 'Links: investigations' }).click();
    const form = page.getByRole('form', { name: 'Save a column mapping' });
    await form.getByLabel('Id (lower-case letters, digits, hyphens)').fill('HTCU calls');
    await form.getByLabel('Tool').fill('Force HTCU spreadsheet');
    await form.getByLabel('Artifact').fill('Call list');
    await form.getByRole('button', { name: 'Save the mapping' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('This is not a column mapping');
    expect(await alert.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^id: /),
        expect.stringMatching(/^detect: /),
        expect.stringMatching(/^parties: /),
      ]),
    );

    await form.getByLabel('Id (lower-case letters, digits, hyphens)').fill('htcu-calls');
    await form.getByLabel('Headers that recognise the file (one a line)').fill('Other number\nWhen called\nWay');
    await form.getByLabel('Time column').fill('When called');
    await form.getByLabel('Direction column').fill('Way');
    await form
      .getByLabel('Direction values (value = incoming, outgoing, missed; one a line)')
      .fill('IN = incoming\nOUT = outgoing');
    await form.getByLabel('Duration column').fill('Seconds');
    await form.getByLabel('Column 1').fill('Other number');
    await form.getByLabel('Role').first().selectOption('counterpart');
    await form.getByLabel('Kind').first().selectOption('phone');
    await form.getByRole('button', { name: 'Save the mapping' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe('Saved the column mapping htcu-calls; imports now recognise it by its headers, or name it.');
    await settle(page, 'links-mapping-saved');

    // A file in that layout, its columns in another order than the mapping was written in.
    const file = path.join(dir, 'htcu-calls.csv');
    await writeFile(
      file,
      'Seconds,Way,Other number,When called\n95,OUT,(919) 888-7386,2023-05-02 16:12:10\n5,IN,07911 123456,2023-05-02 16:20:00\n',
    );
    await page.reload();
    const imp = page.getByRole('form', { name: "Import a device's export" });
    await imp.getByLabel('Investigation').selectOption({ label: 'OP-IOS15 (OFFICIAL-SENSITIVE)' });
    await imp.getByLabel('Device (exhibit reference)').fill('IPHONE8');
    await imp.getByLabel('Country of national numbers on this device').fill('US');
    await imp.getByLabel('Export file').setInputFiles(file);
    await imp.getByRole('button', { name: 'Import' }).click();
    await expect
      .poll(() => imp.getByRole('status').textContent())
      .toMatch(/^Imported htcu-calls\.csv \(delimited\) into OP-IOS15: 2 records/);
    const list = (await (
      await page.request.get(`${server.url}/api/links/investigations`)
    ).json()) as LinkInvestigationListed[];
    const ios15 = list.find((i) => i.reference === 'OP-IOS15')!;
    const detail = (await (
      await page.request.get(`${server.url}/api/links/investigations/${ios15.id}`)
    ).json()) as LinkInvestigationDetailAnswer;
    expect(detail.imports.find((i) => i.fileName === 'htcu-calls.csv')).toMatchObject({
      mappings: ['htcu-calls'],
      records: 2,
      importedBy: 'r.patel',
    });
    // Edited: loaded back into the form by its id.
    await form.getByLabel('Start from').selectOption({ label: 'Edit htcu-calls (Force HTCU spreadsheet, Call list)' });
    await expect.poll(() => form.getByLabel('Time column').inputValue()).toBe('When called');
    expect(await form.getByLabel('Column 1').inputValue()).toBe('Other number');

    // A refused file keeps nothing but is shown on the investigation's page: who, when, what was wrong.
    const bad = path.join(dir, 'htcu-bad.csv');
    await writeFile(bad, 'Seconds,Way,Other number,When called\n95,OUT,(919) 888-7386,yesterday\n');
    await imp.getByLabel('Export file').setInputFiles(bad);
    await imp.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => imp.getByRole('alert').textContent()).toContain('htcu-bad.csv: 1 row rejected');
    await page.goto(`${server.url}/links/investigations/${ios15.id}`);
    const refused = await tableRows(page, 'Refused files');
    expect(refused.map((r) => r.slice(0, 5))).toEqual([
      ['htcu-bad.csv', 'IPHONE8', '1', '1', expect.stringMatching(/^htcu-bad\.csv line 2, When called: /)],
    ]);
    expect(refused[0]![5]).toBe('r.patel');
    await settle(page, 'links-investigation-refused');
    await context.close();
  }, 240_000);
});
