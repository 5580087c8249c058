/** A series cut to end at a period (`--until`), e.g. to forecast from before a known break. */
import type { CountSeries } from '../../domain/forecast/series.js';
import { usageError } from '../../errors.js';

export function cutSeries(series: CountSeries, until: string): CountSeries {
  const months = (t: string) => Number(t.slice(0, 4)) * 12 + Number(t.slice(5, 7)) - 1;
  const step = series.frequency === 'month' ? 1 : 3;
  const keep = Math.floor((months(until) - months(series.start)) / step) + 1;
  if (keep < 1) throw usageError(`--until ${until} is before the series starts (${series.start})`);
  return { ...series, values: series.values.slice(0, keep) };
}
