/**
 * Forecast accuracy measures used to choose and to report a model.
 *
 * MASE, the mean absolute scaled error (Hyndman & Koehler 2006, "Another look at measures of
 * forecast accuracy", International Journal of Forecasting 22(4), 679-688): each error is divided
 * by the mean absolute seasonal difference of the training data, i.e. by the in-sample error of
 * the seasonal naive forecast. It can be compared across series of any size, and a MASE below
 * the seasonal naive's own in the same backtest means the model beat the benchmark.
 *
 * Coverage: the share of actual values that fell inside the prediction interval; an honest 80%
 * interval should hold about 80% of them.
 */

/** Mean absolute seasonal difference of the training data (the MASE scale). */
export function maseScale(training: readonly number[], m: number): number {
  let sum = 0;
  let n = 0;
  for (let t = m; t < training.length; t++) {
    sum += Math.abs(training[t]! - training[t - m]!);
    n++;
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Accumulates scaled errors and interval hits over a backtest. */
export class AccuracyTally {
  private scaledErrorSum = 0;
  private count = 0;
  private readonly hits = new Map<number, number>();
  private absoluteErrorSum = 0;

  add(
    actual: number,
    forecast: number,
    scale: number,
    intervals: readonly { level: number; lower: number; upper: number }[],
  ): void {
    const error = Math.abs(actual - forecast);
    this.scaledErrorSum += error / scale;
    this.absoluteErrorSum += error;
    this.count++;
    for (const i of intervals) {
      if (actual >= i.lower && actual <= i.upper) this.hits.set(i.level, (this.hits.get(i.level) ?? 0) + 1);
      else if (!this.hits.has(i.level)) this.hits.set(i.level, 0);
    }
  }

  get points(): number {
    return this.count;
  }

  get mase(): number {
    return this.count === 0 ? Number.NaN : this.scaledErrorSum / this.count;
  }

  get meanAbsoluteError(): number {
    return this.count === 0 ? Number.NaN : this.absoluteErrorSum / this.count;
  }

  /** Share of actuals inside the interval at `level` (NaN when none was scored). */
  coverage(level: number): number {
    return this.count === 0 ? Number.NaN : (this.hits.get(level) ?? 0) / this.count;
  }
}
