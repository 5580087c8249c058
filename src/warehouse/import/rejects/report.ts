/**
 * The rejects report: one CSV per import in the workspace's rejects folder, a line per rejected
 * row with its file, physical line, column and reason, appended batch by batch so that an
 * analyst can open it beside the source file and fix what was refused.
 */
import { appendFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { RejectRow } from '../types.js';

export async function appendRejects(file: string, rejects: readonly RejectRow[], withHeader: boolean): Promise<void> {
  const rows = rejects.map((r) => [r.file, r.line, r.column, r.reason]);
  await appendFile(file, stringify(rows, { header: withHeader, columns: ['file', 'line', 'column', 'reason'] }));
}
