/**
 * The generator's source of randomness: pure-rand's xoroshiro128+ behind a small, fast API.
 * Every file gets its own stream derived from (seed, labels), so a force-month's bytes do not
 * depend on which other files or kinds were generated alongside it.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const TWO_POW_MINUS_32 = 2 ** -32;

/** FNV-1a over the text, finished with murmur3's fmix32: a well-mixed 32-bit seed. */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  const text = [String(seed), ...labels.map(String)].join('\u0000');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const HEX4: string[] = [];
for (let i = 0; i < 65536; i++) HEX4.push(i.toString(16).padStart(4, '0'));

export class Rng {
  private readonly gen: RandomGenerator;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed | 0);
    // xoroshiro's first outputs still echo the seed's bits; let the state mix first.
    for (let i = 0; i < 8; i++) this.gen.next();
  }

  /** A stream for one purpose, e.g. `Rng.derive(seed, 'street', 'west-mercia', '2018-03')`. */
  static derive(seed: number, ...labels: readonly (string | number)[]): Rng {
    return new Rng(deriveSeed(seed, ...labels));
  }

  /** 32 random bits as an unsigned integer. */
  uint32(): number {
    return this.gen.next() >>> 0;
  }

  /** Uniform in [0, 1), 32 bits of resolution (enough here, and one draw per call). */
  float(): number {
    return (this.gen.next() >>> 0) * TWO_POW_MINUS_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box-Muller, second value cached). */
  normal(): number {
    const spare = this.spareNormal;
    if (spare !== undefined) {
      this.spareNormal = undefined;
      return spare;
    }
    let u = 0;
    while (u === 0) u = this.float();
    const v = this.float();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with median 1 and the given sigma of the log. */
  lognormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty array');
    return item;
  }

  /** 64 lower-case hex digits, the shape of a police.uk Crime ID (a SHA-256 in the real data). */
  hex64(): string {
    let s = '';
    for (let i = 0; i < 8; i++) {
      const x = this.gen.next();
      s += (HEX4[(x >>> 16) & 0xffff] as string) + (HEX4[x & 0xffff] as string);
    }
    return s;
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
  }
}
