/**
 * Rolling-origin backtest (Tashman 2000, "Out-of-sample tests of forecasting accuracy: an analysis
 * and review", International Journal of Forecasting 16(4), 437-450): pretend to stand at each of
 * the last `window` periods in turn, forecast up to `horizon` steps from there with only the data
 * before it, and score the forecasts against what happened.
 *
 * Refitting: by default (`once`) each method is fitted on the data before the first origin and its
 * parameters kept, its states being carried forward through later observations ("updating without
 * recalibration" in Tashman's terms): honest (the parameters never see the test data) and cheap
 * enough to run for every area x category series of a force. `each-origin` refits at every origin.
 */
import { AccuracyTally, maseScale } from './accuracy.js';
import type { ForecastMethod, MethodId } from './types.js';

export interface BacktestOptions {
  /** How many final periods serve as forecast origins (default 12). */
  readonly window?: number;
  /** Longest horizon scored from each origin (default 12). */
  readonly horizon?: number;
  readonly refit?: 'once' | 'each-origin';
  readonly levels?: readonly number[];
}

export interface MethodBacktest {
  readonly method: MethodId;
  /** The specification fitted at the first origin (e.g. `ETS(A,Ad,A)`). */
  readonly label: string;
  readonly status: 'scored' | 'failed';
  /** Why the method could not be fitted (when failed). */
  readonly reason?: string;
  readonly mase: number;
  readonly meanAbsoluteError: number;
  /** Share of actuals inside the 80% and 95% intervals. */
  readonly coverage80: number;
  readonly coverage95: number;
  /** Forecasts scored (origin x horizon pairs). */
  readonly points: number;
}

export const DEFAULT_WINDOW = 12;
export const DEFAULT_HORIZON = 12;

export function backtest(
  y: readonly number[],
  m: number,
  methods: readonly ForecastMethod[],
  options: BacktestOptions = {},
): MethodBacktest[] {
  const window = options.window ?? DEFAULT_WINDOW;
  const horizon = options.horizon ?? DEFAULT_HORIZON;
  const levels = options.levels ?? [0.8, 0.95];
  const firstOrigin = y.length - window;
  if (firstOrigin < 2 * m) throw new RangeError(`backtest needs ${2 * m + window} values, got ${y.length}`);
  return methods.map((method) => {
    const tally = new AccuracyTally();
    const first = method.fit(y.slice(0, firstOrigin), m);
    if (!first.ok) return failed(method.id, first.reason);
    for (let origin = firstOrigin; origin < y.length; origin++) {
      const training = y.slice(0, origin);
      let model = first.model;
      if (options.refit === 'each-origin' && origin > firstOrigin) {
        const refit = method.fit(training, m);
        if (!refit.ok) return failed(method.id, refit.reason);
        model = refit.model;
      }
      const h = Math.min(horizon, y.length - origin);
      const path = model.forecast(h, levels, training);
      const scale = maseScale(training, m);
      for (let k = 0; k < h; k++) {
        tally.add(
          y[origin + k]!,
          path.mean[k]!,
          scale > 0 ? scale : 1,
          path.intervals.map((i) => ({ level: i.level, lower: i.lower[k]!, upper: i.upper[k]! })),
        );
      }
    }
    return {
      method: method.id,
      label: first.model.label,
      status: 'scored',
      mase: tally.mase,
      meanAbsoluteError: tally.meanAbsoluteError,
      coverage80: tally.coverage(0.8),
      coverage95: tally.coverage(0.95),
      points: tally.points,
    };
  });
}

function failed(method: MethodId, reason: string): MethodBacktest {
  return {
    method,
    label: method,
    status: 'failed',
    reason,
    mase: Number.NaN,
    meanAbsoluteError: Number.NaN,
    coverage80: Number.NaN,
    coverage95: Number.NaN,
    points: 0,
  };
}
