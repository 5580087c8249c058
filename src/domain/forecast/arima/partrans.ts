/**
 * Keeps AR operators stationary and MA operators invertible during optimisation, by optimising
 * unconstrained numbers mapped to partial autocorrelations in (-1, 1) (tanh) and then to
 * coefficients by the Durbin-Levinson recursion. Jones, R.H. (1980), "Maximum likelihood fitting
 * of ARMA models to time series with missing observations", Technometrics 22(3), 389-395; the
 * code follows R's `partrans` / `invpartrans` (src/library/stats/src/arima.c).
 *
 * R applies it to the AR parts only and flips non-invertible MA roots after fitting; we apply it
 * to the MA parts too (an MA operator 1 + theta B is invertible exactly when 1 - (-theta) B is
 * stationary), which reaches the same likelihood without the flip.
 */

/** Unconstrained values -> stationary AR coefficients phi_1..phi_p. */
export function toStationary(raw: readonly number[]): number[] {
  const p = raw.length;
  const next = raw.map(Math.tanh);
  const work = [...next];
  for (let j = 1; j < p; j++) {
    const a = next[j]!;
    for (let k = 0; k < j; k++) work[k]! -= a * next[j - k - 1]!;
    for (let k = 0; k < j; k++) next[k] = work[k]!;
  }
  return next;
}

/** The inverse: stationary AR coefficients -> unconstrained values (for starting points). */
export function fromStationary(phi: readonly number[]): number[] {
  const p = phi.length;
  const next = [...phi];
  const work = [...phi];
  for (let j = p - 1; j > 0; j--) {
    const a = next[j]!;
    for (let k = 0; k < j; k++) work[k] = (next[k]! + a * next[j - k - 1]!) / (1 - a * a);
    for (let k = 0; k < j; k++) next[k] = work[k]!;
  }
  // Coefficients at or beyond the boundary are pulled just inside it.
  return next.map((v) => Math.atanh(Math.max(-0.999, Math.min(0.999, v))));
}

/** Unconstrained values -> invertible MA coefficients theta_1..theta_q. */
export const toInvertible = (raw: readonly number[]): number[] => toStationary(raw).map((v) => -v);

export const fromInvertible = (theta: readonly number[]): number[] => fromStationary(theta.map((v) => -v));
