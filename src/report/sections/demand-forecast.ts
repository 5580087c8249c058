/**
 * The Demand part's forecast (issue 17): for each force, the next 12 months of recorded crime (and
 * of incidents and missing-person reports where the warehouse holds them), forecast from the
 * monthly series up to the end of the data period with the model the rolling-origin backtest
 * chose (src/domain/forecast), given as an expected total with 80% and 95% ranges, and said in
 * plain words with the model and its backtest MASE. A forecast is printed only where the chosen
 * model beat the seasonal naive forecast in the backtest; otherwise, or when the series is refused
 * (too short, gaps, a recent level shift), the reason is given instead of a figure.
 *
 * The ranges of the 12-month total add the monthly bounds, which assumes the months' errors move
 * together: wider than the total's own interval, never narrower; the text says so.
 */
import { forecastSeries, type SeriesForecast } from '../../domain/forecast/forecast-series.js';
import type { CountSeries } from '../../domain/forecast/series.js';
import { addMonths, monthIndex, type Month } from '../../domain/crime/month.js';
import { ASB } from '../../domain/crime/categories.js';
import { sqlString } from '../../warehouse/sql.js';
import type { Warehouse } from '../../warehouse/reader.js';
import type { BuildContext } from '../context.js';
import type { LogBook } from '../build-log.js';
import { monthName } from '../dates.js';
import { cell, para, text, type Block } from '../model.js';

const METHOD_WORDS: Record<string, string> = {
  'seasonal-naive': 'the same month last year (seasonal naive)',
  ets: 'exponential smoothing (ETS)',
  sarima: 'a seasonal ARIMA model',
  'holt-winters': 'Holt-Winters exponential smoothing',
};

interface Row {
  readonly force: string;
  readonly what: string;
  readonly result: { forecast: SeriesForecast } | { reason: string };
}

const round = (x: number) => Math.round(x);
/** "12% smaller", or "slightly smaller (under 1%)". */
const smaller = (chosen: number, naive: number) => {
  const p = (1 - chosen / naive) * 100;
  return p < 1 ? 'slightly smaller (by under 1%)' : `${Math.round(p)}% smaller`;
};
const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
const n = (x: number) => round(x).toLocaleString('en-GB');

function monthsBetween(from: Month, to: Month): Month[] {
  return Array.from({ length: monthIndex(to) - monthIndex(from) + 1 }, (_, k) => addMonths(from, k));
}

/** Monthly counts up to `last`; months not held are gaps; incidents and episodes need full months. */
async function series(wh: Warehouse, kind: 'crime' | 'incidents' | 'missing', force: string, last: Month) {
  if (kind === 'crime') {
    const held = Object.values(wh.catalog.sources)
      .filter((s) => s.table === 'street' && s.force === force && s.month <= last)
      .map((s) => s.month as Month)
      .sort();
    if (held.length === 0) return null;
    const rows = await wh.sql.all<{ month: string; n: number }>(
      `SELECT strftime(month, '%Y-%m') AS month, sum(n)::BIGINT AS n FROM street_counts WHERE force = ${sqlString(force)} AND category <> ${sqlString(ASB)} GROUP BY 1`,
    );
    const counts = new Map(rows.map((r) => [r.month, r.n]));
    const heldSet = new Set(held);
    const values = monthsBetween(held[0]!, held.at(-1)!).map((m) => (heldSet.has(m) ? (counts.get(m) ?? 0) : null));
    return { start: held[0]!, frequency: 'month', values } satisfies CountSeries;
  }
  const table = kind === 'incidents' ? 'incidents' : 'missing_episodes';
  const at = kind === 'incidents' ? 'opened_local' : 'reported_local';
  const rows = await wh.sql.all<{ month: string; n: number; days: number; in_month: number }>(
    `SELECT strftime(month, '%Y-%m') AS month, count(*)::BIGINT AS n, count(DISTINCT floor(${at} / 86400000))::BIGINT AS days, ` +
      `day(last_day(month))::BIGINT AS in_month FROM ${table} WHERE force = ${sqlString(force)} GROUP BY month ORDER BY 1`,
  );
  // Whole months only at either end (a partial download is not a quiet month); the missing
  // episodes of a month are few, so any month with a report counts as held.
  const full = rows.filter((r) => r.month <= last && (kind === 'missing' || r.days === r.in_month));
  if (full.length === 0) return null;
  const counts = new Map(full.map((r) => [r.month, r.n]));
  const values = monthsBetween(full[0]!.month as Month, full.at(-1)!.month as Month).map((m) => counts.get(m) ?? null);
  return { start: full[0]!.month, frequency: 'month', values } satisfies CountSeries;
}

export async function demandForecastBlocks(
  ctx: Pick<BuildContext, 'warehouse' | 'dataPeriod' | 'forces' | 'anchors'>,
  log: Pick<LogBook, 'figure' | 'omitted'>,
): Promise<Block[]> {
  const wh = ctx.warehouse;
  const period = ctx.dataPeriod;
  if (wh === null || period === null) return [];
  const rows: Row[] = [];
  for (const f of ctx.forces) {
    for (const [kind, what] of [
      ['crime', 'Recorded crime (not ASB)'],
      ['incidents', 'Incidents'],
      ['missing', 'Missing-person reports'],
    ] as const) {
      const s = await series(wh, kind, f.id, period.last);
      if (!s) continue;
      if (s.start.localeCompare(period.last) > 0) continue;
      const result = forecastSeries(s, { horizon: 12 });
      const lastHeld = addMonths(s.start as Month, s.values.length - 1);
      if (result.status === 'refused') rows.push({ force: f.name, what, result: { reason: result.refusal.message } });
      else if (lastHeld !== period.last)
        rows.push({
          force: f.name,
          what,
          result: { reason: `the data end in ${monthName(lastHeld)}, before the data period does` },
        });
      else if (!result.beatsSeasonalNaive)
        rows.push({
          force: f.name,
          what,
          result: {
            reason: `no model beat the same month last year in the backtest (MASE ${result.backtest.seasonalNaive.mase.toFixed(2)})`,
          },
        });
      else rows.push({ force: f.name, what, result: { forecast: result } });
    }
  }
  if (rows.length === 0) {
    log.omitted('Forecast of demand', `no monthly series of ${ctx.forces.map((f) => f.id).join(', ')} is held`);
    return [];
  }
  const first = addMonths(period.last, 1);
  const last = addMonths(period.last, 12);
  const span = `${monthName(first)} to ${monthName(last)}`;
  const shown = rows.filter((r) => 'forecast' in r.result);
  const trace = log.figure(
    'Table: forecast of demand',
    rows
      .map((r) => `${r.force}, ${r.what}: ${'forecast' in r.result ? r.result.forecast.model : 'not forecast'}`)
      .join('; '),
    {
      call: 'forecastSeries',
      query: { forces: ctx.forces.map((f) => f.id), until: period.last, horizon: 12 },
      method:
        'monthly series to the end of the data period; model chosen by rolling-origin backtest against the seasonal naive forecast (MASE, interval coverage)',
    },
  );
  const sentences = rows.map((r) => {
    if (!('forecast' in r.result))
      return `${r.force}, ${r.what.toLowerCase()}: no forecast is given (${r.result.reason.replace(/\.$/, '')}).`;
    const f = r.result.forecast;
    const b = f.backtest;
    return (
      `${r.force} can expect about ${n(sum(f.mean))} ${r.what.toLowerCase()} in ${span}: ` +
      `80% likely between ${n(sum(f.interval80.lower))} and ${n(sum(f.interval80.upper))}, ` +
      `95% likely between ${n(sum(f.interval95.lower))} and ${n(sum(f.interval95.upper))}. ` +
      `The forecast comes from ${METHOD_WORDS[f.method] ?? f.method} (${f.model}), chosen because in testing on past months ` +
      `its errors were ${smaller(b.chosen.mase, b.seasonalNaive.mase)} than repeating last year's figure ` +
      `(MASE ${b.chosen.mase.toFixed(2)} against ${b.seasonalNaive.mase.toFixed(2)}; ${Math.round(b.chosen.coverage80 * 100)}% of past months fell inside its 80% range).`
    );
  });
  return [
    {
      kind: 'heading',
      level: 3,
      text: 'Forecast for the next 12 months',
      id: ctx.anchors.make('forecast-next-12-months'),
    },
    para(
      text(
        `Expected demand in ${span}, forecast from each monthly series up to ${monthName(period.last)}. ` +
          'A forecast is given only where its model did better than repeating the same month of last year when tested on past months (rolling-origin backtest). ' +
          'The ranges for the year add the monthly ranges, so they are if anything too wide.',
      ),
    ),
    { kind: 'list', ordered: false, items: sentences.map((s) => [text(s)]) },
    ...(shown.length
      ? [
          {
            kind: 'table' as const,
            id: ctx.anchors.make('table-forecast-next-12-months'),
            trace,
            caption: `Forecast, ${span}: expected total with 80% and 95% ranges`,
            columns: [
              { header: 'Force', align: 'left' as const, width: 3 },
              { header: 'Series', align: 'left' as const, width: 3 },
              { header: 'Expected', align: 'right' as const, width: 2 },
              { header: '80% range', align: 'right' as const, width: 3 },
              { header: '95% range', align: 'right' as const, width: 3 },
              { header: 'Model', align: 'left' as const, width: 3 },
              { header: 'MASE (seasonal naive)', align: 'right' as const, width: 2 },
            ],
            rows: shown.map((r) => {
              const f = (r.result as { forecast: SeriesForecast }).forecast;
              return [
                cell(r.force),
                cell(r.what),
                cell(round(sum(f.mean))),
                cell(`${n(sum(f.interval80.lower))} to ${n(sum(f.interval80.upper))}`),
                cell(`${n(sum(f.interval95.lower))} to ${n(sum(f.interval95.upper))}`),
                cell(f.model),
                cell(`${f.backtest.chosen.mase.toFixed(2)} (${f.backtest.seasonalNaive.mase.toFixed(2)})`),
              ];
            }),
          },
        ]
      : []),
  ];
}
