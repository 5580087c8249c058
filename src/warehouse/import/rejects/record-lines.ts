/**
 * DuckDB reports CSV positions as record numbers; a quoted field with an embedded newline
 * makes a record span several physical lines. For the files that have rejects, this scans the
 * bytes once (RFC 4180 quoting) to find the physical line each record starts on, so a rejects
 * report points at the line an analyst sees in an editor.
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Returns, for each wanted record number (1 = header, 2 = first data record, ...), the physical
 * line (1-based) it starts on.
 */
export async function recordStartLines(file: string, wanted: readonly number[]): Promise<Map<number, number>> {
  const targets = new Set(wanted);
  const result = new Map<number, number>();
  if (targets.size === 0) return result;
  const maxWanted = Math.max(...targets);
  let record = 1;
  let line = 1;
  let inQuotes = false;
  if (targets.has(1)) result.set(1, 1);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE)
        inQuotes = !inQuotes; // "" inside a quoted field toggles twice: no change
      else if (b === NEWLINE) {
        line++;
        if (!inQuotes) {
          record++;
          if (targets.has(record)) result.set(record, line);
          if (record > maxWanted) return result;
        }
      }
    }
  }
  return result;
}
