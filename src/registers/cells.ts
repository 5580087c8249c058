/**
 * Readers for the kinds of cell the registers hold. Each returns the value or throws with the
 * reason, which readCsvTable puts after the line and field.
 */
import { isMarking, MARKINGS, type Marking } from '../domain/marking.js';
import { isCalendarDate } from '../domain/calendar-date.js';

export const text = (value: string): string => value;

/** YYYY-MM-DD, a real calendar date. Spreadsheets often give DD/MM/YYYY, which is accepted too. */
export function isoDate(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = uk === null ? value : `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) throw new Error(`"${value}" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)`);
  return iso;
}

export function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < min || n > max)
      throw new Error(`"${value}" is not a whole number from ${min} to ${max}`);
    return n;
  };
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || !Number.isSafeInteger(n))
    throw new Error(`"${value}" is not a positive whole number`);
  return n;
}

/** One of a closed list, matched ignoring case and with spaces or hyphens for underscores. */
export function oneOf<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const v = value
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const found = values.find((x) => x.toLowerCase() === v);
    if (found === undefined) throw new Error(`"${value}" is not one of ${values.join(', ')}`);
    return found;
  };
}

/** Exact spelling only, as everywhere else: a typo must never downgrade a marking. */
export function marking(value: string): Marking {
  if (!isMarking(value)) throw new Error(`"${value}" is not one of ${MARKINGS.join(', ')} (exact spelling)`);
  return value;
}

/** A list in one cell, separated by semicolons (commas are common inside the items themselves). */
export function list(value: string): string[] {
  return value
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Writes a list cell the way `list` reads it. */
export const listCell = (values: readonly string[]): string => values.join('; ');
