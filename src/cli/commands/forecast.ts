/**
 * `stra forecast <series>`: 12 months ahead with 80% and 95% prediction intervals, the model
 * chosen by rolling-origin backtest against the seasonal naive forecast, MASE and interval
 * coverage reported with it; a series too short or too broken is refused with the reason.
 */
import { existsSync } from 'node:fs';
import { command, listOption } from './common.js';
import { commandContext, withWarehouse, type CommonOptions } from '../context.js';
import { note, printJson, printTable, wantsJson } from '../output.js';
import { inputError, usageError } from '../../errors.js';
import { parseForce, parseWhole } from './demand-options.js';
import type { NamedSeries } from '../../analytics/forecast/warehouse-series.js';
import type { SeriesForecast } from '../../domain/forecast/forecast-series.js';

interface ForecastOptions extends CommonOptions {
  readonly force?: string;
  readonly category?: string;
  readonly csp?: string;
  readonly district?: string;
  readonly where?: string[];
  readonly value?: string;
  readonly quarterly?: boolean;
  readonly until?: string;
  readonly horizon: string;
}

export const forecastCommand = command(
  'forecast',
  'forecast a monthly series 12 months ahead with 80%/95% intervals, chosen and scored by backtest',
)
  .argument(
    '<series...>',
    "crime, incidents or missing (the warehouse's, with --force), or one or more CSV files: long (month,count) or wide (a column per YYYYMM)",
  )
  .option('--force <id>', 'the force (crime, incidents, missing)')
  .option('--category <slug>', 'crime category (e.g. burglary) or incident demand class (e.g. mental-health)')
  .option('--csp <name>', 'crime of one community safety partnership')
  .option('--district <name>', 'crime of one local authority district')
  .option('--where <Column=Value>', 'CSV: keep rows with this value (repeatable, comma-separated)', listOption)
  .option('--value <column>', 'CSV long form: the count column (default count, else value)')
  .option('--quarterly', 'CSV: the periods are quarters (named by their first month)')
  .option('--until <YYYY-MM>', 'use the series up to this period only (e.g. before a known break)')
  .option('--horizon <n>', 'periods ahead', '12')
  .addHelpText(
    'after',
    '\nExamples:\n  stra forecast crime --force west-mercia --category burglary\n  stra forecast incidents --force west-mercia --category mental-health\n  stra forecast hist.csv recent.csv --where MajorText=THEFT --until 2019-12\n\nExit status: 0 a forecast, 1 the series was refused (the reason is printed), 2 usage.',
  )
  .action(async (args: string[], options: ForecastOptions) => {
    const horizon = parseWhole('--horizon', options.horizon, 1, 36);
    const until = options.until;
    if (until !== undefined && !/^\d{4}-\d{2}$/.test(until))
      throw usageError(`--until: '${until}' is not a month (YYYY-MM)`);
    const kind = args[0]!;
    let named: NamedSeries;
    if (['crime', 'incidents', 'missing'].includes(kind)) {
      if (args.length > 1) throw usageError(`${kind} takes no further arguments`);
      if (!options.force) throw usageError(`stra forecast ${kind} needs --force <id>`);
      const force = parseForce(options.force);
      if (kind !== 'crime' && (options.csp || options.district))
        throw usageError('--csp and --district apply to crime only');
      const ctx = await commandContext(options);
      const { warehouseSeries } = await import('../../analytics/forecast/warehouse-series.js');
      named = await withWarehouse(ctx, (wh) =>
        warehouseSeries(wh, ctx.workspace.paths.warehouse, {
          kind: kind as 'crime' | 'incidents' | 'missing',
          force,
          ...(options.category ? { category: options.category } : {}),
          ...(options.csp ? { csp: options.csp } : {}),
          ...(options.district ? { district: options.district } : {}),
        }),
      );
    } else {
      const absent = args.filter((a) => !existsSync(a));
      if (absent.length)
        throw usageError(`'${absent.join("', '")}': not crime, incidents or missing, and no such file`);
      const { csvSeries } = await import('../../analytics/forecast/csv-series.js');
      const series = await csvSeries(args, {
        ...(options.where ? { where: options.where } : {}),
        ...(options.value ? { value: options.value } : {}),
        frequency: options.quarterly ? 'quarter' : 'month',
      });
      named = {
        name: `${args.join(' + ')}${options.where?.length ? ` (${options.where.join(', ')})` : ''}`,
        series,
        notes: [],
      };
    }
    const { forecastSeries } = await import('../../domain/forecast/forecast-series.js');
    const { cutSeries } = await import('../../analytics/forecast/cut-series.js');
    const series = until ? cutSeries(named.series, until) : named.series;
    const result = forecastSeries(series, { horizon });
    const out = { series: named.name, start: series.start, end: lastPeriod(series), notes: named.notes, ...result };
    if (result.status === 'refused') {
      for (const n of named.notes) note(n);
      if (!wantsJson(options)) throw inputError(`${named.name} cannot be forecast: ${result.refusal.message}`);
      printJson(out);
      note(`stra: ${named.name} cannot be forecast: ${result.refusal.message}`);
      process.exitCode = 1;
      return;
    }
    if (wantsJson(options)) printJson(out);
    else printForecast(named, result, series.start, lastPeriod(series));
  });

function lastPeriod(s: { start: string; frequency: string; values: readonly unknown[] }): string {
  const [y, m] = s.start.split('-').map(Number) as [number, number];
  const k = y * 12 + m - 1 + (s.values.length - 1) * (s.frequency === 'month' ? 1 : 3);
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

const r0 = (x: number) => Math.round(x);
const pc = (x: number) => `${Math.round(x * 100)}%`;

function printForecast(named: NamedSeries, f: SeriesForecast, start: string, end: string): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  const b = f.backtest;
  out(`${named.name}, ${start} to ${end}; trained from ${f.trainedFrom}.`);
  out(
    `Model: ${f.model} (${f.method}), chosen by rolling-origin backtest (${b.chosen.points} forecasts, horizons 1-${b.horizon}).`,
  );
  printTable(
    b.candidates.map((c) => ({
      method: c.method,
      model: c.label,
      mase: c.status === 'scored' ? Number(c.mase.toFixed(3)) : '',
      coverage80: c.status === 'scored' ? pc(c.coverage80) : '',
      coverage95: c.status === 'scored' ? pc(c.coverage95) : '',
      note: c.status === 'scored' ? (c === b.chosen ? 'chosen' : '') : (c.reason ?? c.status),
    })),
  );
  out(
    f.beatsSeasonalNaive
      ? `The chosen model beats the seasonal naive forecast (MASE ${b.chosen.mase.toFixed(3)} against ${b.seasonalNaive.mase.toFixed(3)}).`
      : 'No model beat the seasonal naive forecast in the backtest: the seasonal naive forecast is given.',
  );
  out('');
  printTable(
    f.periods.map((p, k) => ({
      period: p,
      forecast: r0(f.mean[k]!),
      lo80: r0(f.interval80.lower[k]!),
      hi80: r0(f.interval80.upper[k]!),
      lo95: r0(f.interval95.lower[k]!),
      hi95: r0(f.interval95.upper[k]!),
    })),
  );
  const total = f.mean.reduce((a, v) => a + v, 0);
  out(`\nNext ${f.periods.length} periods in total: ${r0(total).toLocaleString('en-GB')}.`);
  for (const n of [...named.notes, ...f.notes]) note(n);
}
