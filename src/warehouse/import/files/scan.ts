/**
 * One read of a source file, before DuckDB sees it: its SHA-256 (the identity of a source, for
 * idempotency) and the count the import must account for at the end of the file (its data
 * records: non-empty lines after the header, a quoted field holding a newline making one record
 * of several lines). Read in large chunks into one reused buffer, newlines and quotes found with
 * `indexOf` (native), so the scan costs little more than the hash.
 *
 * A line with an odd number of quotes may open a quoted field that never closes: a CSV reader
 * then swallows every line after it into one field. Only such files are read a second time,
 * record by record (quoted-lines.ts), to tell a quoted field holding a newline from a stray
 * quote; a stray quote's line is rejected alone and the rest of the file read.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { brokenQuoteLines } from './quoted-lines.js';

const CHUNK = 8 * 1024 * 1024;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CR = 0x0d;
let buffer: Buffer | undefined;

export interface FileScan {
  readonly sha256: string;
  /** Data records (non-empty, after the header), counting each line rejected for its quotes. */
  readonly dataLines: number;
  /** Physical lines (1-based) that open a quoted field which never closes into a whole record. */
  readonly brokenLines: readonly number[];
  /**
   * Lines holding a carriage return that does not end the line: the CSV reader takes it for a
   * line break and stops the whole batch, so such a line is rejected alone (broken-lines.ts).
   */
  readonly carriageReturnLines: readonly number[];
  /** The longest physical line, in bytes, and its line number. */
  readonly longestLine: number;
  readonly longestLineAt: number;
  /** Lines after the first that repeat the header: files joined together. */
  readonly repeatedHeaderLines: readonly number[];
}

/** Lines that repeat the header are listed up to this many. */
const REPEATS_LISTED = 10;

export async function scanFile(file: string): Promise<FileScan> {
  buffer ??= Buffer.allocUnsafe(CHUNK);
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  let line = 1; // current physical line
  let lineBytes = 0; // bytes of the current line so far (without its newline)
  let lastByte = -1; // the last byte of the current line so far
  let oddQuotes = false; // the current line has an odd number of quotes so far
  let bareCr = false; // the current line has a carriage return before its end
  const carriageReturnLines: number[] = [];
  let suspect = false; // some line has an odd number of quotes
  let dataLines = 0;
  let longestLine = 0;
  let longestLineAt = 1;
  let header: Buffer | undefined; // the first line, without its newline or CR
  const repeatedHeaderLines: number[] = [];
  const endLine = () => {
    const empty = lineBytes === 0 || (lineBytes === 1 && lastByte === CR);
    if (line > 1 && !empty) dataLines++;
    if (lineBytes > longestLine) {
      longestLine = lineBytes;
      longestLineAt = line;
    }
    if (oddQuotes) suspect = true;
  };
  /** Whether chunk[start, end) (one whole line, in one chunk) repeats the header. */
  const repeatsHeader = (chunk: Buffer, start: number, end: number) => {
    if (end > start && chunk[end - 1] === CR) end--;
    return (
      header !== undefined && end - start === header.length && chunk.compare(header, 0, header.length, start, end) === 0
    );
  };
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      let pos = 0;
      let nextQuote = chunk.indexOf(QUOTE, 0);
      let nextCr = chunk.indexOf(CR, 0);
      while (pos < bytesRead) {
        const nl = chunk.indexOf(NEWLINE, pos);
        const lineEnd = nl === -1 ? bytesRead : nl;
        while (nextQuote !== -1 && nextQuote < lineEnd) {
          oddQuotes = !oddQuotes;
          nextQuote = chunk.indexOf(QUOTE, nextQuote + 1);
        }
        while (nextCr !== -1 && nextCr < lineEnd) {
          // a CR ending the line (CRLF) is fine; one at the very end of a chunk may be a CRLF split
          if (nextCr !== lineEnd - 1 || (nl === -1 && nextCr < bytesRead - 1)) bareCr = true;
          nextCr = chunk.indexOf(CR, nextCr + 1);
        }
        lineBytes += lineEnd - pos;
        if (lineEnd > pos) lastByte = chunk[lineEnd - 1]!;
        if (nl === -1) break;
        if (line === 1 && lineBytes === nl - pos) {
          const end = nl > 0 && chunk[nl - 1] === CR ? nl - 1 : nl;
          header = Buffer.from(chunk.subarray(pos, end));
        } else if (
          lineBytes === nl - pos &&
          repeatsHeader(chunk, pos, nl) &&
          repeatedHeaderLines.length < REPEATS_LISTED
        )
          repeatedHeaderLines.push(line);
        if (bareCr) carriageReturnLines.push(line);
        endLine();
        line++;
        lineBytes = 0;
        lastByte = -1;
        oddQuotes = false;
        bareCr = false;
        pos = nl + 1;
      }
    }
  } finally {
    await handle.close();
  }
  if (bareCr && lastByte !== CR) carriageReturnLines.push(line);
  endLine();
  const base = { sha256: hash.digest('hex'), longestLine, longestLineAt, repeatedHeaderLines, carriageReturnLines };
  if (!suspect) return { ...base, dataLines, brokenLines: [] };
  return { ...base, ...(await brokenQuoteLines(file)) };
}

/**
 * Starts scanning files one after another, in the order batches will need them, so a batch's
 * scans are ready (or nearly) when DuckDB has finished loading the batch before.
 */
export function scanInOrder<T extends { readonly path: string }>(files: readonly T[]): Map<T, Promise<FileScan>> {
  const out = new Map<T, Promise<FileScan>>();
  let previous: Promise<unknown> = Promise.resolve();
  for (const f of files) {
    const next = previous.then(() => scanFile(f.path));
    out.set(f, next);
    previous = next.catch(() => undefined); // a failed scan is reported where it is awaited
  }
  return out;
}
