import { Command } from 'commander';
import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { plural } from '../../domain/plural.js';
import { recordedLoad, withLoadRecord, type LoadRecordOptions } from './load-record.js';

const load = withLoadRecord(
  command(
    'load',
    'load an area table (force,csp,district,lsoa_code[,district_code,lsoa_name,force_name]) for any force',
  ),
)
  .argument('<file>', 'CSV area table')
  .action(async (file: string, options: CommonOptions & LoadRecordOptions) => {
    const ctx = await commandContext(options);
    const { loadAreaTable } = await import('../../warehouse/areas.js');
    const { result } = await recordedLoad(
      ctx,
      options,
      'areas',
      file,
      () => loadAreaTable(file, ctx.workspace.paths.areas),
      (r) => ({
        rows: r.rows,
        forces: r.forces,
        summary: `${plural(r.forces.length, 'force')}: ${r.forces.join(', ')}`,
      }),
    );
    const { rebuildAreaCounts } = await import('../../warehouse/rebuild-area-counts.js');
    const rebuilt = await rebuildAreaCounts(ctx.workspace.paths, ctx.config);
    if (wantsJson(options)) printJson({ ...result, rebuiltMonths: rebuilt.months });
    else
      process.stdout.write(
        `Loaded ${result.rows} LSOAs for ${result.forces.join(', ')} (kept as ${result.stored}); area counts rebuilt for ${plural(rebuilt.months, 'month')}\n`,
      );
  });

const list = command('list', 'list the areas: force, CSP and district with their LSOA counts').action(
  async (options: CommonOptions) => {
    const ctx = await commandContext(options);
    const rows = await withWarehouse(ctx, (wh) =>
      wh.sql.all<Record<string, unknown>>(
        `SELECT force, csp, district, count(*)::INTEGER AS lsoas FROM areas GROUP BY ALL ORDER BY ALL`,
      ),
    );
    if (wantsJson(options)) printJson(rows);
    else printTable(rows);
  },
);

export const areasCommand = new Command('areas')
  .description('area tables: force -> CSP -> district -> LSOA')
  .addCommand(load)
  .addCommand(list);
