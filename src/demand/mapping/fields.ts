/**
 * The building blocks of a saved column mapping, shared by the incident and missing-person
 * mappings: a column named by its header (never its position), a date-time with its format, a
 * lookup from a force's codes to OpenSTRA's words, a yes/no flag.
 */
import { z } from 'zod';

/** A header name, matched ignoring case and surrounding spaces. */
export const columnName = z.string().trim().min(1);

export const timeField = z
  .object({
    /** One column, or several joined by a space (separate date and time columns). */
    columns: z.array(columnName).min(1),
    /** `iso`, `epoch-ms`, `epoch-s` or a pattern such as `dd/MM/yyyy HH:mm` (see time/date-format.ts). */
    format: z.string().min(1),
  })
  .strict();

/** Code -> value lookup with ordered regular-expression rules and a default. */
export function codeLookup<T extends readonly [string, ...string[]]>(values: T) {
  const target = z.enum(values);
  return z
    .object({
      /** Exact codes (compared after trimming, ignoring case). */
      codes: z.record(z.string(), target).default({}),
      /** Tried in order when no exact code matches: a regular expression (case-insensitive) and its value. */
      rules: z.array(z.object({ match: z.string(), value: target }).strict()).default([]),
      /** For a code matched by nothing; such codes are counted in the read report. */
      default: target,
    })
    .strict();
}

export const flagField = z
  .object({
    column: columnName,
    /** Values meaning yes / no (ignoring case); anything else is unknown. */
    yes: z.array(z.string()).default(['y', 'yes', 'true', '1']),
    no: z.array(z.string()).default(['n', 'no', 'false', '0']),
  })
  .strict();

const areaColumn = z
  .object({
    column: columnName,
    kind: z.enum(['lsoa', 'beat']),
    /** Values that mean "no area" (e.g. San Diego's beat -1). */
    missing: z.array(z.string()).default([]),
    /** A regular expression a usable value matches; others are counted and left blank. */
    pattern: z.string().optional(),
  })
  .strict();

/** The area: a column, and optionally another read when the first is blank (LSOA, else beat). */
export const areaField = areaColumn.extend({ fallback: areaColumn.optional() });
