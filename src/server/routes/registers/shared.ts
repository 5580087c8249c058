/**
 * The CSV answer the register routes share: text/csv, a file name, and the export's marking in a
 * header so a client can tell the user how to handle the file. (Their request schemas are the
 * API contract's, in src/api.)
 */
import type { Context } from 'hono';
import type { Marking } from '../../../domain/marking.js';

export function csvAnswer(c: Context, csv: string, fileName: string, exported?: Marking): Response {
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  if (exported !== undefined) c.header('X-Protective-Marking', exported);
  return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}
