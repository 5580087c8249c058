/**
 * Seeded standard normal draws for simulated prediction intervals and simulation tests.
 *
 * Why seeded: a forecast must be reproducible (the same data give the same interval in the web
 * page, the CLI and the document), so simulation never uses Math.random. pure-rand's
 * xoroshiro128+ gives the uniforms (as in src/demo and the statistics tests); the polar method of
 * Marsaglia & Bray (1964) turns pairs of them into independent normals.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type NormalSource = () => number;

export function normalSource(seed: number): NormalSource {
  const rng = xoroshiro128plus(seed | 0);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const v = spare;
      spare = undefined;
      return v;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * uniformFloat64(rng) - 1;
      v = 2 * uniformFloat64(rng) - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    return u * factor;
  };
}
