/**
 * Poisson counts: how many crimes land in a cell (LSOA x category x month) given its expected
 * volume. Knuth's multiplication method below lambda 30 (exact, cheap for the small cells that are
 * the norm) and Hörmann's PTRS transformed rejection above (exact, constant expected time).
 * W. Hörmann, "The transformed rejection method for generating Poisson random variables",
 * Insurance: Mathematics and Economics 12 (1993) 39-45.
 */
import type { Rng } from './rng.js';

const KNUTH_LIMIT = 30;

export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < KNUTH_LIMIT) return knuth(rng, lambda);
  return ptrs(rng, lambda);
}

function knuth(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.float();
  while (p > limit) {
    k++;
    p *= rng.float();
  }
  return k;
}

function ptrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.float() - 0.5;
    const v = rng.float();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k))
      return k;
  }
}

const LOG_FACTORIAL_TABLE: number[] = [0];
for (let i = 1; i < 256; i++) LOG_FACTORIAL_TABLE.push((LOG_FACTORIAL_TABLE[i - 1] as number) + Math.log(i));

/** ln(k!), exact from a table for small k, Stirling's series beyond. */
export function logFactorial(k: number): number {
  const t = LOG_FACTORIAL_TABLE[k];
  if (t !== undefined) return t;
  const n = k + 1;
  return (
    (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * n ** 3) + 1 / (1260 * n ** 5)
  );
}
