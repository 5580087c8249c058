/**
 * Missing episodes over time: a monthly count series (ready for the forecasts) and the change on
 * last year by risk, age band or address type, tested as crime is (E-test on daily rates,
 * Benjamini-Hochberg; see ../profiles/change.ts).
 */
import { addMonths, monthIndex, parseMonth, type Month } from '../../crime/month.js';
import type { CountSeries } from '../../forecast/series.js';
import { compareCounts, type ChangeRow } from '../profiles/change.js';
import type { MissingEpisode } from './episode.js';

/** Episodes reported each month from `from` to `to` (YYYY-MM, local), zeros included. */
export function monthlyEpisodes(episodes: readonly MissingEpisode[], from: string, to: string): CountSeries {
  const start = parseMonth(from);
  const end = parseMonth(to);
  if (!start || !end) throw new RangeError(`months must be YYYY-MM, got '${from}' and '${to}'`);
  const values = new Array<number>(monthIndex(end) - monthIndex(start) + 1).fill(0);
  for (const e of episodes) {
    const month = new Date(e.reported.local).toISOString().slice(0, 7) as Month;
    const k = monthIndex(month) - monthIndex(start);
    if (k >= 0 && k < values.length) values[k]!++;
  }
  return { start: addMonths(start, 0), frequency: 'month', values };
}

export type EpisodeDimension = 'risk' | 'ageBand' | 'addressType' | 'all';

/** Episodes reported from `from` to `to` (local days, YYYY-MM-DD) against the same dates a year earlier. */
export function missingChangeOnLastYear(
  episodes: readonly MissingEpisode[],
  period: { readonly from: string; readonly to: string; readonly previousFrom: string; readonly previousTo: string },
  by: EpisodeDimension = 'all',
  alpha = 0.05,
): ChangeRow[] {
  const key = (e: MissingEpisode) => (by === 'all' ? 'all' : e[by]);
  const counts = (from: string, to: string) => {
    const map = new Map<string, number>();
    for (const e of episodes) {
      const day = new Date(e.reported.local).toISOString().slice(0, 10);
      if (day < from || day > to) continue;
      map.set(key(e), (map.get(key(e)) ?? 0) + 1);
    }
    return map;
  };
  const days = (from: string, to: string) =>
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return compareCounts(
    counts(period.from, period.to),
    counts(period.previousFrom, period.previousTo),
    days(period.from, period.to),
    days(period.previousFrom, period.previousTo),
    alpha,
  );
}
