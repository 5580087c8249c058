/**
 * `npm run bench:analytics [-- --rows N]`: the analytics benchmark of issue 3. On N generated
 * police.uk street rows (default 6 million, a national year; imported once and kept), each
 * breakdown (area level x category x period) through the library, against the same question
 * written directly in DuckDB SQL over the street Parquet, medians of 11 runs in the same process.
 * Targets: every breakdown under 100 ms, and within 1.5x of the direct SQL.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateNationalDataset } from '../src/demo/national.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { runImport } from '../src/warehouse/import/run-import.js';
import { openWarehouse, type Warehouse } from '../src/warehouse/reader.js';
import { loadAreaTable } from '../src/warehouse/areas.js';
import { rebuildAreaCounts } from '../src/warehouse/rebuild-area-counts.js';
import { periodCounts } from '../src/analytics/period-counts.js';
import { harmBreakdown } from '../src/analytics/harm-breakdown.js';
import { categoryWeights } from '../src/analytics/weights.js';
import { periodOf, periodsBetween, type PeriodKind } from '../src/domain/crime/periods.js';
import type { Month } from '../src/domain/crime/month.js';
import type { AreaDimension } from '../src/warehouse/dimensions.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rows = Number(arg('rows', '6000000'));
const root = arg('dir', path.join(os.tmpdir(), 'stra-bench'));
const dataDir = path.join(root, `national-${rows}`);
const wsDir = path.join(root, `analytics-workspace-${rows}`);
const FROM = '2017-04' as Month;
const TO = '2018-03' as Month;

async function prepare(): Promise<void> {
  if (!existsSync(path.join(dataDir, 'done'))) {
    await generateNationalDataset({ outDir: dataDir, seed: 2017, rows, from: FROM });
    await writeFile(path.join(dataDir, 'done'), '');
  }
  if (existsSync(path.join(wsDir, 'ready'))) return;
  const ws = await openWorkspace(wsDir);
  const t = performance.now();
  const cores = os.availableParallelism();
  await runImport(ws.paths, {
    paths: [dataDir],
    user: 'bench',
    threads: cores,
    memoryLimit: '1GB',
    batchBytes: 400_000_000,
  });
  // An area table for the synthetic national LSOAs: each district its own CSP.
  const wh = await openWarehouse(ws.paths, { threads: cores, memoryLimit: '1GB' });
  const lsoas = await wh.sql.all<{ force: string; lsoa_code: string; lsoa_district: string }>(
    `SELECT DISTINCT force, lsoa_code, lsoa_district FROM street WHERE lsoa_code IS NOT NULL ORDER BY lsoa_code`,
  );
  wh.close();
  const table = path.join(root, 'national-areas.csv');
  await writeFile(
    table,
    'force,csp,district,lsoa_code\n' +
      lsoas.map((l) => `${l.force},${l.lsoa_district} CSP,${l.lsoa_district},${l.lsoa_code}`).join('\n') +
      '\n',
  );
  await loadAreaTable(table, ws.paths.areas);
  await rebuildAreaCounts(ws.paths, { threads: cores, memoryLimit: '1GB' });
  await writeFile(path.join(wsDir, 'ready'), '');
  console.log(
    `imported ${rows.toLocaleString('en-GB')} rows and built the area counts in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

async function median(f: () => Promise<unknown>, runs = 11): Promise<number> {
  await f(); // warm up: file metadata, code paths
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const PERIOD_SQL: Record<PeriodKind, string> = {
  month: "strftime(g.month, '%Y-%m')",
  quarter: "strftime(g.month, '%Y') || '-Q' || quarter(g.month)",
  'financial-year': 'CASE WHEN month(g.month) >= 4 THEN year(g.month) ELSE year(g.month) - 1 END',
  'calendar-year': 'year(g.month)',
  'rolling-12': "'12 months to 2018-03'",
};
const AREA_SQL: Record<AreaDimension, string> = {
  force: 'g.force',
  csp: 'a.csp',
  district: 'coalesce(a.district, g.lsoa_district)',
  lsoa: 'g.lsoa_code',
};

/** The same breakdown, written directly: count street rows by area, category and period. */
function directSql(area: AreaDimension, kind: PeriodKind, force?: string): string {
  const join = area === 'force' ? '' : 'LEFT JOIN areas a ON a.lsoa_code = g.lsoa_code ';
  const where = `g.month BETWEEN DATE '${FROM}-01' AND DATE '${TO}-01'${force ? ` AND g.force = '${force}'` : ''}`;
  return `SELECT ${AREA_SQL[area]} AS area, g.category, ${PERIOD_SQL[kind]} AS period, count(*) AS n FROM street g ${join}WHERE ${where} GROUP BY ALL`;
}

async function main(): Promise<void> {
  await prepare();
  const ws = await openWorkspace(wsDir);
  const wh: Warehouse = await openWarehouse(ws.paths, { threads: os.availableParallelism(), memoryLimit: '1GB' });
  console.log(
    `${rows.toLocaleString('en-GB')} street rows, ${FROM} to ${TO}; ${os.availableParallelism()} cores; area counts fresh: ${wh.areaCountsFresh}`,
  );
  const kinds: PeriodKind[] = ['month', 'quarter', 'financial-year', 'rolling-12'];
  const lines: string[][] = [];
  let worst = 0;
  let slowest = 0;
  for (const area of ['force', 'csp', 'district', 'lsoa'] as const) {
    for (const kind of kinds) {
      const force = area === 'lsoa' ? 'metropolitan' : undefined; // LSOAs within one force: the analyst's view
      const periods = kind === 'rolling-12' ? [periodOf(TO, 'rolling-12')] : periodsBetween(FROM, TO, kind);
      const ours = await median(() =>
        periodCounts(wh, { areas: [area], byCategory: true, periods, ...(force ? { forces: [force] } : {}) }),
      );
      const direct = await median(() => wh.sql.columns(directSql(area, kind, force)));
      worst = Math.max(worst, ours / direct);
      slowest = Math.max(slowest, ours);
      lines.push([
        `${area}${force ? ` (${force})` : ''} x category x ${kind}`,
        ours.toFixed(1),
        direct.toFixed(1),
        (ours / direct).toFixed(2),
      ]);
    }
  }
  const weights = categoryWeights('cchi-median');
  const harm = await median(() =>
    harmBreakdown(wh, { areas: ['csp'], byCategory: false, span: { label: 'year', first: FROM, last: TO }, weights }),
  );
  lines.push(['harm beside volume, csp', harm.toFixed(1), '', '']);
  wh.close();
  console.log(`${'breakdown'.padEnd(46)} ${'ours ms'.padStart(8)} ${'SQL ms'.padStart(8)} ${'ratio'.padStart(6)}`);
  for (const l of lines)
    console.log(`${l[0]!.padEnd(46)} ${l[1]!.padStart(8)} ${l[2]!.padStart(8)} ${l[3]!.padStart(6)}`);
  console.log(
    `slowest breakdown ${slowest.toFixed(1)} ms (target < 100 ms: ${slowest < 100 ? 'met' : 'NOT met'}); worst ratio to direct SQL ${worst.toFixed(2)}x (target <= 1.5x: ${worst <= 1.5 ? 'met' : 'NOT met'})`,
  );
  await mkdir(root, { recursive: true });
}

await main();
