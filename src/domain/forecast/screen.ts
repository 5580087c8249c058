/**
 * Decides whether a series can be forecast at all, and says why not as a value a page, a command
 * or the document can show: a forecast from a broken series is worse than none.
 *
 * Refused: gaps (missing periods; a model would read them as zeros or skip time), too short (less
 * than three seasons to fit plus the backtest window: the seasonal indices and the backtest need
 * them), too sparse (counts so small that seasonality is noise and Gaussian intervals meaningless),
 * constant.
 *
 * Level shifts (see level-shift.ts): the data before a sudden change of level describe another
 * regime (another recording practice, or a lockdown), so by default they are left out and the
 * model is trained from the shift on, repeating until no shift remains; when too few periods are
 * left after the latest shift the series is refused, saying when it can next be forecast.
 * `onLevelShift: 'refuse'` refuses at the first shift instead.
 */
import { findLevelShift, type LevelShift, type LevelShiftOptions } from './level-shift.js';
import { periodLabel, seasonLength, type CountSeries } from './series.js';
import { plural } from '../plural.js';

export type Refusal =
  | { readonly code: 'gaps'; readonly message: string; readonly missing: readonly string[] }
  | { readonly code: 'not-finite'; readonly message: string; readonly periods: readonly string[] }
  | { readonly code: 'too-short'; readonly message: string; readonly length: number; readonly needed: number }
  | { readonly code: 'too-sparse'; readonly message: string; readonly mean: number; readonly zeroShare: number }
  | { readonly code: 'constant'; readonly message: string }
  | {
      readonly code: 'level-shift';
      readonly message: string;
      /** First period at the new level. */
      readonly at: string;
      readonly before: number;
      readonly after: number;
      /** Change of level, as a ratio (0.5 = halved). */
      readonly factor: number;
    };

export interface ScreenOptions {
  /** Seasons needed before the backtest window (default 3). */
  readonly minimumSeasons?: number;
  /** Backtest window in periods (default 12). */
  readonly window?: number;
  /** Lowest mean count per period (default 2). */
  readonly minimumMean?: number;
  readonly levelShift?: LevelShiftOptions | false;
  /** After a level shift: train on the data since (default) or refuse. */
  readonly onLevelShift?: 'trim' | 'refuse';
}

export interface ShiftFound {
  /** First period at the new level. */
  readonly at: string;
  readonly before: number;
  readonly after: number;
  readonly factor: number;
  readonly message: string;
}

export type Screened =
  | {
      readonly ok: true;
      /** The values to model: from `from` on. */
      readonly values: number[];
      /** Index of the first value used (0 unless data before a level shift were left out). */
      readonly from: number;
      /** Level shifts after which the earlier data were left out, oldest first. */
      readonly shifts: readonly ShiftFound[];
    }
  | { readonly ok: false; readonly refusal: Refusal };

export function screenSeries(series: CountSeries, options: ScreenOptions = {}): Screened {
  const m = seasonLength(series.frequency);
  const label = (i: number) => periodLabel(series, i);
  const unit = series.frequency;
  const missing = series.values.flatMap((v, i) => (v === null ? [label(i)] : []));
  if (missing.length > 0)
    return refuse({
      code: 'gaps',
      missing,
      message: `${plural(missing.length, unit)} ${missing.length === 1 ? 'has' : 'have'} no data (${list(missing)}); a gap is not a zero, so the series cannot be modelled`,
    });
  const values = series.values as number[];
  const bad = values.flatMap((v, i) => (Number.isFinite(v) ? [] : [label(i)]));
  if (bad.length > 0)
    return refuse({ code: 'not-finite', periods: bad, message: `values are not numbers in ${list(bad)}` });
  const needed = (options.minimumSeasons ?? 3) * m + (options.window ?? 12);
  if (values.length < needed)
    return refuse({
      code: 'too-short',
      length: values.length,
      needed,
      message: `${values.length} ${unit}s of data; a forecast needs ${needed} (three years to fit and ${options.window ?? 12} more to test it against what happened)`,
    });
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const zeroShare = values.filter((v) => v === 0).length / values.length;
  const minimumMean = options.minimumMean ?? 2;
  if (mean < minimumMean || zeroShare > 0.5)
    return refuse({
      code: 'too-sparse',
      mean,
      zeroShare,
      message: `too few events to model (${mean.toFixed(1)} a ${unit} on average, ${Math.round(zeroShare * 100)}% of ${unit}s zero): at these numbers the seasonal pattern is noise`,
    });
  if (values.every((v) => v === values[0]))
    return refuse({ code: 'constant', message: `every ${unit} has the same value (${values[0]})` });
  const shifts: ShiftFound[] = [];
  let from = 0;
  while (options.levelShift !== false) {
    const shift = findLevelShift(values.slice(from), m, options.levelShift || {});
    if (!shift) break;
    const at = from + shift.at;
    const found = describeShift(label(at), shift, unit);
    const left = values.length - at;
    if (options.onLevelShift === 'refuse' || left < needed)
      return refuse({
        code: 'level-shift',
        at: found.at,
        before: shift.before,
        after: shift.after,
        factor: shift.factor,
        message:
          options.onLevelShift === 'refuse'
            ? found.message
            : `${found.message}; only ${left} ${unit}s since then, and a forecast needs ${needed} at a consistent level (possible from ${label(at + needed - 1)})`,
      });
    shifts.push(found);
    from = at;
  }
  return { ok: true, values: values.slice(from), from, shifts };
}

function describeShift(at: string, shift: LevelShift, unit: string): ShiftFound {
  const change = Math.round((shift.factor - 1) * 100);
  return {
    at,
    before: shift.before,
    after: shift.after,
    factor: shift.factor,
    message:
      `the level changes suddenly at ${at}: ${fmt(shift.after)} a ${unit} from then against ${fmt(shift.before)} ` +
      `in the year before (${change > 0 ? '+' : ''}${change}% beyond the usual year-on-year change), the mark of a ` +
      `recording change or a one-off event that a model would otherwise learn as trend`,
  };
}

function refuse(refusal: Refusal): Screened {
  return { ok: false, refusal };
}

function list(labels: readonly string[]): string {
  return labels.length <= 6 ? labels.join(', ') : `${labels.slice(0, 5).join(', ')} and ${labels.length - 5} more`;
}

function fmt(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1);
}
