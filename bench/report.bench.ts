/**
 * `npm run bench:report [-- --rows N --runs R --keep --workspace DIR --cli-only]`: the Strategic Assessment benchmark of issue 7.
 * A workspace is prepared once and kept in /tmp/stra-bench: N generated national police.uk street
 * rows (default 6 million) over two financial years (2016/17 and 2017/18, so the document has a
 * year before to compare with), an area table making each synthetic district a CSP, the demo
 * system of record, the seed's indicator tables and analyst text. First, the headline (issue 15):
 * `stra report` itself, run as a person runs it (a new process: Node's start, the modules, the
 * store and warehouse opened, Chromium launched, the files written), HTML alone and all three
 * formats, each the median of R runs (default 3). Targets: HTML under 3 s, all three under 10 s.
 * Then, in one process with the store and warehouse open: the full demo document as HTML and as
 * PDF (each the median of R runs after one cold run), against a baseline measured in the same
 * run: the same analytics calls the document makes, alone.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoStore } from '../src/demo/record/seed.js';
import { generateNationalDataset } from '../src/demo/national.js';
import { importIndicatorsCsv } from '../src/indicators/import-csv.js';
import { indicatorPaths } from '../src/indicators/store.js';
import { actorFor, openStore, storeFolder } from '../src/store/index.js';
import { loadAreaTable } from '../src/warehouse/areas.js';
import { runImport } from '../src/warehouse/import/run-import.js';
import { openWarehouse, type Warehouse } from '../src/warehouse/reader.js';
import { rebuildAreaCounts } from '../src/warehouse/rebuild-area-counts.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { compareTrends } from '../src/analytics/trend-comparison.js';
import { monthlySeries } from '../src/analytics/series.js';
import { harmBreakdown } from '../src/analytics/harm-breakdown.js';
import { performanceSnapshot } from '../src/analytics/snapshot.js';
import { categoryWeights } from '../src/analytics/weights.js';
import { addMonths } from '../src/domain/crime/month.js';
import { parseFinancialYear } from '../src/domain/crime/periods.js';
import { launchPrintingBrowser } from '../src/report/browser.js';
import { generateReport, type Format } from '../src/report/index.js';
import { SEED_INDICATORS } from '../src/report/fixtures/world.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '6000000'));
const runs = Number(arg('runs', '3'));
const root = arg('dir', path.join(os.tmpdir(), 'stra-bench'));
const dataDir = path.join(root, `national-${rows}-2016-04-24m`);
/** --workspace DIR: an existing workspace (the demo one made by `stra demo`) instead of the prepared one. */
const givenWorkspace = process.argv.includes('--workspace') ? arg('workspace', '') : undefined;
const wsDir = givenWorkspace ?? path.join(root, `report-workspace-${rows}`);
const text = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'demo', 'report-text', '2017-18');
const FORCES = ['warwickshire', 'west-mercia'];
const cores = os.availableParallelism();

async function prepare(): Promise<void> {
  if (givenWorkspace !== undefined || existsSync(path.join(wsDir, 'ready'))) return;
  const t = performance.now();
  if (!existsSync(path.join(dataDir, 'done'))) {
    await generateNationalDataset({ outDir: dataDir, seed: 2017, rows, from: '2016-04', months: 24 });
    await writeFile(path.join(dataDir, 'done'), '');
  }
  await rm(wsDir, { recursive: true, force: true });
  const ws = await openWorkspace(wsDir);
  await runImport(ws.paths, {
    paths: [dataDir],
    user: 'bench',
    threads: cores,
    memoryLimit: '1GB',
    batchBytes: 400_000_000,
  });
  // Each synthetic district its own CSP, so the document's areas are real areas of the data.
  const wh = await openWarehouse(ws.paths, { threads: cores, memoryLimit: '1GB' });
  const lsoas = await wh.sql.all<{ force: string; lsoa_code: string; lsoa_district: string }>(
    'SELECT DISTINCT force, lsoa_code, lsoa_district FROM street WHERE lsoa_code IS NOT NULL ORDER BY lsoa_code',
  );
  wh.close();
  const table = path.join(root, `report-areas-${rows}.csv`);
  await writeFile(
    table,
    'force,csp,district,lsoa_code\n' +
      lsoas.map((l) => `${l.force},${l.lsoa_district} CSP,${l.lsoa_district},${l.lsoa_code}`).join('\n') +
      '\n',
  );
  await loadAreaTable(table, ws.paths.areas);
  await rebuildAreaCounts(ws.paths, { threads: cores, memoryLimit: '1GB' });
  const store = await openStore({ folder: storeFolder(ws.paths.root) });
  await seedDemoStore(store);
  await store.close();
  for (const file of SEED_INDICATORS) await importIndicatorsCsv(indicatorPaths(ws.paths.root), file, { user: 'bench' });
  await cp(text, path.join(ws.paths.root, 'report', '2017-18'), { recursive: true });
  await writeFile(path.join(wsDir, 'ready'), '');
  console.log(
    `prepared ${rows.toLocaleString('en-GB')} rows, the area counts, the demo store, indicators and text in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );
}

/** The analytics the document asks of the warehouse, alone: what a hand-made report would compute. */
async function analyticsAlone(wh: Warehouse): Promise<void> {
  const period = parseFinancialYear('2017/18')!;
  const weights = categoryWeights('cchi-median');
  await compareTrends(wh, { areas: ['force'], byCategory: false, period, forces: FORCES, years: 3 });
  await monthlySeries(wh, { from: addMonths(period.first, -12), to: period.last, forces: FORCES });
  await harmBreakdown(wh, { areas: [], byCategory: true, span: period, weights, forces: FORCES });
  for (const force of FORCES) {
    await performanceSnapshot(wh, { period, forces: [force], weights });
    await compareTrends(wh, { areas: ['csp'], byCategory: false, period, forces: [force], years: 3 });
  }
}

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `stra report` as a user runs it (the built CLI, a new process), in seconds; stdout is piped (JSON). */
async function straReport(formats: string, out: string): Promise<number> {
  const t = performance.now();
  await promisify(execFile)(
    process.execPath,
    [
      path.join(repo, 'bin', 'stra.js'),
      'report',
      '-w',
      wsDir,
      '--as',
      'r.patel',
      '--assessment',
      '2017/18',
      '--clearance',
      'OFFICIAL-SENSITIVE',
      '--format',
      formats,
      '--out',
      out,
    ],
    { env: { ...process.env, DATABASE_URL: '' } },
  );
  return (performance.now() - t) / 1000;
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  await prepare();
  const ws = await openWorkspace(wsDir);
  const out = await mkdtemp(path.join(os.tmpdir(), 'stra-bench-report-'));
  if (!existsSync(path.join(repo, 'dist', 'src', 'cli', 'main.js')))
    throw new Error('bench:report runs the built stra: run npm run build first');
  const cli: Record<string, number[]> = { html: [], 'html,pdf,docx': [] };
  for (let i = 0; i < runs; i++)
    for (const formats of Object.keys(cli)) cli[formats]!.push(await straReport(formats, path.join(out, 'cli')));
  const cliHtml = median(cli.html!);
  const cliAll = median(cli['html,pdf,docx']!);
  console.log(
    `stra report --format html (a new process, as run)          ${cliHtml.toFixed(2).padStart(6)} s   runs ${cli.html!.map((x) => x.toFixed(2)).join(', ')}; target < 3 s: ${cliHtml < 3 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `stra report --format html,pdf,docx (a new process, as run) ${cliAll.toFixed(2).padStart(6)} s   runs ${cli['html,pdf,docx']!.map((x) => x.toFixed(2)).join(', ')}; target < 10 s: ${cliAll < 10 ? 'met' : 'NOT met'}`,
  );
  if (process.argv.includes('--cli-only')) return;
  // As `stra report --format html` does: open the store and the warehouse, build, write, close.
  const endToEnd = await time(async () => {
    const s = await openStore({ folder: storeFolder(ws.paths.root) });
    const w = await openWarehouse(ws.paths, { threads: cores, memoryLimit: '1GB' });
    try {
      await generateReport({
        store: s,
        builder: await actorFor(s, 'r.patel'),
        assessment: '2017/18',
        clearance: 'OFFICIAL-SENSITIVE',
        workspaceRoot: ws.paths.root,
        warehouse: w,
        formats: ['html'],
        outDir: out,
      });
    } finally {
      w.close();
      await s.close();
    }
  });
  const opened = performance.now();
  const store = await openStore({ folder: storeFolder(ws.paths.root) });
  const warehouse = await openWarehouse(ws.paths, { threads: cores, memoryLimit: '1GB' });
  const openSeconds = (performance.now() - opened) / 1000;
  const builder = await actorFor(store, 'r.patel');
  const streetRows = Object.values(warehouse.catalog.partitions)
    .filter((p) => p.table === 'street')
    .reduce((a, p) => a + p.rows, 0);
  console.log(
    `${streetRows.toLocaleString('en-GB')} street rows; ${cores} cores; store and warehouse opened in ${openSeconds.toFixed(2)} s`,
  );
  const build = (formats: Format[], browser?: Awaited<ReturnType<typeof launchPrintingBrowser>>) =>
    generateReport({
      store,
      builder,
      assessment: '2017/18',
      clearance: 'OFFICIAL-SENSITIVE',
      workspaceRoot: ws.paths.root,
      warehouse,
      formats,
      outDir: out,
      ...(browser ? { browser } : {}),
    });
  try {
    const baselineCold = await time(() => analyticsAlone(warehouse));
    const baselines: number[] = [];
    for (let i = 0; i < runs; i++) baselines.push(await time(() => analyticsAlone(warehouse)));
    const baseline = median(baselines);
    const htmlCold = await time(() => build(['html']));
    const html: number[] = [];
    for (let i = 0; i < runs; i++) html.push(await time(() => build(['html'])));
    const pdf: number[] = [];
    for (let i = 0; i < runs; i++) pdf.push(await time(() => build(['pdf']))); // each run launches Chromium, as the CLI does
    const browser = await launchPrintingBrowser();
    const pdfWarm = await time(() => build(['pdf'], browser));
    const all = await time(() => build(['html', 'pdf', 'docx'], browser));
    await browser.close();
    const last = await build(['html']);
    const pages = last.document.sections.length;
    const h = median(html);
    const p = median(pdf);
    const line = (name: string, s: number, note = '') =>
      console.log(`${name.padEnd(44)} ${s.toFixed(2).padStart(7)} s${note}`);
    console.log(
      `document: ${pages} sections, ${last.document.footnotes.length} footnotes; median of ${runs} runs after a cold one`,
    );
    line('baseline: the analytics calls alone (cold)', baselineCold);
    line('baseline: the analytics calls alone', baseline);
    line(
      'HTML document, opening store and warehouse',
      endToEnd,
      `   as stra report does; target < 5 s: ${endToEnd < 5 ? 'met' : 'NOT met'}`,
    );
    line('HTML document (cold)', htmlCold);
    line(
      'HTML document',
      h,
      `   ${(h / baseline).toFixed(1)}x the baseline; target < 5 s: ${h < 5 ? 'met' : 'NOT met'}`,
    );
    line(
      'PDF document (Chromium launched each run)',
      p,
      `   ${(p / baseline).toFixed(1)}x the baseline; target < 20 s: ${p < 20 ? 'met' : 'NOT met'}`,
    );
    line('PDF document (Chromium already running)', pdfWarm);
    line('HTML + PDF + DOCX together', all);
    const t = last.outputs.log.timings;
    console.log(
      `HTML build by part (ms): ${Object.entries(t)
        .filter(([, v]) => v >= 1)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}`,
    );
  } finally {
    warehouse.close();
    await store.close();
    if (process.argv.includes('--keep')) console.log(`documents kept in ${out}`);
    else await rm(out, { recursive: true, force: true });
  }
}

await main();
