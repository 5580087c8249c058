import { Command } from 'commander';
import { crimeCategories } from '../../domain/crime/categories.js';
import { command } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { PERIOD_KINDS } from '../../domain/crime/periods.js';
import {
  parseAreaFilter,
  parseAt,
  parseBy,
  parseFraction,
  parseMonthArg,
  parsePeriodKind,
  withAreaOptions,
  type AreaOptions,
} from './analysis-options.js';
import { usageError } from '../../errors.js';
import type { Month } from '../../domain/crime/month.js';

interface CompareOptions extends CommonOptions, AreaOptions {
  readonly period: string;
  readonly at?: string;
  readonly years: string;
  readonly alpha: string;
  readonly index: string;
}

const pct = (x: number | null) => (x === null ? '' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`);
const sig = (x: number | null) => (x === null ? '' : x < 0.0001 ? '<0.0001' : x.toFixed(4));

const compare = withAreaOptions(
  command('compare', 'each area (and category): change on last year and against the N-year average, with significance')
    .option('--by <dims>', 'area dimensions and/or category: force, csp, district, lsoa, category', 'force')
    .option('--period <kind>', `one of ${PERIOD_KINDS.join(', ')}`, 'financial-year')
    .option('--at <period>', 'the period to judge (default: the latest complete one), e.g. 2017/18, 2018-Q1, 2018-03')
    .option('--years <n>', 'years in the average', '3')
    .option('--alpha <level>', 'significance level for the false-discovery-rate adjusted q-values', '0.05')
    .option('--index <name>', 'harm beside volume: cchi-median, cchi-mean or ons-css', 'cchi-median'),
).action(async (options: CompareOptions) => {
  const { areas, byCategory } = parseBy(options.by);
  const kind = parsePeriodKind(options.period);
  const years = Number(options.years);
  if (!Number.isInteger(years) || years < 1 || years > 10)
    throw usageError(`--years: '${options.years}' should be a whole number from 1 to 10`);
  const alpha = parseFraction('--alpha', options.alpha);
  const ctx = await commandContext(options);
  const { compareTrends } = await import('../../analytics/trend-comparison.js');
  const { latestMonth } = await import('../../analytics/latest.js');
  const { categoryWeights } = await import('../../analytics/weights.js');
  const weights = categoryWeights(options.index);
  const report = await withWarehouse(ctx, async (wh) =>
    compareTrends(wh, {
      areas,
      byCategory,
      period: parseAt(kind, options.at, latestMonth(wh.catalog, options.force)),
      years,
      alpha,
      where: parseAreaFilter(options.area),
      forces: options.force,
      categories: crimeCategories(options.category),
      weights,
    }),
  );
  if (wantsJson(options)) return printJson(report);
  process.stdout.write(
    `${report.period.label} against ${report.rows[0]?.lastYear.period ?? 'last year'} and against the average of ${report.rows[0]?.average.periods.join(', ') ?? ''}\n\n`,
  );
  printTable(
    report.rows.map((r) => ({
      ...r.cell.area,
      ...(r.cell.category ? { category: r.cell.category } : {}),
      count: r.count ?? '(incomplete)',
      harm: r.harm === null ? (r.count === null ? '' : '(no weight)') : Math.round(r.harm),
      'last year': r.lastYear.against ?? '(incomplete)',
      change: pct(r.lastYear.percentChange),
      q: sig(r.lastYear.qValue),
      'vs last year': r.lastYear.flag,
      average: r.average.against === null ? '' : Math.round(r.average.against),
      'vs avg': pct(r.average.percentChange),
      'q (avg)': sig(r.average.qValue),
      'vs average': r.average.flag,
    })),
  );
  note(`\nHarm: ${weights.unit} (${weights.index}; anti-social behaviour has no weight). Method: ${report.method}`);
  if (report.missing.length)
    note(`Missing from the warehouse (not zero): ${report.missing.map((m) => `${m.force} ${m.month}`).join(', ')}`);
});

interface SnapshotOptions extends CommonOptions, AreaOptions {
  readonly period: string;
  readonly at?: string;
  readonly index: string;
  readonly share: string;
  readonly harmShare: string;
  readonly includeAsb?: boolean;
}

const snapshot = withAreaOptions(
  command(
    'snapshot',
    "the performance snapshot: each crime type's change on last year and share of all crime, and which to report on",
  )
    .option('--period <kind>', `one of ${PERIOD_KINDS.join(', ')}`, 'financial-year')
    .option('--at <period>', 'the period (default: the latest complete one)')
    .option('--index <name>', 'harm index: cchi-median, cchi-mean or ons-css', 'cchi-median')
    .option('--share <fraction>', 'report a type with at least this share of all crime', '0.1')
    .option('--harm-share <fraction>', 'report a type with at least this share of all harm', '0.1')
    .option('--include-asb', 'count anti-social behaviour in "all crime"'),
).action(async (options: SnapshotOptions) => {
  const kind = parsePeriodKind(options.period);
  const rules = {
    shareAtLeast: parseFraction('--share', options.share),
    harmShareAtLeast: parseFraction('--harm-share', options.harmShare),
  };
  const ctx = await commandContext(options);
  const { performanceSnapshot } = await import('../../analytics/snapshot.js');
  const { latestMonth } = await import('../../analytics/latest.js');
  const { categoryWeights } = await import('../../analytics/weights.js');
  const weights = categoryWeights(options.index);
  const snap = await withWarehouse(ctx, (wh) =>
    performanceSnapshot(wh, {
      period: parseAt(kind, options.at, latestMonth(wh.catalog, options.force)),
      where: parseAreaFilter(options.area),
      forces: options.force,
      weights,
      rules,
      includeAsb: options.includeAsb,
    }),
  );
  if (wantsJson(options)) return printJson(snap);
  process.stdout.write(
    `${snap.period} against ${snap.lastYear}: ${snap.total?.toLocaleString('en-GB') ?? '(incomplete)'} crimes${options.includeAsb ? ' and ASB incidents' : ' (excluding anti-social behaviour)'}\n\n`,
  );
  printTable(
    snap.rows.map((r) => ({
      category: r.category,
      count: r.count ?? '',
      'last year': r.lastYear ?? '',
      change: pct(r.percentChange),
      q: sig(r.qValue),
      trend: r.flag,
      share: r.share === null ? '' : `${(r.share * 100).toFixed(1)}%`,
      'harm share': r.harmShare === null ? '' : `${(r.harmShare * 100).toFixed(1)}%`,
      report: r.reportBecause.join('; '),
    })),
  );
  note(`\nHarm: ${snap.harmIndex}. Method: ${snap.method}`);
});

interface SeriesOptions extends CommonOptions, AreaOptions {
  readonly from?: string;
  readonly to?: string;
}

const series = withAreaOptions(
  command('series', 'a monthly series with its seasonal baseline and control limits, ready for charting')
    .option('--from <YYYY-MM>', 'first month (default: 4 years before --to)')
    .option('--to <YYYY-MM>', 'last month (default: the latest held)'),
).action(async (options: SeriesOptions) => {
  const ctx = await commandContext(options);
  const { monthlySeries } = await import('../../analytics/series.js');
  const { latestMonth } = await import('../../analytics/latest.js');
  const { addMonths } = await import('../../domain/crime/month.js');
  const result = await withWarehouse(ctx, async (wh) => {
    const to = parseMonthArg('--to', options.to) ?? latestMonth(wh.catalog, options.force);
    if (!to) throw usageError('the warehouse holds no street data yet: import some (stra import) or run stra demo');
    const from = parseMonthArg('--from', options.from) ?? addMonths(to, -47);
    if (from > to) throw usageError(`--from ${from} is after --to ${to}`);
    return monthlySeries(wh, {
      from: from as Month,
      to,
      where: parseAreaFilter(options.area),
      forces: options.force,
      categories: crimeCategories(options.category),
    });
  });
  if (wantsJson(options)) return printJson(result);
  const f = (x: number | null) => (x === null ? '' : x.toFixed(1));
  printTable(
    result.points.map((p) => ({
      month: p.month,
      count: p.count ?? '(no data)',
      expected: f(p.expected),
      lower: f(p.lower),
      upper: f(p.upper),
      flag: p.flag,
    })),
  );
  note(`\nMethod: ${result.method}`);
});

interface CountsOptions extends CommonOptions, AreaOptions {
  readonly period: string;
  readonly from?: string;
  readonly to?: string;
  readonly harm?: string;
}

const counts = withAreaOptions(
  command(
    'counts',
    'counts by area and/or category for every whole period between two months (gaps are marked, never zero)',
  )
    .option('--by <dims>', 'area dimensions and/or category: force, csp, district, lsoa, category', 'force')
    .option('--period <kind>', `one of ${PERIOD_KINDS.join(', ')}`, 'financial-year')
    .option('--from <YYYY-MM>', 'first month (default: 3 years before --to)')
    .option('--to <YYYY-MM>', 'last month (default: the latest held)')
    .option('--harm <index>', 'harm beside each count: cchi-median, cchi-mean or ons-css'),
).action(async (options: CountsOptions) => {
  const { areas, byCategory } = parseBy(options.by);
  const kind = parsePeriodKind(options.period);
  const ctx = await commandContext(options);
  const { periodCounts } = await import('../../analytics/period-counts.js');
  const { latestMonth } = await import('../../analytics/latest.js');
  const { periodsBetween } = await import('../../domain/crime/periods.js');
  const { addMonths } = await import('../../domain/crime/month.js');
  const table = await withWarehouse(ctx, async (wh) => {
    const to = parseMonthArg('--to', options.to) ?? latestMonth(wh.catalog, options.force);
    if (!to) throw usageError('the warehouse holds no street data yet: import some (stra import) or run stra demo');
    const from = parseMonthArg('--from', options.from) ?? addMonths(to, -35);
    const periods = periodsBetween(from, to, kind);
    if (periods.length === 0) throw usageError(`no whole ${kind} lies between ${from} and ${to}`);
    const q = {
      areas,
      byCategory,
      periods,
      where: parseAreaFilter(options.area),
      forces: options.force,
      categories: crimeCategories(options.category),
    };
    const r = await periodCounts(wh, q);
    const { harmByCell } = await import('../../analytics/cell-harm.js');
    const { categoryWeights } = await import('../../analytics/weights.js');
    const harm = options.harm ? await harmByCell(wh, q, categoryWeights(options.harm)) : undefined;
    return {
      periods: periods.map((p) => p.label),
      rows: r.cells.map((c) => ({
        ...c.area,
        ...(c.category ? { category: c.category } : {}),
        counts: Object.fromEntries(
          periods.map((p) => {
            const v = r.count(c.key, p.label);
            return [p.label, v.complete ? v.count : null];
          }),
        ),
        ...(harm
          ? {
              harm: Object.fromEntries(
                periods.map((p, i) => [
                  p.label,
                  r.count(c.key, p.label).complete ? (harm.harm.get(c.key)?.[i] ?? 0) : null,
                ]),
              ),
            }
          : {}),
      })),
      missing: r.missing,
    };
  });
  if (wantsJson(options)) return printJson(table);
  printTable(
    table.rows.map(({ counts: byPeriod, harm, ...cell }) => ({
      ...cell,
      ...Object.fromEntries(Object.entries(byPeriod).map(([k, v]) => [k, v ?? '(gap)'])),
      ...(harm
        ? Object.fromEntries(Object.entries(harm).map(([k, v]) => [`harm ${k}`, v === null ? '(gap)' : Math.round(v)]))
        : {}),
    })),
  );
  if (table.missing.length)
    note(
      `\n(gap): months missing from the warehouse, not zero: ${table.missing.map((m) => `${m.force} ${m.month}`).join(', ')}`,
    );
});

export const trendsCommand = new Command('trends')
  .description('trends an analyst can defend: changes, significance, the performance snapshot, monthly control charts')
  .addCommand(counts)
  .addCommand(compare)
  .addCommand(snapshot)
  .addCommand(series);
