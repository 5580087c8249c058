/**
 * Runs one measured job in its own process so that its peak memory (maxRSS) is its own:
 * `node dist/bench/child.js <job> <json args>` prints `{ ms, maxRssMiB, ... }` on stdout.
 */
import { openDuck } from '../src/warehouse/duckdb.js';
import { sqlStringList, sqlString } from '../src/warehouse/sql.js';
import { openWorkspace } from '../src/workspace/workspace.js';
import { runImport } from '../src/warehouse/import/run-import.js';
import { loadConfig } from '../src/config.js';

type Job =
  | { job: 'duckdb-csv-to-parquet'; files: string[]; out: string; explicitVarchar: boolean }
  | { job: 'stra-import'; files: string[]; workspace: string };

const STREET_COLUMNS = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
];

async function run(job: Job): Promise<Record<string, unknown>> {
  const config = loadConfig();
  const started = performance.now();
  if (job.job === 'duckdb-csv-to-parquet') {
    const sql = await openDuck({ threads: config.threads, memoryLimit: config.memoryLimit });
    const options = job.explicitVarchar
      ? `, columns = {${STREET_COLUMNS.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"'`
      : '';
    await sql.run(
      `COPY (SELECT * FROM read_csv(${sqlStringList(job.files)}${options})) TO ${sqlString(job.out)} (FORMAT parquet)`,
    );
    sql.close();
    return { ms: performance.now() - started };
  }
  const ws = await openWorkspace(job.workspace);
  const summary = await runImport(ws.paths, {
    paths: job.files,
    user: 'bench',
    threads: config.threads,
    memoryLimit: config.memoryLimit,
    batchBytes: config.importBatchBytes,
  });
  return { ms: performance.now() - started, imported: summary.imported, rejected: summary.rejected };
}

const job = JSON.parse(process.argv[2]!) as Job;
const result = await run(job);
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(JSON.stringify({ ...result, cpuMs, maxRssMiB: usage.maxRSS / 1024 }) + '\n');
