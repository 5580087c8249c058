/**
 * Where officer time goes, where the system records it: total hours by class, and typical times
 * from opening to arrival (response) and to closing (duration), as medians and 90th percentiles
 * (averages would be pulled by the few incidents left open for days).
 *
 * Speed: values are gathered into typed arrays sized by a counting pass, and each percentile is
 * found exactly without sorting: a histogram pass locates the bin holding the wanted rank, and
 * only that bin's few values are then ordered. A million incidents take milliseconds.
 */
import type { IncidentTable } from '../incident-table.js';
import { DEMAND_CLASSES, GRADES, type DemandClass, type Grade } from '../vocabulary.js';
import { select, type Selection } from './selection.js';

export interface Spread {
  /** Incidents with the figure recorded. */
  readonly incidents: number;
  readonly median: number;
  readonly p90: number;
}

export interface TimeSpent {
  readonly total: number;
  /** Incidents with officer time recorded, and the hours. */
  readonly officer: {
    readonly incidents: number;
    readonly hours: number;
    readonly byClass: { readonly demandClass: DemandClass; readonly hours: number; readonly shareOfHours: number }[];
  };
  readonly responseMinutes: Spread & { readonly byGrade: { readonly grade: Grade; readonly spread: Spread }[] };
  readonly durationMinutes: Spread;
}

export function timeSpent(table: IncidentTable, selection: Selection = {}): TimeSpent {
  const { from, to, count } = select(table, selection);
  // Locals, not property reads in the loops: these run over a million rows.
  const {
    size,
    day,
    officerMinutes: officer,
    responseMinutes: response,
    durationMinutes: duration,
    grade,
    demandClass,
  } = table;
  const hoursByClass = new Float64Array(DEMAND_CLASSES.length);
  let officerIncidents = 0;
  let officerTotal = 0;
  const responsesByGrade = new Int32Array(GRADES.length);
  let durations = 0;
  for (let i = 0; i < size; i++) {
    const d = day[i]!;
    if (d < from || d > to) continue;
    const minutes = officer[i]!;
    if (minutes === minutes) {
      officerIncidents++;
      officerTotal += minutes;
      hoursByClass[demandClass[i]!]! += minutes;
    }
    if (response[i] === response[i]) responsesByGrade[grade[i]!]!++;
    if (duration[i] === duration[i]) durations++;
  }
  // Responses grouped by grade in one array (a counting sort), so each grade is a view of it.
  const all = new Float64Array(responsesByGrade.reduce((x, y) => x + y, 0));
  const start = new Int32Array(GRADES.length + 1);
  for (let g = 0; g < GRADES.length; g++) start[g + 1] = start[g]! + responsesByGrade[g]!;
  const next = start.slice(0, GRADES.length);
  const durationValues = new Float64Array(durations);
  let b = 0;
  for (let i = 0; i < size; i++) {
    const d = day[i]!;
    if (d < from || d > to) continue;
    const r = response[i]!;
    if (r === r) all[next[grade[i]!]!++] = r;
    const x = duration[i]!;
    if (x === x) durationValues[b++] = x;
  }
  const byGrade = GRADES.map((_, g) => all.subarray(start[g]!, start[g + 1]!));
  const hours = officerTotal / 60;
  return {
    total: count,
    officer: {
      incidents: officerIncidents,
      hours,
      byClass: DEMAND_CLASSES.map((demandClass, c) => ({
        demandClass,
        hours: hoursByClass[c]! / 60,
        shareOfHours: hours > 0 ? hoursByClass[c]! / 60 / hours : Number.NaN,
      }))
        .filter((r) => r.hours > 0)
        .sort((x, y) => y.hours - x.hours),
    },
    responseMinutes: {
      ...spreadOf(all),
      byGrade: GRADES.flatMap((grade, g) => (byGrade[g]!.length ? [{ grade, spread: spreadOf(byGrade[g]!) }] : [])),
    },
    durationMinutes: spreadOf(durationValues),
  };
}

/** Median and 90th percentile (nearest rank) of a list of numbers. */
export function spread(values: readonly number[]): Spread {
  return spreadOf(Float64Array.from(values));
}

/** As `spread`, for a typed array (left unchanged). */
export function spreadOf(v: Float64Array): Spread {
  const n = v.length;
  if (n === 0) return { incidents: 0, median: Number.NaN, p90: Number.NaN };
  const k90 = Math.min(n - 1, Math.max(0, Math.ceil(0.9 * n) - 1));
  const [lowMid, highMid, p90] = ranks(v, [(n - 1) >> 1, n >> 1, k90]);
  return { incidents: n, median: (lowMid! + highMid!) / 2, p90: p90! };
}

const BINS = 4096; // the last bin (index BINS) holds the maximum alone

/** The values of the given 0-based ranks in ascending order of v. */
function ranks(v: Float64Array, wanted: readonly number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min === max) return wanted.map(() => min);
  const scale = BINS / (max - min);
  const counts = new Int32Array(BINS + 1);
  for (let i = 0; i < v.length; i++) counts[((v[i]! - min) * scale) | 0]!++;
  // The bin of each wanted rank, and how many values lie below it.
  const bins = wanted.map((k) => {
    let b = 0;
    let below = 0;
    while (below + counts[b]! <= k) below += counts[b++]!;
    return { b, below };
  });
  // Gather the values of those bins (marked in a lookup array: no map access per value).
  const slot = new Int8Array(BINS + 1).fill(-1);
  const lists: number[][] = [];
  for (const { b } of bins) if (slot[b] === -1) slot[b] = lists.push([]) - 1;
  for (let i = 0; i < v.length; i++) {
    const s = slot[((v[i]! - min) * scale) | 0]!;
    if (s >= 0) lists[s]!.push(v[i]!);
  }
  const sorted = lists.map((list) => Float64Array.from(list).sort());
  return wanted.map((k, j) => sorted[slot[bins[j]!.b]!]![k - bins[j]!.below]!);
}
