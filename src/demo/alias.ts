/**
 * Weighted sampling in O(1) per draw (Vose's alias method): picking a category, an LSOA or an
 * outcome label from real-data proportions is done millions of times by the benchmark generator.
 */
import type { Rng } from './rng.js';

export class AliasTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    const total = weights.reduce((a, b) => a + b, 0);
    if (n === 0 || !(total > 0)) throw new Error('AliasTable needs at least one positive weight');
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) {
      this.prob[i] = 1;
      this.alias[i] = i;
    }
  }

  /** An index in [0, size), with probability proportional to its weight. One random draw. */
  sample(rng: Rng): number {
    const u = rng.float() * this.size;
    const i = u | 0;
    return u - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }
}

/** An alias table over labelled weights, sampling the label. */
export class WeightedChoice<T> {
  private readonly table: AliasTable;
  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length) throw new Error('items and weights differ in length');
    this.table = new AliasTable(weights);
  }
  static fromEntries<T>(entries: readonly (readonly [T, number])[]): WeightedChoice<T> {
    return new WeightedChoice(
      entries.map((e) => e[0]),
      entries.map((e) => e[1]),
    );
  }
  sample(rng: Rng): T {
    return this.items[this.table.sample(rng)] as T;
  }
}
