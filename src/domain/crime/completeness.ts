/**
 * Completeness signals for a force's months: a month whose row count is far below that force's
 * usual month is "suspiciously small" (a truncated download, a partial re-issue allowed with
 * --allow-shrink, a force's recording outage), and a month after the current one cannot hold
 * data yet. Both are facts an analyst must see before trusting a trend.
 */

/** A month under this share of the force's usual (median) month is flagged. */
export const SMALL_SHARE = 0.5;

export interface SmallMonth {
  readonly month: string;
  readonly rows: number;
  /** The median rows of the force's other months. */
  readonly usual: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Months (YYYY-MM -> rows) whose rows are under half the median of the force's other months. */
export function suspiciouslySmall(months: ReadonlyMap<string, number>): SmallMonth[] {
  const entries = [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (entries.length < 2) return [];
  const out: SmallMonth[] = [];
  for (const [month, rows] of entries) {
    const usual = median(entries.filter(([m]) => m !== month).map(([, r]) => r));
    if (usual > 0 && rows < usual * SMALL_SHARE) out.push({ month, rows, usual: Math.round(usual) });
  }
  return out;
}

/** The current month, YYYY-MM, in UTC. */
export function currentMonth(now: Date = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/** Why a month cannot be imported yet, or undefined: data for a month comes after it starts. */
export function futureMonthReason(month: string, now: Date = new Date()): string | undefined {
  const current = currentMonth(now);
  return month > current
    ? `month ${month} is in the future (it is now ${current}): no data can exist for it yet`
    : undefined;
}
