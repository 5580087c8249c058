/**
 * Ranking by harm and by volume side by side. Where the two rankings disagree is the point: a
 * category or area that is mid-table by volume can be top by harm (robbery, rape) and the other
 * way round (shoplifting, anti-social behaviour).
 *
 * Pure: no I/O.
 */
import { inputError } from '../../errors.js';
import type { HarmResult } from './harm.js';

export interface RankInput {
  readonly key: string;
  /** Count of crimes (or incidents). */
  readonly volume: number;
  /** Harm, or `null` when the item has no weight (it is ranked by volume only). */
  readonly harm: number | null;
}

export interface RankRow {
  readonly key: string;
  readonly volume: number;
  readonly harm: number | null;
  /** 1 = largest volume. Ties share a rank ("1, 2, 2, 4"). */
  readonly volumeRank: number;
  /** 1 = largest harm; `null` for items without a weight. Ties share a rank. */
  readonly harmRank: number | null;
  /**
   * volumeRank - harmRank: positive when the item ranks higher (nearer 1) by harm than by
   * volume, negative when lower; `null` when it has no harm rank.
   */
  readonly rankDifference: number | null;
  /** Share of total volume (0-1), over all items; `null` if total volume is 0. */
  readonly volumeShare: number | null;
  /** Share of total harm (0-1), over weighted items; `null` if unweighted or total harm is 0. */
  readonly harmShare: number | null;
}

/** Standard competition ranks ("1224") for values in descending order. */
function competitionRanks<T>(items: readonly T[], value: (t: T) => number, key: (t: T) => string): Map<string, number> {
  const sorted = [...items].sort((a, b) => value(b) - value(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const ranks = new Map<string, number>();
  let prev: number | undefined;
  let prevRank = 0;
  sorted.forEach((item, i) => {
    const v = value(item);
    const rank = prev !== undefined && v === prev ? prevRank : i + 1;
    ranks.set(key(item), rank);
    prev = v;
    prevRank = rank;
  });
  return ranks;
}

/**
 * Rank items by volume and by harm. Rows come back in harm order (weighted items by harm rank,
 * then unweighted items by volume rank), ties broken by key so the output is deterministic.
 */
export function rankByHarmAndVolume(items: Iterable<RankInput>): RankRow[] {
  const list = [...items];
  const seen = new Set<string>();
  for (const it of list) {
    if (seen.has(it.key)) throw inputError(`Ranking: key "${it.key}" appears twice`, { key: it.key });
    seen.add(it.key);
    if (!Number.isFinite(it.volume)) throw inputError(`Ranking: volume of "${it.key}" is not a finite number`);
    if (it.harm !== null && !Number.isFinite(it.harm))
      throw inputError(`Ranking: harm of "${it.key}" is not a finite number`);
  }
  const volumeRanks = competitionRanks(
    list,
    (t) => t.volume,
    (t) => t.key,
  );
  const weighted = list.filter((t) => t.harm !== null);
  const harmRanks = competitionRanks(
    weighted,
    (t) => t.harm ?? 0,
    (t) => t.key,
  );
  const totalVolume = list.reduce((s, t) => s + t.volume, 0);
  const totalHarm = weighted.reduce((s, t) => s + (t.harm ?? 0), 0);
  const rows: RankRow[] = list.map((t) => {
    const volumeRank = volumeRanks.get(t.key) ?? 0;
    const harmRank = t.harm === null ? null : (harmRanks.get(t.key) ?? null);
    return {
      key: t.key,
      volume: t.volume,
      harm: t.harm,
      volumeRank,
      harmRank,
      rankDifference: harmRank === null ? null : volumeRank - harmRank,
      volumeShare: totalVolume === 0 ? null : t.volume / totalVolume,
      harmShare: t.harm === null || totalHarm === 0 ? null : t.harm / totalHarm,
    };
  });
  rows.sort((a, b) => {
    if (a.harmRank !== null && b.harmRank !== null)
      return a.harmRank - b.harmRank || a.volumeRank - b.volumeRank || cmp(a.key, b.key);
    if (a.harmRank !== null) return -1;
    if (b.harmRank !== null) return 1;
    return a.volumeRank - b.volumeRank || cmp(a.key, b.key);
  });
  return rows;
}

/** Rank the keys of one harm result (weighted and unweighted keys together). */
export function rankHarmResult(result: HarmResult): RankRow[] {
  return rankByHarmAndVolume([
    ...result.lines.map((l) => ({ key: l.key, volume: l.count, harm: l.harm })),
    ...result.unweighted.map((u) => ({ key: u.key, volume: u.count, harm: null })),
  ]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
