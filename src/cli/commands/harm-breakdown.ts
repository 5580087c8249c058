/**
 * `stra harm breakdown` and `stra harm concentration`: harm beside volume for any breakdown, both
 * rankings side by side, and how concentrated harm is in the most harmed LSOAs.
 */
import { crimeCategories } from '../../domain/crime/categories.js';
import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { parseAreaFilter, parseBy, parseMonthArg, withAreaOptions, type AreaOptions } from './analysis-options.js';
import { usageError } from '../../errors.js';

interface BreakdownOptions extends CommonOptions, AreaOptions {
  readonly from?: string;
  readonly to?: string;
  readonly index?: string;
  readonly source?: string;
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
  command(
    'breakdown',
    'harm beside volume by area and/or category, ranked both ways (where they disagree is the point)',
  )
    .option(
      '--by <dims>',
      'police.uk: force, csp, district, lsoa and/or category; extracts: force, district, category and/or offence',
      'category',
    )
    .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)')
    .option('--to <YYYY-MM>', 'last month (default: the latest held)')
    .option(
      '--source <street|extract>',
      'police.uk street data weighted by category, or force extracts weighted offence by offence',
      'street',
    )
    .option(
      '--index <name>',
      'street: cchi-median, cchi-mean or ons-css; extract: ons-css or cchi-offence (a table loaded with stra harm weights load)',
    ),
).action(async (options: BreakdownOptions) => {
  if (options.source === 'extract') return extractBreakdown(options);
  if (options.source !== 'street') throw usageError(`--source: '${options.source}' is not street or extract`);
  const { areas, byCategory } = parseBy(options.by);
  const ctx = await commandContext(options);
  const { harmBreakdown } = await import('../../analytics/harm-breakdown.js');
  const { categoryWeights } = await import('../../analytics/weights.js');
  const { latestMonth } = await import('../../analytics/latest.js');
  const weights = categoryWeights(options.index ?? 'cchi-median');
  const result = await withWarehouse(ctx, async (wh) =>
    harmBreakdown(wh, {
      areas,
      byCategory,
      span: await spanOf(options, async () => latestMonth(wh.catalog, options.force)),
      weights,
      where: parseAreaFilter(options.area),
      forces: options.force,
      categories: crimeCategories(options.category),
    }),
  );
  showBreakdown(result, options);
});

function showBreakdown(
  result: import('../../analytics/harm-breakdown.js').HarmBreakdown,
  options: BreakdownOptions,
): void {
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
  if (!result.complete)
    note(
      `Months missing from the warehouse (not zero): ${result.missing.map((m) => `${m.force} ${m.month}`).join(', ')}`,
    );
}

async function extractBreakdown(options: BreakdownOptions): Promise<void> {
  const { OFFENCE_DIMENSIONS, offenceHarmBreakdown } = await import('../../analytics/offence-harm.js');
  const by = (options.by ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of by)
    if (!(OFFENCE_DIMENSIONS as readonly string[]).includes(d))
      throw usageError(`--by: '${d}' is not one of ${OFFENCE_DIMENSIONS.join(', ')} (force extracts)`);
  const ctx = await commandContext(options);
  const { offenceWeights } = await import('../../harm-data/force-weights.js');
  const path = await import('node:path');
  const weights = await offenceWeights(options.index ?? 'ons-css', path.join(ctx.workspace.paths.warehouse, 'harm'));
  const result = await withWarehouse(ctx, async (wh) => {
    const months = Object.values(wh.catalog.sources)
      .filter((x) => x.table === 'offences' && (!options.force?.length || options.force.includes(x.force)))
      .map((x) => x.month)
      .sort();
    return offenceHarmBreakdown(wh, {
      by: by as never,
      span: await spanOf(options, async () => months[months.length - 1]),
      weights,
      forces: options.force,
    });
  });
  showBreakdown(result, options);
}

export const harmWeightsCommand = command(
  'weights',
  "load a force's export of the official per-offence Cambridge Crime Harm Index table (CSV: offence code, CCHI days)",
)
  .argument('<file>', 'CSV with columns such as HO_CODE (or offence_code) and CCHI (or cchi_days)')
  .action(async (file: string, options: CommonOptions) => {
    const ctx = await commandContext(options);
    const { storeForceCchiTable } = await import('../../harm-data/force-weights.js');
    const path = await import('node:path');
    const result = await storeForceCchiTable(file, path.join(ctx.workspace.paths.warehouse, 'harm'));
    if (wantsJson(options)) printJson(result);
    else
      process.stdout.write(
        `Loaded CCHI days for ${result.offences} offence codes (kept as ${result.stored}); use stra harm breakdown --source extract --index cchi-offence\n`,
      );
  });

interface ConcentrationOptions extends CommonOptions {
  readonly force?: string[];
  readonly category?: string[];
  readonly from?: string;
  readonly to?: string;
  readonly index: string;
}

export const harmConcentrationCommand = command(
  'concentration',
  "the share of a force's harm in its most harmed 5% and 10% of LSOAs",
)
  .option(
    '--force <ids>',
    'the forces whose LSOAs count, one or more (comma-separated police.uk ids)',
    (v: string, p: string[] = []) => [...p, ...v.split(',')],
  )
  .option('--category <slugs>', 'only these categories', (v: string, p: string[] = []) => [...p, ...v.split(',')])
  .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)')
  .option('--to <YYYY-MM>', 'last month (default: the latest held)')
  .option('--index <name>', 'cchi-median, cchi-mean or ons-css', 'cchi-median')
  .action(async (options: ConcentrationOptions) => {
    if (!options.force?.length)
      throw usageError('--force: name the force or forces whose LSOAs to rank, e.g. --force warwickshire');
    const ctx = await commandContext(options);
    const { harmConcentrationByLsoa } = await import('../../analytics/harm-breakdown.js');
    const { categoryWeights } = await import('../../analytics/weights.js');
    const { latestMonth } = await import('../../analytics/latest.js');
    const weights = categoryWeights(options.index);
    const result = await withWarehouse(ctx, async (wh) =>
      harmConcentrationByLsoa(wh, {
        span: await spanOf(options as BreakdownOptions, async () => latestMonth(wh.catalog, options.force)),
        weights,
        forces: options.force,
        categories: crimeCategories(options.category),
      }),
    );
    if (wantsJson(options)) return printJson(result);
    process.stdout.write(
      `${result.areaCount} LSOAs (${result.zeroHarmAreas} with no harm); total harm ${Math.round(result.totalHarm).toLocaleString('en-GB')} ${result.unit}\n\n`,
    );
    printTable(
      result.tiers.map((t) => ({
        'top share of LSOAs': `${Math.round(t.fraction * 100)}%`,
        lsoas: t.areas,
        harm: Math.round(t.harm),
        'share of harm': t.share === null ? '' : `${(t.share * 100).toFixed(1)}%`,
        'most harmed': t.areaKeys.slice(0, 5).join(', '),
      })),
    );
    note(`\nWeights: ${result.edition}.`);
  });
