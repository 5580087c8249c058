/**
 * Seeded Poisson random numbers for tests that simulate crime series where the truth is known.
 *
 * Why: a test of "a flat series is not flagged more often than 5%" must be repeatable, so the
 * randomness comes from a seeded generator (pure-rand's xoroshiro128+), never Math.random.
 *
 * Method: for small means, Knuth's multiplication method (Knuth, The Art of Computer Programming
 * vol. 2, 3.4.1); for means of 10 and more, the transformed rejection method PTRS of Hörmann, W.
 * (1993), "The transformed rejection method for generating Poisson random variables", Insurance:
 * Mathematics and Economics 12(1), 39-45 (the method NumPy uses).
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type Sampler = (mean: number) => number;

function knuth(uniform: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let product = uniform(); product > limit; product *= uniform()) k++;
  return k;
}

function ptrs(uniform: () => number, mean: number): number {
  const slam = Math.sqrt(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = uniform() - 0.5;
    const v = uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const accept = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
    if (accept <= -mean + k * Math.log(mean) - gammaln(k + 1)) return k;
  }
}

/** A Poisson sampler driven by a seeded generator: same seed, same draws. */
export function poissonSampler(seed: number): Sampler {
  const rng = xoroshiro128plus(seed);
  const uniform = (): number => uniformFloat64(rng);
  return (mean: number): number => {
    if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`mean must be finite and >= 0, got ${mean}`);
    if (mean === 0) return 0;
    return mean < 10 ? knuth(uniform, mean) : ptrs(uniform, mean);
  };
}

/** A series of independent Poisson counts with the given means. */
export function poissonSeries(sample: Sampler, means: readonly number[]): number[] {
  return means.map((m) => sample(m));
}
