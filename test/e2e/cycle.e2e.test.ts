/**
 * The assessment cycle in a real browser (slow, end to end): Debian's Chromium through
 * playwright-core against a real `stra serve` on a demo workspace. An analyst creates an
 * assessment (marked on the form), starts next year's from 2017/18, adds threats linked to crime
 * categories, edits one and retires another; each assessor uploads their own scores file (one
 * naming another assessor is refused); a reader sees no button to create. The last test stops
 * the server and checks the store itself holds what the browser made. Screenshots go to STRA_SCREENSHOTS (default tmp/screenshots). Skips without Chromium.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, listAssessments, listScores, listThreats, openStore, storeFolder } from '../../src/store/index.js';
import { hasChromium } from '../browser.js';
import { type ServerProcess } from './servers.js';
import { closeBrowserDemo, demoSession, openBrowserDemo, shot } from './demo-browser.js';

const suite = hasChromium ? describe : describe.skip;
if (!hasChromium) process.stderr.write('Cycle UI tests: skipped (no /usr/bin/chromium; apt-get install -y chromium)\n');

let dir = '';
let ws = '';
let server: ServerProcess | undefined;
let browser: Browser;
/** The assessment the browser made (its id from the address it opened). */
let madeId = 0;

beforeAll(async () => {
  if (!hasChromium) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-cycle-'));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

const url = (p: string) => server!.url + p;

const session = (username: string) => demoSession(browser, server!, username);

suite('the assessment cycle in Chromium', () => {
  it('shows a reader the assessments without the buttons to create or start next year', async () => {
    const { context, page } = await session('acc.morgan');
    await page.goto(url('/assessments'));
    await page.getByRole('table', { name: /Assessments you can see/ }).waitFor();
    await shot(page, 'assessments-reader');
    expect(await page.getByRole('button', { name: 'New assessment' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Start next year/ }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('lets an analyst create an assessment marked on the form, and opens it', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'All assessments' }).click();
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByLabel(/Financial year/).fill('2019-20');
    await page.getByLabel('Version label').fill('V1 - Draft');
    await page.getByLabel(/^Title/).fill('Browser-made STRA 2019/20');
    await page.getByLabel('Protective marking').selectOption('OFFICIAL-SENSITIVE');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    // The server's answer names the field that is wrong; nothing is created.
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/period.*2017\/18/);
    await shot(page, 'assessment-new-error');
    await page.getByLabel(/Financial year/).fill('2019/20');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByRole('heading', { name: /Browser-made STRA 2019\/20/ }).waitFor();
    madeId = Number(/\/assessments\/(\d+)$/.exec(page.url())?.[1]);
    expect(madeId).toBeGreaterThan(0);
    await shot(page, 'assessment-new-dashboard');
    await context.close();
  }, 60_000);

  it('lets an analyst start next year from 2017/18 and says what carried over', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url('/assessments'));
    await page.getByRole('button', { name: /Start next year from 2017\/18/ }).click();
    await expect(page.getByLabel('Financial year', { exact: true }).inputValue()).resolves.toBe('2018/19');
    await page.getByRole('button', { name: 'Start 2018/19' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Carried over' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(
      /Carried over: \d+ threats \(each with last year's combined score\), \d+ open recommendations/,
    );
    await shot(page, 'assessment-next-year');
    await context.close();
  }, 60_000);

  it('lets an analyst add threats linked to crime categories, edit one and retire another', async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url(`/assessments/${madeId}/threats`));
    await page.getByRole('button', { name: 'Add a threat' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a threat' }) });
    for (const [name, categories, marking] of [
      ['County lines', ['Drugs', 'Possession of weapons'], 'OFFICIAL-SENSITIVE'],
      ['Metal theft', ['Other theft'], 'OFFICIAL'],
    ] as const) {
      await form.getByLabel('Name').fill(name);
      for (const c of categories) await form.getByLabel(c, { exact: true }).check();
      await form.getByLabel('Protective marking').selectOption(marking);
      await form.getByRole('button', { name: 'Add threat' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Added “${name}”` })
        .waitFor();
    }
    // A duplicate is refused with the server's reason; nothing is added.
    await form.getByLabel('Name').fill('county lines');
    await form.getByRole('button', { name: 'Add threat' }).click();
    await form.getByRole('alert').waitFor();
    await shot(page, 'threats-added');
    await page.getByRole('button', { name: 'Add a threat' }).click();
    await page.getByRole('button', { name: 'Edit County lines' }).click();
    const editor = page.locator('form.editor', { has: page.getByLabel('Owner', { exact: true }) });
    await editor.getByLabel('Possession of weapons', { exact: true }).uncheck();
    await editor.getByLabel('Owner', { exact: true }).fill('DCI Lines');
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved: version 2' }).waitFor();
    await page.getByRole('button', { name: 'Edit Metal theft' }).click();
    await page.getByRole('button', { name: 'Retire this threat' }).click();
    await shot(page, 'threat-retire-confirm');
    await page.getByRole('button', { name: 'Yes, retire it' }).click();
    await page.getByRole('status').filter({ hasText: 'Retired “Metal theft”' }).waitFor();
    // The list reloads after the retirement: the row goes (waited for, not raced).
    await page.getByRole('link', { name: 'Metal theft' }).waitFor({ state: 'detached', timeout: 10_000 });
    await expect(page.getByRole('link', { name: 'County lines' }).count()).resolves.toBe(1);
    await shot(page, 'threats-after-retire');
    await context.close();
  }, 90_000);

  it("uploads each assessor's own scores file for the new threat, refuses one naming someone else, and ranks it", async () => {
    const { context, page } = await session('r.patel');
    await page.goto(url(`/assessments/${madeId}/threats`));
    const model = JSON.parse(
      await page.evaluate(async (id) => (await fetch(`/api/assessments/${id}/model`)).text(), madeId),
    ) as { factors: { id: string; levels: { value: number }[] }[] };
    const header = ['threat', 'assessor', ...model.factors.map((f) => f.id)];
    const row = (who: string, pick: number) => [
      'County lines',
      who,
      ...model.factors.map((f) => f.levels[Math.min(pick, f.levels.length - 1)]!.value),
    ];
    const csv = (rows: (string | number)[][]) => [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
    const upload = async (p: typeof page, rows: (string | number)[][]) => {
      const file = path.join(dir, 'scores.csv');
      await writeFile(file, csv(rows));
      await p.goto(url(`/assessments/${madeId}/threats`));
      await p.getByRole('button', { name: 'Upload a scores file' }).click();
      await p.getByLabel('Scores file (.csv)').setInputFiles(file);
      await p.getByRole('button', { name: 'Upload scores' }).click();
    };
    // A score belongs to its assessor: r.patel's file with s.okafor's row is refused whole.
    await upload(page, [row('r.patel', 1), row('s.okafor', 2)]);
    await page.getByRole('alert').filter({ hasText: 'r.patel cannot record a score as "s.okafor"' }).waitFor();
    await shot(page, 'scores-upload-refused');
    await upload(page, [row('r.patel', 1)]);
    await page.getByRole('status').filter({ hasText: 'Imported scores.csv: 1 new, 0 changed, 0 unchanged' }).waitFor();
    await context.close();
    const second = await session('s.okafor');
    await upload(second.page, [row('s.okafor', 2)]);
    await second.page
      .getByRole('status')
      .filter({ hasText: 'Imported scores.csv: 1 new, 0 changed, 0 unchanged' })
      .waitFor();
    await second.page.getByRole('cell', { name: /2 assessors/ }).waitFor();
    await shot(second.page, 'scores-uploaded');
    await second.context.close();
  }, 120_000);

  it('leaves in the store what the browser made', async () => {
    await server!.stop();
    server = undefined;
    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const actor = await actorFor(store, 'admin');
      const all = await listAssessments(store, actor);
      const made = all.find((a) => a.title === 'Browser-made STRA 2019/20');
      expect(made).toMatchObject({ period: '2019/20', marking: 'OFFICIAL-SENSITIVE', organisationId: 'wwm-alliance' });
      const from = all.find((a) => a.period === '2017/18')!;
      const next = all.find((a) => a.period === '2018/19')!;
      expect(next.previousId).toBe(from.id);
      const [before, after] = [
        await listThreats(store, actor, { assessmentId: from.id }),
        await listThreats(store, actor, { assessmentId: next.id }),
      ];
      expect(after.map((t) => t.name).sort()).toEqual(before.map((t) => t.name).sort());
      expect(after.length).toBeGreaterThan(5);
      const threats = await listThreats(store, actor, { assessmentId: madeId });
      expect(threats.map((t) => [t.name, t.marking, t.owner, t.evidence.policeUkCategories])).toEqual([
        ['County lines', 'OFFICIAL-SENSITIVE', 'DCI Lines', ['drugs']],
      ]);
      const scores = await listScores(store, actor, { threatId: threats[0]!.id });
      expect(scores.map((x) => x.assessor).sort()).toEqual(['r.patel', 's.okafor']);
    } finally {
      await store.close();
    }
  }, 60_000);
});
