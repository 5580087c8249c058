import { command, listOption } from './common.js';
import { crimeCategories } from '../../domain/crime/categories.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { crimeStats, parseDimensions, parseMonthOption, STAT_DIMENSIONS } from '../../warehouse/stats.js';
import { describeMonths } from '../../warehouse/coverage.js';
import { unknownCategoryReason } from '../../domain/crime/categories.js';
import { unknownForceReason } from '../../domain/crime/forces.js';
import { usageError } from '../../errors.js';

interface StatsOptions extends CommonOptions {
  readonly by: string;
  readonly from?: string;
  readonly to?: string;
  readonly force?: string[];
  readonly category?: string[];
}

export const statsCommand = command('stats', 'count recorded crime (police.uk street data) by area, month and category')
  .option('--by <dims>', `comma-separated dimensions: ${STAT_DIMENSIONS.join(', ')}`, 'force,month')
  .option('--from <YYYY-MM>', 'first month')
  .option('--to <YYYY-MM>', 'last month')
  .option('--force <ids>', 'only these forces (comma-separated police.uk ids)', listOption)
  .option(
    '--category <slugs>',
    'only these categories (e.g. burglary,robbery; default every crime category, anti-social behaviour left out)',
    listOption,
  )
  .action(async (options: StatsOptions) => {
    for (const c of options.category ?? []) {
      const reason = unknownCategoryReason(c);
      if (reason) throw usageError(`--category: ${reason}`);
    }
    for (const f of options.force ?? []) {
      const reason = unknownForceReason(f);
      if (reason) throw usageError(`--force: ${reason.replace(/ If it is a new.*$/, '')}`);
    }
    const query = {
      by: parseDimensions(options.by),
      from: parseMonthOption('--from', options.from),
      to: parseMonthOption('--to', options.to),
      forces: options.force,
      categories: crimeCategories(options.category),
    };
    const ctx = await commandContext(options);
    const result = await withWarehouse(ctx, (wh) => crimeStats(wh, query));
    if (wantsJson(options)) {
      printJson(result);
      return;
    }
    printTable(result.rows);
    process.stdout.write(`\nTotal: ${result.total.toLocaleString('en-GB')}\n`);
    const byForce = new Map<string, string[]>();
    for (const m of result.missing) byForce.set(m.force, [...(byForce.get(m.force) ?? []), m.month]);
    for (const [force, months] of byForce)
      note(`No data for ${force} in ${describeMonths(months)}: missing, not zero.`);
  });
