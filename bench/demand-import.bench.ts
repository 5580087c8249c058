/**
 * `npm run bench:demand:import [-- --incidents N] [--file F]`: phase B of issue 17's demand
 * benchmark, the warehouse path. Writes N synthetic incidents (default about 1,000,000: one year of
 * the alliance at twice the demo's volume) as one OpenSTRA CSV, then times, in one process:
 *   1. `importDemandFile` of it into an empty workspace (target: under 10 s);
 *   2. the same file again (idempotent: nothing changes);
 *   3. `demandProfile` of the larger force from the warehouse (every profile the page shows).
 * Wall and CPU seconds are printed (the CPU figure includes DuckDB's threads); the machine may be
 * shared, so read the CPU seconds and the load printed first.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemand } from '../src/demo/demand/incidents.js';
import { INCIDENT_HEADER, writeDemandFiles } from '../src/demo/demand/write-csv.js';
import { resolveMapping } from '../src/demand/mapping/resolve-mapping.js';
import { importDemandFile } from '../src/warehouse/demand/import-demand.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { openWarehouse } from '../src/warehouse/reader.js';
import { demandProfile } from '../src/analytics/demand/profile.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const target = Number(arg('incidents', '1000000'));
const given = arg('file', '');

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await run();
  const cpu = process.cpuUsage(c0);
  console.log(
    `${label.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s wall ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(7)} s cpu`,
  );
  return out;
}

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stra-demand-import-bench-'));
  try {
    let file = given;
    if (!file) {
      file = path.join(dir, 'incidents.csv');
      const data = await generateDemand({ seed: 17, from: '2017-04', to: '2018-03', scale: target / 490_000 });
      const parts = await writeDemandFiles(path.join(dir, 'parts'), data);
      writeFileSync(file, INCIDENT_HEADER + '\n');
      for (const f of parts.filter((p) => p.kind === 'incidents')) {
        const text = readFileSync(f.path, 'utf8');
        appendFileSync(file, text.slice(text.indexOf('\n') + 1));
      }
      rmSync(path.join(dir, 'parts'), { recursive: true });
    }
    const ws = (await openWorkspace(path.join(dir, 'workspace'))).paths;
    const mapping = await resolveMapping('openstra-incidents');
    const options = { file, mapping, force: 'west-mercia', user: 'bench', threads: 2, memoryLimit: '2GB' };
    const first = await timed('import into an empty workspace', () => importDemandFile(ws, options));
    console.log(
      `  reader: ${first.reader}; ${first.lines.toLocaleString('en-GB')} lines = ${first.imported.toLocaleString('en-GB')} imported + ${first.rejected} rejected + ${first.duplicates} duplicates`,
    );
    const again = await timed('the same file again', () => importDemandFile(ws, options));
    console.log(
      `  status ${again.status}, ${again.new} new, ${again.revised} revised, ${again.unchanged.toLocaleString('en-GB')} unchanged`,
    );
    const wh = await openWarehouse(ws, { threads: 2, memoryLimit: '2GB' });
    try {
      const p = await timed('demand profile (every profile of the page)', () =>
        demandProfile(wh, ws.warehouse, { force: 'west-mercia' }),
      );
      console.log(`  ${p.incidents.toLocaleString('en-GB')} incidents over ${p.days} days`);
      await timed('demand profile, one month', () =>
        demandProfile(wh, ws.warehouse, { force: 'west-mercia', from: '2018-01-01', to: '2018-01-31' }),
      );
    } finally {
      wh.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
