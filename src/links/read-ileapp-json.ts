/**
 * iLEAPP's result files (`{"metadata": …, "headers": [...], "data": [[...], ...]}`, the form of
 * its test harness and LAVA output). Why: these are the real exports at hand. Decisions: the
 * older harness (burnerCache) wraps the rows in batches (`data: [[row, row], [row]]`), which are
 * flattened; a row's line is its place in the flattened `data`, counted from 1.
 */
import { StraError } from '../errors.js';
import type { Table } from './table.js';

/** `doc`: the file's JSON, already parsed (the OpenSTRA JSON form is told apart first). */
export function readIleappJson(doc: unknown, source: string): Table {
  const d = doc as { headers?: unknown; data?: unknown };
  if (!Array.isArray(d.headers) || !Array.isArray(d.data)) {
    throw new StraError('INPUT', `${source} is JSON but not an iLEAPP result (no "headers" and "data" arrays).`);
  }
  let data = d.data as unknown[][];
  const batched =
    data.length > 0 && data.every((b) => Array.isArray(b) && b.length > 0 && b.every((r) => Array.isArray(r)));
  if (batched) data = data.flat() as unknown[][];
  return {
    source,
    headers: d.headers.map(String),
    rows: data.map((cells, i) => ({ line: i + 1, cells: Array.isArray(cells) ? cells : [] })),
  };
}
