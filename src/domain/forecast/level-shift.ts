/**
 * Finds a sudden change of level in a seasonal count series: the mark of a recording change
 * (a category withdrawn or introduced, a new crime-recording system, a counting-rule change) or of
 * an event such as the 2020 lockdowns, which a forecasting model would otherwise learn as trend
 * or seasonality.
 *
 * Method: compare each period with the same period a year earlier, g_t = log((y_t + 1/2) /
 * (y_{t-m} + 1/2)) (the halves keep zeros finite). Ordinary growth moves every g_t a little; a
 * step of size f at period tau moves the m values g_tau..g_{tau+m-1} (each compares a period after
 * the step with one before it) by log f, then they return to normal. So the mean of m consecutive
 * g's, against the median of all of them, measures a step; its noise is estimated robustly from
 * the g's themselves (1.4826 x median absolute deviation, not upset by the step's own values when
 * the step covers under half the series). A shift is reported when the step is both large in
 * practice (by default at least 20% up or down) and far outside the series' own year-on-year
 * noise (by default at least 4 standard errors). Steps in the last season are judged on the
 * periods after them (at least half a season). At most the largest step is reported.
 */

export interface LevelShiftOptions {
  /** Smallest step reported, as a share of the level (default 0.2: 20% up or down). */
  readonly minimumChange?: number;
  /** Smallest step reported, in standard errors of the year-on-year noise (default 4). */
  readonly minimumZ?: number;
}

export interface LevelShift {
  /** Index of the first period at the new level. */
  readonly at: number;
  /** Mean of the season before and of the (up to) season from `at`. */
  readonly before: number;
  readonly after: number;
  /** The step as a ratio of year-on-year changes, against the series' typical one (1.25 = +25%). */
  readonly factor: number;
  readonly z: number;
}

export function findLevelShift(y: readonly number[], m: number, options: LevelShiftOptions = {}): LevelShift | null {
  const minLog = Math.log(1 + (options.minimumChange ?? 0.2));
  const minZ = options.minimumZ ?? 4;
  const n = y.length;
  if (n < 2 * m + Math.ceil(m / 2)) return null;
  const g: number[] = [];
  for (let t = m; t < n; t++) g.push(Math.log((y[t]! + 0.5) / (y[t - m]! + 0.5)));
  const centre = median(g);
  // Floor on the noise: counts cannot be steadier than Poisson variation allows (the log of a ratio
  // of two Poisson counts of mean mu has variance about 2 / mu).
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const noise = Math.max(1.4826 * median(g.map((v) => Math.abs(v - centre))), Math.sqrt(2 / Math.max(mean, 0.5)));
  let best: LevelShift | null = null;
  for (let at = m; at <= n - Math.ceil(m / 2); at++) {
    const k = Math.min(m, n - at);
    let sum = 0;
    for (let t = at; t < at + k; t++) sum += g[t - m]!;
    const step = sum / k - centre;
    const z = step / (noise / Math.sqrt(k));
    if (Math.abs(step) < minLog || Math.abs(z) < minZ) continue;
    if (best && Math.abs(z) <= Math.abs(best.z)) continue;
    best = {
      at,
      before: average(y.slice(at - m, at)),
      after: average(y.slice(at, at + k)),
      factor: Math.exp(step),
      z,
    };
  }
  return best;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
