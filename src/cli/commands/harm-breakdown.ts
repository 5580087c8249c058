/**
 * `stra harm breakdown` and `stra harm concentration`: harm beside volume for any breakdown, both
 * rankings side by side, and how concentrated harm is in the most harmed LSOAs.
 */
import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { parseAreaFilter, parseBy, parseMonthArg, withAreaOptions, type AreaOptions } from './analysis-options.js';
import { usageError } from '../../errors.js';

interface BreakdownOptions extends CommonOptions, AreaOptions {
  readonly from?: string;
  readonly to?: string;
  readonly index: string;
}

async function spanOf(options: BreakdownOptions, latest: () => Promise<string | undefined>) {
  const { addMonths } = await import('../../domain/crime/month.js');
  const to = parseMonthArg('--to', options.to) ?? ((await latest()) as ReturnType<typeof parseMonthArg>);
  if (!to) throw usageError('the warehouse holds no street data yet: import some (stra import) or run stra demo');
  const from = parseMonthArg('--from', options.from) ?? addMonths(to, -11);
  if (from > to) throw usageError(`--from ${from} is after --to ${to}`);
  return { label: `${from} to ${to}`, first: from, last: to };
}

export const harmBreakdownCommand = withAreaOptions(
  command('breakdown', 'harm beside volume by area and/or category, ranked both ways (where they disagree is the point)')
    .option('--by <dims>', 'force, csp, district, lsoa and/or category', 'category')
    .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)')
    .option('--to <YYYY-MM>', 'last month (default: the latest held)')
    .option('--index <name>', 'cchi-median, cchi-mean or ons-css', 'cchi-median'),
).action(async (options: BreakdownOptions) => {
  const { areas, byCategory } = parseBy(options.by);
  const ctx = await commandContext(options);
  const { harmBreakdown } = await import('../../analytics/harm-breakdown.js');
  const { categoryWeights } = await import('../../analytics/weights.js');
  const { latestMonth } = await import('../../analytics/latest.js');
  const weights = categoryWeights(options.index);
  const result = await withWarehouse(ctx, async (wh) =>
    harmBreakdown(wh, { areas, byCategory, span: await spanOf(options, async () => latestMonth(wh.catalog, options.force)), weights, where: parseAreaFilter(options.area), forces: options.force, categories: options.category }),
  );
  if (wantsJson(options)) return printJson(result);
  process.stdout.write(`${result.span.label}: harm as ${result.unit} (${result.index})\n\n`);
  const share = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);
  printTable(
    result.ranking.map((r) => ({
      [String(options.by)]: r.key,
      volume: r.volume,
      'volume share': share(r.volumeShare),
      'volume rank': r.volumeRank,
      harm: r.harm === null ? '(no weight)' : Math.round(r.harm),
      'harm share': share(r.harmShare),
      'harm rank': r.harmRank ?? '',
      'ranks apart': r.rankDifference ?? '',
    })),
  );
  note(`\n${result.note}\nWeights: ${result.edition}.`);
  if (!result.complete) note(`Months missing from the warehouse (not zero): ${result.missing.map((m) => `${m.force} ${m.month}`).join(', ')}`);
});

interface ConcentrationOptions extends CommonOptions {
  readonly force?: string[];
  readonly category?: string[];
  readonly from?: string;
  readonly to?: string;
  readonly index: string;
}

export const harmConcentrationCommand = command('concentration', "the share of a force's harm in its most harmed 5% and 10% of LSOAs")
  .option('--force <ids>', 'the force(s) whose LSOAs count (comma-separated police.uk ids)', (v: string, p: string[] = []) => [...p, ...v.split(',')])
  .option('--category <slugs>', 'only these categories', (v: string, p: string[] = []) => [...p, ...v.split(',')])
  .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)')
  .option('--to <YYYY-MM>', 'last month (default: the latest held)')
  .option('--index <name>', 'cchi-median, cchi-mean or ons-css', 'cchi-median')
  .action(async (options: ConcentrationOptions) => {
    if (!options.force?.length) throw usageError('--force: name the force(s) whose LSOAs to rank, e.g. --force warwickshire');
    const ctx = await commandContext(options);
    const { harmConcentrationByLsoa } = await import('../../analytics/harm-breakdown.js');
    const { categoryWeights } = await import('../../analytics/weights.js');
    const { latestMonth } = await import('../../analytics/latest.js');
    const weights = categoryWeights(options.index);
    const result = await withWarehouse(ctx, async (wh) =>
      harmConcentrationByLsoa(wh, { span: await spanOf(options as BreakdownOptions, async () => latestMonth(wh.catalog, options.force)), weights, forces: options.force, categories: options.category }),
    );
    if (wantsJson(options)) return printJson(result);
    process.stdout.write(`${result.areaCount} LSOAs (${result.zeroHarmAreas} with no harm); total harm ${Math.round(result.totalHarm).toLocaleString('en-GB')} ${result.unit}\n\n`);
    printTable(result.tiers.map((t) => ({ 'top share of LSOAs': `${Math.round(t.fraction * 100)}%`, lsoas: t.areas, harm: Math.round(t.harm), 'share of harm': t.share === null ? '' : `${(t.share * 100).toFixed(1)}%`, 'most harmed': t.areaKeys.slice(0, 5).join(', ') })));
    note(`\nWeights: ${result.edition}.`);
  });
