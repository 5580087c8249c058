/**
 * Seeded standard normal draws for simulated prediction intervals and simulation tests.
 *
 * Why seeded: a forecast must be reproducible (the same data give the same interval in the web
 * page, the CLI and the document), so simulation never uses Math.random. pure-rand's
 * xoroshiro128+ gives 32-bit uniforms (as in src/demo/rng.ts: one generator call per uniform,
 * which is fast enough to simulate thousands of paths in a backtest); the polar method of
 * Marsaglia & Bray (1964) turns pairs of them into independent normals.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type NormalSource = () => number;

const TWO_POW_MINUS_32 = 2 ** -32;

export function normalSource(seed: number): NormalSource {
  const gen = xoroshiro128plus(seed | 0);
  for (let i = 0; i < 8; i++) gen.next(); // let the state mix away from the seed's bits
  const uniform = () => ((gen.next() >>> 0) + 0.5) * TWO_POW_MINUS_32;
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = Number.NaN;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    return u * factor;
  };
}
