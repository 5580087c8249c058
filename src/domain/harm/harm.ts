/**
 * Harm totals: counts x weights, with every count that has no weight reported, never dropped.
 *
 * Pure: no I/O.
 */
import { inputError } from '../../errors.js';
import type { HarmIndex, WeightKeyKind, WeightsTable } from './weights.js';

/**
 * Counts keyed by offence code or police.uk category: a Map, a plain object, or [key, count]
 * pairs (repeated keys are added together). Counts must be finite numbers; negative values are
 * accepted because the Home Office tables publish negative recording adjustments, and fractional
 * values because some published counts (UK Finance) are not whole numbers.
 */
export type Counts =
  ReadonlyMap<string, number> | Readonly<Record<string, number>> | Iterable<readonly [string, number]>;

/** Turn any `Counts` into a Map, summing repeated keys and refusing non-finite counts. */
export function toCountMap(counts: Counts): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, value: number): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw inputError(`Count for "${key}" is not a finite number: ${String(value)}`, { key });
    }
    out.set(key, (out.get(key) ?? 0) + value);
  };
  if (counts instanceof Map) {
    for (const [k, v] of counts) add(k, v);
  } else if (typeof (counts as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [k, v] of counts as Iterable<readonly [string, number]>) add(k, v);
  } else {
    for (const [k, v] of Object.entries(counts as Record<string, number>)) add(k, v);
  }
  return out;
}

export interface HarmLine {
  readonly key: string;
  readonly count: number;
  readonly weight: number;
  readonly harm: number;
}

/** Why a count carries no harm. */
export type UnweightedReason =
  /** The key is in the table but has no published weight (e.g. anti-social behaviour, fraud). */
  | 'no-published-weight'
  /** The key is not in the table at all (unknown code or category). */
  | 'not-in-table';

export interface UnweightedLine {
  readonly key: string;
  readonly count: number;
  readonly reason: UnweightedReason;
  /** The table's own explanation (for `no-published-weight`), or a generic one. */
  readonly note: string;
}

export interface HarmResult {
  readonly index: HarmIndex;
  readonly keyKind: WeightKeyKind;
  readonly edition: string;
  readonly unit: string;
  /** Sum of count x weight over the weighted keys. */
  readonly total: number;
  /** Sum of counts that have a weight. */
  readonly weightedCount: number;
  /** Sum of counts that have no weight (reported in `unweighted`). */
  readonly unweightedCount: number;
  /** One line per weighted key with a non-zero count, in key order. */
  readonly lines: readonly HarmLine[];
  /** Keys with a non-zero count and no weight, in key order. Empty when every count is weighted. */
  readonly unweighted: readonly UnweightedLine[];
  /** True when nothing was left unweighted. */
  readonly complete: boolean;
}

/**
 * Harm of a set of counts under a weights table: total = sum of count x weight.
 * Counts whose key has no weight (or is unknown to the table) do not add to the total; they are
 * listed in `unweighted` with the reason, so a caller can print "N incidents of anti-social
 * behaviour have no published weight" instead of silently treating them as harmless.
 * Keys with a zero count are ignored.
 */
export function harmOf(counts: Counts, table: WeightsTable): HarmResult {
  const map = toCountMap(counts);
  const keys = [...map.keys()].sort(compareKeys);
  const lines: HarmLine[] = [];
  const unweighted: UnweightedLine[] = [];
  let total = 0;
  let weightedCount = 0;
  let unweightedCount = 0;
  for (const key of keys) {
    const count = map.get(key) ?? 0;
    if (count === 0) continue;
    const w = table.weights.get(key);
    if (w === undefined) {
      unweighted.push({
        key,
        count,
        reason: 'not-in-table',
        note: `"${key}" is not a ${table.keyKind === 'offence-code' ? 'Home Office offence code' : 'police.uk category'} in the ${table.index} weights (${table.edition})`,
      });
      unweightedCount += count;
    } else if (w.weight === null) {
      unweighted.push({ key, count, reason: 'no-published-weight', note: w.derivation });
      unweightedCount += count;
    } else {
      const harm = count * w.weight;
      lines.push({ key, count, weight: w.weight, harm });
      total += harm;
      weightedCount += count;
    }
  }
  return {
    index: table.index,
    keyKind: table.keyKind,
    edition: table.edition,
    unit: table.unit,
    total,
    weightedCount,
    unweightedCount,
    lines,
    unweighted,
    complete: unweighted.length === 0,
  };
}

/** Natural-ish key order: numeric prefix first (so 8N < 10A < 104), then the rest as text. */
export function compareKeys(a: string, b: string): number {
  const na = Number.parseFloat(a);
  const nb = Number.parseFloat(b);
  const aNum = Number.isFinite(na);
  const bNum = Number.isFinite(nb);
  if (aNum && bNum && na !== nb) return na - nb;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
