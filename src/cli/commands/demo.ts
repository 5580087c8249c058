import path from 'node:path';
import { command } from './common.js';
import { commandContext, type CommandContext, type CommonOptions } from '../context.js';
import { note, printJson, wantsJson } from '../output.js';
import { progressBar } from '../progress.js';
import type { ImportSummary } from '../../warehouse/import/types.js';
import { parseMonthOption } from '../../warehouse/stats.js';
import { usageError } from '../../errors.js';

interface DemoOptions extends CommonOptions {
  readonly from: string;
  readonly to: string;
  readonly seed: string;
  /** False with --no-demand: crime and the system of record only (the browser tests' demos). */
  readonly demand: boolean;
}

/** Four financial years, 2014/15 to 2017/18: enough history for "against the 3-year average". */
export const DEMO_FROM = '2014-04';
export const DEMO_TO = '2018-03';

export const demoCommand = command(
  'demo',
  'write a seeded synthetic police.uk dataset for Warwickshire and West Mercia and import it',
)
  .option('--from <YYYY-MM>', 'first month', DEMO_FROM)
  .option('--to <YYYY-MM>', 'last month', DEMO_TO)
  .option('--seed <n>', 'random seed (the same seed gives the same files)', '2017')
  .option('--no-demand', 'leave out the synthetic incidents and missing-person episodes')
  .action(async (options: DemoOptions) => {
    const seed = Number(options.seed);
    if (!Number.isInteger(seed)) throw usageError(`--seed: '${options.seed}' is not an integer`);
    const from = parseMonthOption('--from', options.from)!;
    const to = parseMonthOption('--to', options.to)!;
    if (from > to) throw usageError(`--from ${from} is after --to ${to}`);
    const ctx = await commandContext(options);
    const summary = await runDemo(ctx, { from, to, seed, demand: options.demand });
    if (wantsJson(options)) printJson(summary);
    else
      process.stdout.write(
        `Demo data: ${summary.files} files, ${summary.imported.toLocaleString('en-GB')} rows imported (${summary.rejected} rejected).\n`,
      );
  });

export async function runDemo(
  ctx: CommandContext,
  o: { from: string; to: string; seed: number; demand?: boolean },
): Promise<ImportSummary> {
  const { generateAllianceDataset } = await import('../../demo/alliance.js');
  const { runImport } = await import('../../warehouse/import/run-import.js');
  const outDir = path.join(ctx.workspace.paths.root, 'demo-data');
  note(`Writing synthetic police.uk files for ${o.from} to ${o.to} (seed ${o.seed}) to ${outDir}`);
  const bar = progressBar('Generating');
  let rows = 0;
  let files = 0;
  await generateAllianceDataset({
    outDir,
    seed: o.seed,
    from: o.from,
    to: o.to,
    onFile: (f) => {
      rows += f.rows;
      bar.update(++files, expectedFiles(o.from, o.to), rows);
    },
  });
  bar.stop();
  const loading = progressBar('Importing');
  const summary = await runImport(ctx.workspace.paths, {
    paths: [outDir],
    user: ctx.config.user,
    threads: ctx.config.threads,
    memoryLimit: ctx.config.memoryLimit,
    batchBytes: ctx.config.importBatchBytes,
    onProgress: (p) => {
      if (p.phase === 'load') loading.update(p.bytesDone, p.bytesTotal, p.rowsDone);
    },
  });
  loading.stop();
  if (o.demand !== false) await seedDemand(ctx, o);
  await seedStore(ctx);
  await seedReportText(ctx);
  await seedIndicators(ctx);
  return summary;
}

/**
 * Synthetic incidents and missing-person episodes for both forces (src/demo/demand, its README
 * gives the recipe), once: written as OpenSTRA CSVs, one file per force and kind, and imported
 * through the shipped mappings. At DEMO_DEMAND_SCALE of the recipe's volume (a quarter: about 400
 * incidents a day for the alliance) so that `stra demo` stays quick; the shapes (hour, weekday,
 * season, class mix, repeat missing children in care) are the recipe's. The person references are
 * pseudonymised with a fixed demo key unless STRA_PSEUDONYM_KEY is set.
 */
export const DEMO_DEMAND_SCALE = 0.25;
const DEMO_PSEUDONYM_KEY = 'openstra-demo-pseudonym-key-not-for-real-data';

async function seedDemand(ctx: CommandContext, o: { from: string; to: string; seed: number }): Promise<void> {
  const { readCatalog } = await import('../../warehouse/catalog.js');
  const catalog = await readCatalog(ctx.workspace.paths.catalog);
  if (Object.values(catalog.partitions).some((p) => p.table === 'incidents' || p.table === 'missing_episodes')) return;
  const { generateDemand, writeDemandFiles, INCIDENT_HEADER, MISSING_HEADER } =
    await import('../../demo/demand/index.js');
  const { importDemandFile } = await import('../../warehouse/demand/import-demand.js');
  const { resolveMapping } = await import('../../demand/mapping/resolve-mapping.js');
  const { pseudonymiser } = await import('../../demand/missing/pseudonymiser.js');
  const { readFile, writeFile, appendFile, rm } = await import('node:fs/promises');
  note(`Writing and importing synthetic incidents and missing-person episodes for ${o.from} to ${o.to}`);
  const data = await generateDemand({ seed: o.seed, from: o.from, to: o.to, scale: DEMO_DEMAND_SCALE });
  // Beside demo-data, not in it: that folder is imported as police.uk files.
  const dir = path.join(ctx.workspace.paths.root, 'demo-demand');
  const parts = await writeDemandFiles(path.join(dir, 'parts'), data);
  const key = process.env.STRA_PSEUDONYM_KEY ?? DEMO_PSEUDONYM_KEY;
  for (const kind of ['incidents', 'missing'] as const) {
    const mapping = await resolveMapping(kind === 'incidents' ? 'openstra-incidents' : 'openstra-missing');
    for (const force of [...new Set(parts.map((p) => p.force))].sort()) {
      const file = path.join(dir, `${o.from}-${o.to}-${force}-${kind}.csv`);
      await writeFile(file, `${kind === 'incidents' ? INCIDENT_HEADER : MISSING_HEADER}\n`);
      for (const part of parts.filter((p) => p.kind === kind && p.force === force)) {
        const text = await readFile(part.path, 'utf8');
        await appendFile(file, text.slice(text.indexOf('\n') + 1));
      }
      const s = await importDemandFile(ctx.workspace.paths, {
        file,
        mapping,
        force,
        user: ctx.config.user,
        threads: ctx.config.threads,
        memoryLimit: ctx.config.memoryLimit,
        ...(kind === 'missing' ? { pseudonymiser: pseudonymiser(key) } : {}),
      });
      note(`  ${force} ${kind}: ${s.imported.toLocaleString('en-GB')} imported, ${s.rejected} rejected`);
    }
  }
  await rm(path.join(dir, 'parts'), { recursive: true, force: true });
}

/** The demo system of record (organisations, users, the 2016/17 and 2017/18 assessments), once. */
async function seedStore(ctx: CommandContext): Promise<void> {
  const { openStore, storeFolder, countUsers } = await import('../../store/index.js');
  const { seedDemoStore } = await import('../../demo/record/seed.js');
  const store = await openStore({ databaseUrl: ctx.config.databaseUrl, folder: storeFolder(ctx.workspace.paths.root) });
  try {
    if ((await countUsers(store)) === 0) {
      note('Loading the demo assessments, threats and MoRiLE scores into the system of record.');
      await seedDemoStore(store);
    }
  } finally {
    await store.close();
  }
}

/**
 * The demo document's title page (author, purpose, date: document.json) and public service
 * transformation timeline (timeline.json), unless the workspace has its own. The parts' text is in the store (seedDemoStore writes it), not in files.
 */
async function seedReportText(ctx: CommandContext): Promise<void> {
  const { copyFile, mkdir } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const path = await import('node:path');
  const { dataFile } = await import('../../data-files.js');
  const target = path.join(ctx.workspace.paths.root, 'report', '2017-18');
  await mkdir(target, { recursive: true });
  for (const name of ['document.json', 'timeline.json'])
    if (!existsSync(path.join(target, name)))
      await copyFile(dataFile('demo', 'report-text', '2017-18', name), path.join(target, name));
}

/**
 * The seed's own indicator tables (special constabulary, hate crime), and professional standards'
 * complaints and vetting (illustrative: the seed prints those as pictures), once.
 */
async function seedIndicators(ctx: CommandContext): Promise<void> {
  const { indicatorPaths } = await import('../../indicators/store.js');
  const { listIndicators } = await import('../../indicators/report.js');
  const { importIndicatorsCsv } = await import('../../indicators/import-csv.js');
  const { dataFile } = await import('../../data-files.js');
  const paths = indicatorPaths(ctx.workspace.paths.root);
  if ((await listIndicators(paths)).series.length > 0) return;
  for (const file of [
    'seed-specials-establishment.csv',
    'seed-specials-duty-hours.csv',
    'seed-hate-crime.csv',
    'demo-complaints.csv',
    'demo-vetting.csv',
  ]) {
    await importIndicatorsCsv(paths, dataFile('demo', 'indicators', file), { user: ctx.config.user });
  }
}

function expectedFiles(from: string, to: string): number {
  const idx = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return (idx(to) - idx(from) + 1) * 2 * 3;
}
