/**
 * Polynomial bookkeeping for seasonal ARIMA: expanding the multiplicative seasonal operators,
 * differencing, and the weights that undo differencing, all as R's arima() defines them.
 *
 * Conventions (R's): the AR operator is 1 - phi_1 B - ... and the MA operator 1 + theta_1 B + ...;
 * the expanded coefficient vectors hold phi_1.. and theta_1.. (index 0 is lag 1).
 */

export interface SarimaOrder {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly P: number;
  readonly D: number;
  readonly Q: number;
  /** Season length (12 monthly, 4 quarterly). */
  readonly s: number;
}

export function orderLabel(o: SarimaOrder): string {
  return `ARIMA(${o.p},${o.d},${o.q})(${o.P},${o.D},${o.Q})[${o.s}]`;
}

/** AR coefficients of (1 - sum ar_i B^i)(1 - sum sar_j B^{js}), as phi_1.. (R's trarma). */
export function expandAr(ar: readonly number[], sar: readonly number[], s: number): number[] {
  const out = new Array<number>(ar.length + s * sar.length).fill(0);
  ar.forEach((a, i) => (out[i]! += a));
  sar.forEach((b, j) => {
    out[(j + 1) * s - 1]! += b;
    ar.forEach((a, i) => (out[(j + 1) * s + i]! -= a * b));
  });
  return out;
}

/** MA coefficients of (1 + sum ma_i B^i)(1 + sum sma_j B^{js}), as theta_1.. */
export function expandMa(ma: readonly number[], sma: readonly number[], s: number): number[] {
  const out = new Array<number>(ma.length + s * sma.length).fill(0);
  ma.forEach((a, i) => (out[i]! += a));
  sma.forEach((b, j) => {
    out[(j + 1) * s - 1]! += b;
    ma.forEach((a, i) => (out[(j + 1) * s + i]! += a * b));
  });
  return out;
}

/**
 * The differencing operator (1 - B)^d (1 - B^s)^D written as 1 - sum c_k B^k: returns c_1..c_K,
 * so that y_t = w_t + sum c_k y_{t-k} undoes it.
 */
export function differencingWeights(d: number, D: number, s: number): number[] {
  let poly = [1];
  const times = (other: number[]) => {
    const out = new Array<number>(poly.length + other.length - 1).fill(0);
    poly.forEach((a, i) => other.forEach((b, j) => (out[i + j]! += a * b)));
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  const seasonal = new Array<number>(s + 1).fill(0);
  seasonal[0] = 1;
  seasonal[s] = -1;
  for (let i = 0; i < D; i++) times(seasonal);
  return poly.slice(1).map((c) => (c === 0 ? 0 : -c));
}

/** w_t = y_t - sum c_k y_{t-k}, for t from K (the number of weights) on. */
export function difference(y: readonly number[], weights: readonly number[]): number[] {
  const k = weights.length;
  const w: number[] = [];
  for (let t = k; t < y.length; t++) {
    let v = y[t]!;
    for (let j = 0; j < k; j++) v -= weights[j]! * y[t - j - 1]!;
    w.push(v);
  }
  return w;
}

/** Power-series weights eta_0.. of 1 / (1 - sum c_k B^k), up to lag h - 1. */
export function integrationWeights(weights: readonly number[], h: number): number[] {
  const eta = [1];
  for (let j = 1; j < h; j++) {
    let v = 0;
    for (let k = 1; k <= Math.min(j, weights.length); k++) v += weights[k - 1]! * eta[j - k]!;
    eta.push(v);
  }
  return eta;
}
