/**
 * The analyst's workbench in a real browser (issue 14, analysis part): a demo alliance workspace
 * with a neighbouring force's real police.uk months imported beside it. Checks the figures each
 * page shows against the warehouse (the CLI's own counts) and the real files, runs axe-core on
 * each page, and writes screenshots to STRA_SCREENSHOTS (default tmp/screenshots).
 * Skips with a message when Chromium or ../shared/data is absent.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/record/people.js';
import { hasChromium, logIn, seriousA11yViolations } from '../browser.js';
import { hasSharedData, sharedData } from '../shared-data.js';
import { STRA, type ServerProcess } from './servers.js';
import { closeBrowserDemo, openBrowserDemo, SCREENSHOTS } from './demo-browser.js';

const ready = hasChromium && hasSharedData;
const suite = ready ? describe : describe.skip;
if (!hasChromium) process.stderr.write('analysis UI tests: skipped (no /usr/bin/chromium)\n');
else if (!hasSharedData) process.stderr.write('analysis UI tests: skipped (no ../shared/data)\n');

const run = promisify(execFile);
const shots = SCREENSHOTS;
const LEICS = ['2018-03', '2018-04'].map((m) => sharedData('police-uk', m, `${m}-leicestershire-street.csv`));
const LEICS_SEARCHES = ['2018-03', '2018-04'].map((m) =>
  sharedData('police-uk', m, `${m}-leicestershire-stop-and-search.csv`),
);
const PRC = sharedData('prc', 'prc_pfa_2017_18.csv');
const SAN_DIEGO = sharedData('incidents', 'san_diego', 'pd_calls_for_service_2023_datasd.csv');
let dir = '';
let ws = '';
let server: ServerProcess;
let browser: Browser;

/** The JSON `stra` prints (a check that finds mismatches exits 1 and still prints its answer). */
async function stra<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [STRA, ...args, '-w', ws, '--json'], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, DATABASE_URL: '' },
  }).catch((err: { stdout?: string }) => {
    if (!err.stdout) throw err;
    return { stdout: err.stdout };
  });
  return JSON.parse(stdout) as T;
}

beforeAll(async () => {
  if (!ready) return;
  ({ dir, ws, server, browser } = await openBrowserDemo('stra-analysis-', {
    from: '2016-04',
    prepare: async (demo) => {
      ws = demo;
      dir = path.dirname(demo);
      // A neighbouring force's files and the national PRC table: written by an analyst of the
      // deployment's national data organisation (issue 13's rule of who may write which force's data).
      await run(process.execPath, [STRA, 'import', ...LEICS, ...LEICS_SEARCHES, PRC, '-w', ws, '--as', 'r.patel'], {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DATABASE_URL: '', STRA_NATIONAL_DATA_ORG: 'wwm-alliance' },
      });
      // Issue 17: the real San Diego calls for service imported as West Mercia's own incidents (by its
      // administrator: a force's own data), before the server holds the store.
      await run(
        process.execPath,
        [
          STRA,
          'demand',
          'import',
          SAN_DIEGO,
          '--mapping',
          'san-diego',
          '--force',
          'west-mercia',
          '-w',
          ws,
          '--as',
          'admin',
        ],
        { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DATABASE_URL: '' } },
      );
      const episodes = path.join(dir, 'missing.csv');
      await writeFile(
        episodes,
        [
          'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa',
          'M1,WM/P1,2018-03-01T20:00:00,2018-03-02T06:00:00,high,15,Y,care-home,CH-7,E01031036,E01031035',
          'M2,WM/P1,2018-03-09T20:00:00,2018-03-10T02:00:00,medium,15,Y,care-home,CH-7,E01031036,',
          'M3,WM/P1,2018-03-20T21:00:00,2018-03-21T09:00:00,medium,15,Y,care-home,CH-7,E01031036,',
          'M4,WM/P2,2018-03-05T10:00:00,2018-03-05T18:00:00,low,34,N,home,,E01031040,',
        ].join('\n'),
      );
      await run(
        process.execPath,
        [
          STRA,
          'demand',
          'import',
          episodes,
          '--mapping',
          'openstra-missing',
          '--force',
          'west-mercia',
          '-w',
          ws,
          '--as',
          'admin',
        ],
        { env: { ...process.env, DATABASE_URL: '', STRA_PSEUDONYM_KEY: 'k'.repeat(32) } },
      );
      // Five years of Warwickshire missing-person episodes (generated: seasonal, seeded), long
      // enough for the Forecast page's backtest; half from Rugby LSOAs, half from Nuneaton's.
      const long = path.join(dir, 'warwickshire-missing.csv');
      await writeFile(long, longMissingSeries());
      await run(
        process.execPath,
        [
          STRA,
          'demand',
          'import',
          long,
          '--mapping',
          'openstra-missing',
          '--force',
          'warwickshire',
          '-w',
          ws,
          '--as',
          'admin',
        ],
        { env: { ...process.env, DATABASE_URL: '', STRA_PSEUDONYM_KEY: 'k'.repeat(32) } },
      );
    },
  }));
}, 300_000);

afterAll(() => closeBrowserDemo({ dir, server, browser }), 60_000);

/**
 * April 2013 to March 2018 of missing-person episodes: about 40 a month with a summer peak and
 * seeded noise, each month from its 1st to its last day (so every month is complete).
 */
function longMissingSeries(): string {
  let state = 17;
  const rand = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lines = [
    'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa',
  ];
  const risks = ['high', 'medium', 'medium', 'low'];
  let id = 0;
  for (let k = 0; k < 60; k++) {
    const y = 2013 + Math.floor((k + 3) / 12);
    const m = ((k + 3) % 12) + 1;
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const n = Math.round(40 + 8 * Math.sin((2 * Math.PI * (m - 3)) / 12) + (rand() - 0.5) * 10);
    for (let e = 0; e < n; e++) {
      const day = 1 + Math.round((e * (days - 1)) / (n - 1));
      const at = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const lsoa = e % 2 ? 'E01031129' : 'E01031110';
      const child = e % 3 === 0;
      lines.push(
        `W${++id},WK/P${Math.floor(rand() * 400)},${at}T18:00:00,${at}T23:30:00,${risks[e % 4]},${child ? 14 : 30},${child ? 'Y' : 'N'},${child ? 'care-home' : 'home'},${child ? 'CH-' + (e % 5) : ''},${lsoa},`,
      );
    }
  }
  return lines.join('\n');
}

async function page(username = 'r.patel'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const p = await context.newPage();
  await logIn(p, server.url, username, DEMO_PASSWORD);
  return p;
}

async function settle(p: Page, shot: string): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.waitForFunction(() => document.querySelector('.updating, .loading') === null);
  await p.screenshot({ path: path.join(shots, `${shot}.png`), fullPage: true });
  const violations = await seriousA11yViolations(p);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual(
    [],
  );
}

/** The rows of the table behind a chart, as text cells. */
async function tableRows(p: Page, caption: RegExp | string): Promise<string[][]> {
  const table = p.locator('table', { has: p.locator('caption', { hasText: caption }) });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

const realRows = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').length - 1;
/** A real street file's crimes: its data rows without anti-social behaviour (police.uk's "crime" excludes it). */
const realCrimes = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .filter((line) => !line.includes(',Anti-social behaviour,')).length;
const en = (n: number) => n.toLocaleString('en-GB');

interface StatsRow {
  force: string;
  month: string;
  count: number;
}

suite('analysis in the browser', () => {
  it("opens trends on the user's organisation's area, complete, though a neighbour's months were imported", async () => {
    const p = await page();
    await p.goto(server.url + '/trends');
    await p
      .getByRole('heading', { name: /Monthly series, all crime, all areas of the Warwickshire and West Mercia/ })
      .waitFor();
    await settle(p, 'analysis-trends-alliance');
    const stats = await stra<{ rows: StatsRow[] }>(
      'stats',
      '--by',
      'month,force',
      '--from',
      '2018-03',
      '--to',
      '2018-03',
    );
    const alliance = stats.rows.filter((r) => r.force !== 'leicestershire').reduce((a, r) => a + r.count, 0);
    const series = await tableRows(p, /^Recorded crime by month/);
    expect(series.at(-1)?.slice(0, 2)).toEqual(['March 2018', en(alliance)]);
    expect(series.every((r) => r[1] !== '–')).toBe(true); // no month left empty by Leicestershire's gaps
    expect(series[0]?.[0]).toBe('April 2016'); // starts where the alliance's data start
  });

  it('offers every force in the warehouse by its proper name, and shows its own real months and CSPs', async () => {
    const p = await page();
    await p.goto(server.url + '/trends');
    const force = p.getByRole('combobox', { name: /^Force/ });
    await force.locator('option', { hasText: 'Leicestershire Police' }).waitFor({ state: 'attached' });
    const options = await force.locator('option').allTextContents();
    expect(options).toContain('Leicestershire Police (2 months loaded)');
    expect(options.some((o) => /^[a-z-]+$/.test(o))).toBe(false); // never a slug
    await force.selectOption({ label: 'Leicestershire Police (2 months loaded)' });
    await p.getByRole('heading', { name: 'Monthly series, all crime, all areas of Leicestershire Police' }).waitFor();
    await settle(p, 'analysis-trends-leicestershire');
    const series = await tableRows(p, /^Recorded crime by month/);
    expect(series.map((r) => r.slice(0, 2))).toEqual([
      ['March 2018', en(await realCrimes(LEICS[0]!))],
      ['April 2018', en(await realCrimes(LEICS[1]!))],
    ]);
    const areas = await p.getByRole('combobox', { name: /^Area/ }).locator('option').allTextContents();
    expect(areas).toContain('Charnwood'); // from the shipped national table, on day one
    expect(areas).not.toContain('Rugby');
  });

  it('gives rates per 1,000 residents by CSP as the CLI computes them', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/rates');
    await p.getByRole('heading', { name: 'Rates per 1,000 residents', exact: true }).waitFor();
    await p.locator('caption', { hasText: 'Crimes per 1,000 residents' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-rates');
    const cli = await stra<{ rows: { force: string; area: string; count: number; rate_per_1000: number | null }[] }>(
      'harm',
      'rates',
      '--by',
      'csp',
      '--force',
      'warwickshire,west-mercia',
      '--from',
      '2017-04',
      '--to',
      '2018-03',
    );
    const rugby = cli.rows.find((r) => r.area === 'Rugby')!;
    const rows = await tableRows(p, /^Crimes per 1,000 residents/);
    const row = rows.find((r) => r[1] === 'Rugby')!;
    expect(row.slice(0, 3)).toEqual(['Warwickshire Police', 'Rugby', en(rugby.count)]);
    expect(row[4]).toBe(en(Number(rugby.rate_per_1000!.toFixed(1))));
    expect(rows.some((r) => r[0] === 'Leicestershire Police')).toBe(false); // the alliance only, by default
    expect(rows.find((r) => r[1] === '(elsewhere)')?.[4]).toBe('–'); // snaps over the border: no rate
  });

  it('gives the Crime Severity Score of every force from the real Home Office table', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/css');
    await p.locator('caption', { hasText: 'Crime Severity Score by force' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-css');
    const cli = await stra<{ rows: { force: string; level: string; css: number | null }[] }>(
      'harm',
      'css',
      '--year',
      '2017/18',
    );
    const rows = await tableRows(p, /^Crime Severity Score by force/);
    const forces = cli.rows.filter((r) => r.level === 'force');
    expect(forces).toHaveLength(43);
    expect(rows.filter((r) => /Police|Constabulary/.test(r[0] ?? ''))).toHaveLength(43);
    const warks = cli.rows.find((r) => r.force === 'warwickshire' && r.level === 'force')!;
    expect(rows.find((r) => r[0] === 'Warwickshire Police (yours)')?.[4]).toBe(en(Number(warks.css!.toFixed(2))));
  });

  it("gives the share of harm in the alliance's most harmed LSOAs, with the curve and the top LSOAs", async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/concentration');
    await p.locator('caption', { hasText: 'most harmed LSOAs' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-concentration');
    const cli = await stra<{ areaCount: number; tiers: { fraction: number; share: number }[] }>(
      'harm',
      'concentration',
      '--force',
      'warwickshire,west-mercia',
      '--from',
      '2017-04',
      '--to',
      '2018-03',
    );
    expect(cli.areaCount).toBe(1120);
    const rows = await tableRows(p, /^Concentration curve/);
    expect(rows.map((r) => r[3])).toEqual(cli.tiers.map((t) => `${(t.share * 100).toFixed(1)}%`));
    expect(await p.getByText(`of 1,120) hold`).count()).toBe(2);
  });

  it('runs the WDD test for two CSPs and agrees with stra wdd', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/wdd');
    await p.getByLabel('Target area (where something was done)').selectOption({ label: 'Rugby (CSP)' });
    await p.getByLabel('Control area (comparable, nothing done)').selectOption({ label: 'North Warwickshire (CSP)' });
    await p.getByRole('button', { name: 'Run the test' }).click();
    await p.locator('caption', { hasText: 'Crimes before and after' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-wdd');
    const cli = await stra<{ wdd: { total: { estimate: number }; z: number } }>(
      'wdd',
      '--target-area',
      'csp=Rugby',
      '--control-area',
      'csp=North Warwickshire',
      '--before',
      '2016-04..2017-03',
      '--after',
      '2017-04..2018-03',
      '--force',
      'warwickshire,west-mercia',
    );
    const text = await p.locator('.headline').textContent();
    expect(text).toContain(
      `WDD = ${cli.wdd.total.estimate.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} crimes`,
    );
    expect(text).toContain(`z = ${cli.wdd.z.toFixed(2)}`);
  });

  it('shows the indicator series and the check of printed percentages, as stra indicators check finds', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/indicators');
    await p.locator('caption', { hasText: 'Printed year-on-year changes' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-indicators');
    const cli = await stra<{ checked: number; mismatches: number }>('indicators', 'check');
    expect(cli.mismatches).toBeGreaterThan(0);
    await p
      .getByText(
        `${cli.checked} printed percentages checked: ${cli.mismatches} do not match the figures they were printed from.`,
      )
      .waitFor();
    expect((await tableRows(p, /^Printed year-on-year/)).filter((r) => r[7] === 'mismatch')).toHaveLength(
      cli.mismatches,
    );
  });

  it("counts a chosen force's real stop-and-search records, month by month", async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/stop-search');
    await p
      .getByRole('combobox', { name: /^Force/ })
      .selectOption({ label: 'Leicestershire Police (2 months loaded)' });
    await p.locator('caption', { hasText: 'Stop and search by month' }).waitFor({ state: 'attached' });
    await p.getByRole('heading', { name: /Searches by month, all areas of Leicestershire Police/ }).waitFor();
    await settle(p, 'analysis-stop-search');
    const rows = await tableRows(p, /^Stop and search by month/);
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['March 2018', en(await realRows(LEICS_SEARCHES[0]!))],
      ['April 2018', en(await realRows(LEICS_SEARCHES[1]!))],
    ]);
  });

  it('shows coverage by force, the neighbour with its two months', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/coverage');
    await p.locator('caption', { hasText: 'Months of street crime loaded' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-coverage');
    const rows = await tableRows(p, /^Months of street crime loaded/);
    expect(rows.find((r) => r[0] === 'Leicestershire Police')?.slice(1, 4)).toEqual(['March 2018', 'April 2018', '2']);
    expect(rows.find((r) => r[0] === 'Warwickshire Police')?.slice(1, 4)).toEqual(['April 2016', 'March 2018', '24']);
  });

  it('links each figure to its glossary entry, one click away', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/rates');
    await p.getByRole('link', { name: 'Method: Rate per 1,000 residents' }).click();
    await p.getByRole('heading', { name: 'Glossary and method notes' }).waitFor();
    expect(new URL(p.url()).hash).toBe('#rate-per-1000');
    for (const term of [
      'E-test',
      'q-value',
      'Cambridge Crime Harm Index',
      'Crime Severity Score',
      "MoRiLE's s",
      'Weighted Displacement Difference',
    ])
      await p
        .getByRole('heading', { name: new RegExp(term.replace(/[()]/g, '.')) })
        .first()
        .waitFor();
    await settle(p, 'analysis-help');
  });

  it('maps crime by CSP and by LSOA from the shipped boundaries, with the figures of stra stats', async () => {
    const p = await page();
    await p.goto(server.url + '/map');
    await p
      .locator('caption', { hasText: 'Map: crimes by community safety partnership' })
      .waitFor({ state: 'attached' });
    await settle(p, 'analysis-map-csp');
    const stats = await stra<{ rows: { csp: string; count: number }[] }>(
      'stats',
      '--by',
      'csp',
      '--force',
      'warwickshire',
      '--from',
      '2017-04',
      '--to',
      '2018-03',
    );
    const rows = await tableRows(p, /^Map: crimes by community safety partnership/);
    expect(rows).toHaveLength(9); // the alliance's nine CSPs, and no other force's
    expect(rows.find((r) => r[0] === 'Rugby')?.slice(1, 3)).toEqual([
      'Warwickshire Police',
      en(stats.rows.find((r) => r.csp === 'Rugby')!.count),
    ]);
    expect(rows.every((r) => r[4] === 'yes')).toBe(true); // every CSP has its boundary
    await p.getByRole('combobox', { name: /^Areas/ }).selectOption('lsoa');
    await p.locator('caption', { hasText: 'Map: crimes by LSOA' }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-map-lsoa');
    const lsoas = await tableRows(p, /^Map: crimes by LSOA/);
    expect(lsoas.length).toBeGreaterThan(1100);
    expect(lsoas.filter((r) => r[5] !== 'yes')).toEqual([]);
  });

  it("shows a force's demand (the real San Diego calls imported as its own) to its alliance, and what to import where none is held", async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/demand');
    await p.getByRole('combobox', { name: 'Force' }).selectOption('west-mercia');
    await p.locator('caption', { hasText: /^Incidents a day by hour and weekday/ }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-demand');
    const text = (await p.locator('main').textContent()) ?? '';
    // The CLI's figures (stra demand profile): 28,951 incidents on 22 days, 84.4% not crime.
    expect(text).toContain(
      '28,951 incidents of West Mercia Police from 1 January 2023 to 22 January 2023, on 22 covered days',
    );
    expect(text).toContain('Not crime: 84.4%');
    const cells = await tableRows(p, /^Incidents a day by hour and weekday/);
    expect(cells).toHaveLength(7 * 24);
    expect(cells.find((r) => r[0] === 'Wednesday' && r[1] === '09:00')?.[2]).toBe('100');
    await p.getByRole('combobox', { name: 'Force' }).selectOption('warwickshire');
    await p.locator('.empty', { hasText: 'No incidents of warwickshire are held' }).waitFor();
    await settle(p, 'analysis-demand-empty');
    await p.goto(server.url + '/analysis/missing');
    await p.getByRole('combobox', { name: 'Force' }).selectOption('west-mercia');
    await p.locator('caption', { hasText: /^Care homes people went missing from/ }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-missing');
    expect((await p.locator('main').textContent()) ?? '').toContain(
      'Repeats (3 or more episodes within 90 days): 1 person, 75.0% of episodes',
    );
    expect(await tableRows(p, /^Care homes people went missing from/)).toEqual([
      ['CH-7', 'E01031036', '3', '1', '3', '1', '1', '10'],
    ]);
    // Crime forecasts need 48 months; this workspace holds 24, and the page says so.
    await p.goto(server.url + '/analysis/forecast');
    await p.locator('.empty', { hasText: 'cannot be forecast' }).waitFor();
    await settle(p, 'analysis-forecast-refused');
  });

  it('shows the demand breakdowns, time spent where recorded, the change on last year and a range of days', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/demand');
    await p.getByRole('combobox', { name: 'Force' }).selectOption('west-mercia');
    await p.locator('caption', { hasText: /^Incidents by outcome/ }).waitFor({ state: 'attached' });
    // San Diego's dispositions are read as outcomes (the mapping's); it has no closing codes, and the page says so.
    const outcomes = await tableRows(p, /^Incidents by outcome/);
    expect(outcomes.map((r) => r[0])).toContain('Arrest');
    expect(outcomes.reduce((a, r) => a + Number(r[1]!.replace(/,/g, '')), 0)).toBe(28_951);
    await p.locator('.empty', { hasText: 'The export records no closing codes.' }).waitFor();
    const areas = await tableRows(p, /^Incidents by area and grade/);
    expect(areas).toHaveLength(15);
    // One timestamp per call: the page says time spent is not recorded, and why there is no comparison.
    const text = (await p.locator('main').textContent()) ?? '';
    expect(text).toContain('This export records no officer time, arrival or closing time');
    expect(text).toContain('No comparison: no incidents of west-mercia are held for 2022-01-01 to 2022-01-22');
    await settle(p, 'analysis-demand-breakdowns');
    await p.getByLabel('From', { exact: true }).fill('2023-01-09');
    await p.getByLabel('To', { exact: true }).fill('2023-01-15');
    await p.locator('.summary', { hasText: 'from 9 January 2023 to 15 January 2023, on 7 covered days' }).waitFor();
    await settle(p, 'analysis-demand-week');
  });

  it('shows missing people by risk, age band and address type', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/missing');
    await p.getByRole('combobox', { name: 'Force' }).selectOption('west-mercia');
    await p.locator('caption', { hasText: /^Episodes by risk grade/ }).waitFor({ state: 'attached' });
    await settle(p, 'analysis-missing-breakdowns');
    expect(await tableRows(p, /^Episodes by risk grade/)).toEqual([
      ['High', '1', '25.0%'],
      ['Medium', '2', '50.0%'],
      ['Low', '1', '25.0%'],
    ]);
    expect(await tableRows(p, /^Episodes by age band/)).toEqual([
      ['15-17', '3', '75.0%'],
      ['25-39', '1', '25.0%'],
    ]);
    expect(await tableRows(p, /^Episodes by the type of address/)).toEqual([
      ['Home address', '1', '25.0%'],
      ['Care home', '3', '75.0%'],
    ]);
  });

  it('forecasts missing episodes of a force and of a CSP with their backtest, and refuses short series with the reason', async () => {
    const p = await page();
    await p.goto(server.url + '/analysis/forecast');
    await p.getByRole('combobox', { name: 'Force' }).selectOption('warwickshire');
    await p.getByRole('combobox', { name: 'Series' }).selectOption('missing');
    await p.locator('caption', { hasText: /^Backtest/ }).waitFor({ state: 'attached' });
    await p.locator('.summary', { hasText: 'Missing-person episodes of warwickshire' }).waitFor();
    await settle(p, 'analysis-forecast-missing');
    const summary = (await p.locator('.summary').textContent()) ?? '';
    expect(summary).toMatch(/Next 12 months: [\d,]+, 80% likely between [\d,]+ and [\d,]+, 95% between/);
    const backtest = await tableRows(p, /^Backtest/);
    expect(backtest.map((r) => r[0])).toEqual(['seasonal-naive', 'ets', 'sarima']);
    expect(backtest.filter((r) => r[6] === 'chosen')).toHaveLength(1);
    expect(backtest.every((r) => r[5] === '78' || r[5] === '0')).toBe(true);
    // One CSP's episodes (placed by LSOA): about half the force's.
    await p.getByRole('combobox', { name: 'Area' }).selectOption('csp=Rugby');
    await p.locator('.summary', { hasText: 'Missing-person episodes of warwickshire, Rugby' }).waitFor();
    await settle(p, 'analysis-forecast-missing-rugby');
    // West Mercia's incidents: 22 days of one month, refused with the reason.
    await p.getByRole('combobox', { name: 'Force' }).selectOption('west-mercia');
    await p.getByRole('combobox', { name: 'Series' }).selectOption('incidents');
    await p.locator('.empty', { hasText: 'no complete month of incidents' }).waitFor();
    await settle(p, 'analysis-forecast-incidents-refused');
    // Crime of a district: 24 months, refused with the reason.
    await p.getByRole('combobox', { name: 'Force' }).selectOption('warwickshire');
    await p.getByRole('combobox', { name: 'Series' }).selectOption('crime');
    await p.getByRole('combobox', { name: 'Area' }).selectOption('district=Rugby');
    await p.locator('.empty', { hasText: 'Recorded crime of warwickshire, Rugby' }).waitFor();
    expect((await p.locator('.empty').textContent()) ?? '').toContain('cannot be forecast');
    await settle(p, 'analysis-forecast-district-refused');
  });
});
