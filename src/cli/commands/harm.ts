/**
 * `stra harm`: harm and rates computed from the warehouse. `css` gives the ONS Crime Severity
 * Score of forces (Home Office PRC tables) or of forces, CSPs and districts (force extracts) for
 * a financial year; `rates` gives police.uk crime per 1,000 residents by area.
 */
import { crimeCategories } from '../../domain/crime/categories.js';
import { Command } from 'commander';
import { command, listOption } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { usageError } from '../../errors.js';
import { harmBreakdownCommand, harmConcentrationCommand, harmWeightsCommand } from './harm-breakdown.js';
import { plural } from '../../domain/plural.js';

interface CssOptions extends CommonOptions {
  readonly year: string;
  readonly source: string;
  readonly by: string;
  readonly force?: string[];
  readonly populationYear?: string;
}

const round = (v: number | null, dp: number): number | null => (v === null ? null : Number(v.toFixed(dp)));

const css = command('css', 'ONS Crime Severity Score of each force (or CSP, district) for a financial year')
  .requiredOption('--year <YYYY/YY>', 'financial year, e.g. 2017/18')
  .option(
    '--source <prc|extract>',
    'counts from the Home Office PRC tables (prc) or from force extracts (extract)',
    'prc',
  )
  .option('--by <level>', 'force, csp or district (csp and district need --source extract)', 'force')
  .option('--force <ids>', 'only these forces (comma-separated police.uk ids)', listOption)
  .option(
    '--population-year <YYYY>',
    'mid-year population to divide by (default: the one ONS used, e.g. mid-2016 for 2017/18)',
  )
  .action(async (options: CssOptions) => {
    if (options.source !== 'prc' && options.source !== 'extract')
      throw usageError(`--source: '${options.source}' is not prc or extract`);
    if (!['force', 'csp', 'district'].includes(options.by))
      throw usageError(`--by: '${options.by}' is not force, csp or district`);
    const { parsePopulationYear } = await import('../../warehouse/harm/population-year.js');
    const query = {
      year: options.year,
      source: options.source,
      by: options.by as 'force' | 'csp' | 'district',
      ...(options.force?.length ? { forces: options.force } : {}),
      ...(options.populationYear !== undefined ? { populationYear: parsePopulationYear(options.populationYear) } : {}),
    } as const;
    const ctx = await commandContext(options);
    const { crimeSeverityScores } = await import('../../warehouse/harm/css-queries.js');
    const { populationTable } = await import('../../population/load.js');
    const { loadOnsCssWeights } = await import('../../harm-data/load-weights.js');
    const population = await populationTable(ctx.workspace.paths.warehouse);
    const report = await withWarehouse(ctx, (wh) => crimeSeverityScores(wh, population, loadOnsCssWeights(), query));
    if (wantsJson(options)) {
      printJson(report);
      return;
    }
    process.stdout.write(
      `ONS Crime Severity Score, ${report.financial_year}, from ${report.source === 'prc' ? 'the Home Office PRC table' : 'force extracts'}\n\n`,
    );
    printTable(
      report.rows.map((r) => ({
        ...(report.source === 'extract' && options.by !== 'force' ? { force: r.force } : {}),
        [report.source === 'prc' ? 'area' : options.by]: r.area,
        offences: r.offences,
        harm: Math.round(r.harm),
        population: r.population ?? '',
        css: round(r.css, 2) ?? '',
        ...(report.source === 'extract' ? { months: r.months } : {}),
      })),
    );
    process.stdout.write(`\nPopulation: ${report.pairing}.\nWeights: ${report.weights}.\n${report.method}.\n`);
    loadedSources(report.rows);
    for (const n of report.notes) note(n);
    for (const r of report.rows) if (r.note && r.css === null) note(`${r.area}: ${r.note}`);
  });

interface RatesOptions extends CommonOptions {
  readonly by: string;
  readonly from: string;
  readonly to: string;
  readonly force?: string[];
  readonly category?: string[];
  readonly populationYear?: string;
}

const rates = command('rates', 'police.uk crime per 1,000 residents by force, CSP, district or LSOA')
  .option('--by <level>', 'force, csp, district or lsoa', 'force')
  .requiredOption('--from <YYYY-MM>', 'first month')
  .requiredOption('--to <YYYY-MM>', 'last month')
  .option('--force <ids>', 'only these forces (comma-separated police.uk ids)', listOption)
  .option('--category <slugs>', 'only these categories (default: all except anti-social-behaviour)', listOption)
  .option(
    '--population-year <YYYY>',
    'mid-year population to divide by (default: the one nearest the middle of the period)',
  )
  .action(async (options: RatesOptions) => {
    if (!['force', 'csp', 'district', 'lsoa'].includes(options.by))
      throw usageError(`--by: '${options.by}' is not force, csp, district or lsoa`);
    const { parseMonthOption } = await import('../../warehouse/stats.js');
    const { parsePopulationYear } = await import('../../warehouse/harm/population-year.js');
    const query = {
      by: options.by as 'force' | 'csp' | 'district' | 'lsoa',
      from: parseMonthOption('--from', options.from)!,
      to: parseMonthOption('--to', options.to)!,
      ...(options.force?.length ? { forces: options.force } : {}),
      categories: crimeCategories(options.category),
      ...(options.populationYear !== undefined ? { populationYear: parsePopulationYear(options.populationYear) } : {}),
    };
    const ctx = await commandContext(options);
    const { crimeRates } = await import('../../warehouse/harm/rates-queries.js');
    const { populationTable } = await import('../../population/load.js');
    const population = await populationTable(ctx.workspace.paths.warehouse);
    const report = await withWarehouse(ctx, (wh) => crimeRates(wh, population, query));
    if (wantsJson(options)) {
      printJson(report);
      return;
    }
    // Areas without a rate (outside the area table, no population, a gap) are listed after the table.
    const rated = report.rows.filter((r) => r.rate_per_1000 !== null);
    const unrated = report.rows.filter((r) => r.rate_per_1000 === null);
    if (rated.length === 0) process.stdout.write('No rates to show.\n');
    else
      printTable(
        rated.map((r) => ({
          ...(options.by !== 'force' ? { force: r.force } : {}),
          [options.by]: r.area,
          count: r.count,
          population: r.population,
          ...(options.by === 'lsoa' ? { year: r.population_year } : {}),
          per_1000: round(r.rate_per_1000, 1),
        })),
      );
    process.stdout.write(
      `\n${report.total.toLocaleString('en-GB')} crimes, ${report.from} to ${report.to} (${report.months} months; rates are for the whole period, not annualised); ${report.categories}.\n` +
        `Population: ${report.pairing}.\n`,
    );
    loadedSources(report.rows);
    for (const n of report.notes) note(n);
    if (unrated.length) {
      const shown = unrated
        .slice(0, 12)
        .map((r) => `${options.by === 'force' ? '' : `${r.force}: `}${r.area} ${r.count.toLocaleString('en-GB')}`);
      const crimes = unrated.reduce((a, r) => a + r.count, 0);
      note(
        `No rate for ${plural(unrated.length, 'area')} with ${crimes.toLocaleString('en-GB')} crimes (outside the area table, or no population): ` +
          `${shown.join(', ')}${unrated.length > shown.length ? ', ...' : ''} (all rows with --json)`,
      );
    }
    const { describeMonths } = await import('../../warehouse/coverage.js');
    const byForce = new Map<string, string[]>();
    for (const m of report.missing) byForce.set(m.force, [...(byForce.get(m.force) ?? []), m.month]);
    for (const [force, months] of byForce)
      note(`No data for ${force} in ${describeMonths(months)}: missing, not zero; its areas have no rate.`);
  });

/** Says when a figure's population comes from a table loaded with `stra population load`. */
function loadedSources(rows: readonly { area: string; population: number | null; population_source: string }[]): void {
  const loaded = rows
    .filter((r) => r.population !== null && r.population_source.includes('loaded table '))
    .map((r) => r.area);
  if (loaded.length)
    note(
      `Populations from tables loaded with stra population load: ${loaded.join(', ')} (population_source with --json says which).`,
    );
}

export const harmCommand = new Command('harm')
  .description(
    'harm: ONS Crime Severity Score (css), crime per 1,000 residents (rates), harm beside volume (breakdown), concentration in LSOAs',
  )
  .addCommand(css)
  .addCommand(rates)
  .addCommand(harmBreakdownCommand)
  .addCommand(harmConcentrationCommand)
  .addCommand(harmWeightsCommand);
