/**
 * CSV records of a file, each with the physical line it starts on, for readers that must report
 * rejects by file, line and field.
 *
 * Why: exports arrive gzipped or not, with or without a byte-order mark, with LF or CRLF endings,
 * quoted fields holding commas and line breaks, and sometimes a broken quote. The file is recognised
 * as gzip by its magic bytes (not its name); csv-parse reads it with `bom: true`, the field count is
 * checked by the caller (a short row is a row-level reject, not a failed file), and a record the
 * parser cannot read (a broken quote) is reported through `onUnreadable` and skipped, the parse
 * going on at the next record.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse, type CsvError } from 'csv-parse';

export interface CsvRecord {
  /** Physical line (1-based) the record starts on. */
  readonly line: number;
  readonly fields: string[];
}

export async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await handle.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Every record of the file, header first. */
export async function* csvRecords(
  file: string,
  onUnreadable: (line: number, reason: string) => void,
): AsyncGenerator<CsvRecord> {
  let input: Readable = createReadStream(file);
  if (await isGzip(file)) input = input.pipe(createGunzip());
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      raw: true,
    }),
  );
  // Physical lines are counted from each record's raw text: csv-parse's own count treats a CRLF
  // inside a quoted field as two lines. After an unreadable record its count is the best there is.
  let consumed = 0;
  parser.on('skip', (err: CsvError) => {
    consumed = Math.max(consumed, Number(err.lines ?? 0));
    onUnreadable(Number(err.lines ?? 0), describe(err));
  });
  input.on('error', (err) => parser.destroy(err));
  for await (const r of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    const leading = /^(?:\r\n|\r|\n)*/.exec(r.raw)![0];
    yield { line: consumed + lineBreaks(leading) + 1, fields: r.record };
    consumed += lineBreaks(r.raw);
  }
}

/** Line breaks in a text: CRLF, a lone CR or a lone LF each end one line. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function describe(err: CsvError): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quoted field is never closed, so the rest of the file cannot be read';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE')
    return 'a quote inside a field is not doubled ("") and the field cannot be read';
  return err.message;
}
