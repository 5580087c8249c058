import { command } from './common.js';
import { commandContext, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { coverage, describeMonths } from '../../warehouse/coverage.js';
import { parseMonthOption } from '../../warehouse/stats.js';
import { SOURCE_TABLES, type TableName } from '../../warehouse/tables.js';
import { usageError } from '../../errors.js';

interface CoverageOptions extends CommonOptions {
  readonly table: string;
  readonly from?: string;
  readonly to?: string;
}

export const coverageCommand = command(
  'coverage',
  'show which months each force has in the warehouse, and which are missing',
)
  .option('--table <name>', `one of ${SOURCE_TABLES.join(', ')}`, 'street')
  .option('--from <YYYY-MM>', 'start of the period to check (default: earliest month held)')
  .option('--to <YYYY-MM>', 'end of the period to check (default: latest month held)')
  .action(async (options: CoverageOptions) => {
    if (!(SOURCE_TABLES as readonly string[]).includes(options.table))
      throw usageError(`--table: '${options.table}' is not one of ${SOURCE_TABLES.join(', ')}`);
    const range = { from: parseMonthOption('--from', options.from), to: parseMonthOption('--to', options.to) };
    const ctx = await commandContext(options);
    const { readCatalog } = await import('../../warehouse/catalog.js');
    const report = coverage(await readCatalog(ctx.workspace.paths.catalog), options.table as TableName, range);
    if (wantsJson(options)) {
      printJson(report);
      return;
    }
    if (report.forces.length === 0) {
      process.stdout.write(`No ${options.table} data in the warehouse yet. Try: stra import <files>, or stra demo\n`);
      return;
    }
    process.stdout.write(`${options.table}: ${report.from} to ${report.to}\n\n`);
    printTable(
      report.forces.map((f) => ({
        force: f.force,
        first: f.first,
        last: f.last,
        months: f.months,
        rows: f.rows,
        missing: f.missing.length ? describeMonths(f.missing) : 'none',
        'suspiciously small': f.small.length ? f.small.map((s) => s.month).join(', ') : 'none',
      })),
    );
    for (const f of report.forces)
      for (const s of f.small)
        note(
          `${f.force} ${s.month}: ${s.rows.toLocaleString('en-GB')} rows against a usual ${s.usual.toLocaleString('en-GB')}; ` +
            `check the file was complete (stra imports --files) and re-import a full copy`,
        );
  });
