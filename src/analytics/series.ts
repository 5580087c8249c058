/**
 * A monthly series for charting: the count each month, the seasonal baseline (same month in the
 * previous 3 years) and control limits that allow for over-dispersion (see
 * src/domain/stats/control-limits.ts). A month missing from the warehouse is a gap (null), never
 * zero; limits are computed on the unbroken run of months after the last gap.
 */
import { addMonths, monthRange, type Month } from '../domain/crime/month.js';
import { controlLimits, type ControlFlag } from '../domain/stats/control-limits.js';
import type { AreaDimension } from '../warehouse/dimensions.js';
import type { Warehouse } from '../warehouse/reader.js';
import { periodCounts } from './period-counts.js';

export interface SeriesQuery {
  readonly from: Month;
  readonly to: Month;
  readonly where?: Partial<Record<AreaDimension, string>>;
  readonly forces?: readonly string[];
  readonly categories?: readonly string[];
  readonly confidenceLevel?: number;
}

export interface SeriesPoint {
  readonly month: string;
  readonly count: number | null;
  readonly expected: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly flag: ControlFlag | 'insufficient-data' | 'no-data';
}

export interface Series {
  readonly points: SeriesPoint[];
  readonly method: string;
  /** Force-months without data inside the range shown: each makes its month a gap. */
  readonly missing: { force: string; month: string }[];
}

export const SERIES_METHOD =
  'Expected = mean of the same month in the previous 3 years; 95% limits on the 2/3-power scale with the dispersion estimated from the baseline years ' +
  '(Farrington et al. 1996, simplified); a month outside them is flagged. Months missing from the warehouse are gaps.';

/** Years of history read before `from`, so the first months shown have a baseline. */
const BASELINE_YEARS = 3;

export async function monthlySeries(wh: Warehouse, q: SeriesQuery): Promise<Series> {
  const full = await seriesFrom(wh, { ...q, from: addMonths(q.from, -12 * BASELINE_YEARS) });
  // Months before the data begin are gaps: dropping them keeps the baseline honest.
  return {
    ...full,
    points: full.points.filter((p) => p.month >= q.from),
    missing: full.missing.filter((m) => m.month >= q.from),
  };
}

async function seriesFrom(wh: Warehouse, q: SeriesQuery): Promise<Series> {
  const months = monthRange(q.from, q.to);
  const counts = await periodCounts(wh, {
    areas: [],
    byCategory: false,
    where: q.where,
    forces: q.forces,
    categories: q.categories,
    periods: months.map((m) => ({ label: m, first: m, last: m })),
  });
  const cell = counts.cells[0];
  const values = months.map((m) => {
    const c = cell ? counts.count(cell.key, m) : undefined;
    return c === undefined ? 0 : c.complete ? c.count : null;
  });
  // No crime at all in the range still has coverage: months with data count as zero.
  const gapsKnown = new Set(counts.missing.map((g) => g.month));
  const observed = values.map((v, i) => (cell ? v : gapsKnown.has(months[i]!) ? null : 0));
  const lastGap = observed.lastIndexOf(null);
  const run = observed.slice(lastGap + 1) as number[];
  const limits = controlLimits(run, { confidenceLevel: q.confidenceLevel ?? 0.95 });
  const points = months.map((month, i): SeriesPoint => {
    const count = observed[i] ?? null;
    if (count === null) return { month, count, expected: null, lower: null, upper: null, flag: 'no-data' };
    const p = i > lastGap ? limits[i - lastGap - 1] : undefined;
    if (!p) return { month, count, expected: null, lower: null, upper: null, flag: 'insufficient-data' };
    const lim = p.status === 'ok' ? p : p.limits;
    return {
      month,
      count,
      expected: lim?.expected ?? null,
      lower: lim?.lower ?? null,
      upper: lim?.upper ?? null,
      flag: p.flag,
    };
  });
  return { points, method: SERIES_METHOD, missing: counts.missing };
}
