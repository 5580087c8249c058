/**
 * What the register routes share: field schemas (dates, markings, lists in a query string) and
 * the CSV answer (text/csv, a file name, and the export's marking in a header so a client can
 * tell the user how to handle the file).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { parseMarking, type Marking } from '../../../domain/marking.js';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const marking = z.string().transform((v, ctx) => {
  try {
    return parseMarking(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

/** "a,b,c" in a query string -> ['a', 'b', 'c'] (empty items dropped). */
export const idList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
);

/** A positive whole number in a query string. */
export const queryNumber = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);

/** "true" / "false" in a query string. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const orgIds = z.array(z.string().trim().min(1).max(100)).max(100);

export function csvAnswer(c: Context, csv: string, fileName: string, exported?: Marking): Response {
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  if (exported !== undefined) c.header('X-Protective-Marking', exported);
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}
