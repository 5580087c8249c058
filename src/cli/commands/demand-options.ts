/** Options shared by `stra demand`, `stra missing` and `stra forecast`, checked with a clear message. */
import { FORCE_SLUG_PATTERN } from '../../domain/crime/forces.js';
import { usageError } from '../../errors.js';

export function parseForce(value: string): string {
  if (!FORCE_SLUG_PATTERN.test(value))
    throw usageError(`--force: '${value}' is not a force id (lower-case words joined by hyphens, e.g. west-mercia)`);
  return value;
}

export function parseDay(option: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw usageError(`${option}: '${value}' is not a day (YYYY-MM-DD)`);
  return value;
}

export function parseWhole(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usageError(`${option}: '${value}' should be a whole number from ${min} to ${max}`);
  return n;
}
