/**
 * Input checks shared by the statistics modules.
 *
 * Why: every public function in this folder rejects impossible inputs (negative or fractional
 * counts, zero exposures, probabilities outside (0, 1)) with a RangeError that names the
 * parameter, so a bad call fails loudly instead of returning a plausible-looking p-value.
 */

/** A crime count: a non-negative safe integer. */
export function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer count, got ${String(value)}`);
  }
}

/** An exposure, weight or period length that must be strictly positive. */
export function assertPositive(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number greater than 0, got ${String(value)}`);
  }
}

/** A weight that may be zero but not negative. */
export function assertNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number of at least 0, got ${String(value)}`);
  }
}

export function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}

/** A level such as alpha, q or a confidence level: strictly between 0 and 1. */
export function assertOpenUnit(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new RangeError(`${name} must be strictly between 0 and 1, got ${String(value)}`);
  }
}

/** A whole number of periods (years, seasons) of at least `min`. */
export function assertWhole(value: number, name: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number of at least ${min}, got ${String(value)}`);
  }
}
