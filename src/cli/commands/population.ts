/**
 * `stra population`: the population denominators of rates and the Crime Severity Score. ONS
 * mid-year estimates ship with OpenSTRA (data/population/); `load` adds a user's own table
 * (`area_code,year,population`), which overrides the shipped figures for the area-years it lists.
 */
import { Command } from 'commander';
import { command } from './common.js';
import { commandContext, type CommonOptions } from '../context.js';
import { printJson, printTable, wantsJson } from '../output.js';
import { plural } from '../../domain/plural.js';
import { recordedLoad, withLoadRecord, type LoadRecordOptions } from './load-record.js';

const load = withLoadRecord(
  command('load', 'load a population table (area_code,year,population[,area_name,source]) for any area'),
)
  .argument('<file>', 'CSV: area_code (ONS code, or police.uk force id), year, population')
  .action(async (file: string, options: CommonOptions & LoadRecordOptions) => {
    const ctx = await commandContext(options);
    const { loadPopulationFile } = await import('../../population/load.js');
    const spanOf = (years: readonly number[]) =>
      years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : String(years[0]);
    const { result } = await recordedLoad(
      ctx,
      options,
      'population',
      file,
      () => loadPopulationFile(file, ctx.workspace.paths.warehouse),
      (r) => ({ rows: r.rows, summary: `${plural(r.areas, 'area')}, mid-${spanOf(r.years)}` }),
    );
    const span = spanOf(result.years);
    if (wantsJson(options)) printJson(result);
    else {
      process.stdout.write(
        `Loaded ${result.rows} figures for ${plural(result.areas, 'area')}, mid-${span} (kept as ${result.stored})\n`,
      );
    }
  });

const list = command('list', 'list the population tables in use: shipped ONS estimates and loaded files').action(
  async (options: CommonOptions) => {
    const ctx = await commandContext(options);
    const { populationTable } = await import('../../population/load.js');
    const table = await populationTable(ctx.workspace.paths.warehouse);
    const rows = table.layers.map((l) => {
      const years = new Set<number>();
      for (const byYear of l.figures.values()) for (const y of byYear.keys()) years.add(y);
      const sorted = [...years].sort((a, b) => a - b);
      return {
        file: l.file,
        shipped: l.shipped ? 'yes' : 'no',
        rows: l.rows,
        first: String(sorted[0] ?? ''),
        last: String(sorted[sorted.length - 1] ?? ''),
      };
    });
    if (wantsJson(options)) printJson(rows);
    else printTable(rows);
  },
);

export const populationCommand = new Command('population')
  .description('population denominators: shipped ONS mid-year estimates, and your own tables')
  .addCommand(load)
  .addCommand(list);
