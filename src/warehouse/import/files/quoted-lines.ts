/**
 * The careful read of a file in which some line has an odd number of quotes (scan.ts): record by
 * record, as the CSV reader parses them (a quote opens a quoted field only at the start of a
 * field; `""` inside it is a quote), to tell a quoted field holding a newline from a stray quote.
 *
 * A record that spans several lines is whole only if it has the header's number of fields and
 * spans at most MAX_SPAN lines. Otherwise the line where it started is broken: it is counted as
 * one rejected line, and parsing starts again on the next line, so one stray `"` costs one row,
 * never the rest of the file. Lines are read as latin1 (one char per byte): quotes, commas and
 * newlines are ASCII, so UTF-8 text passes through unharmed.
 */
import { createReadStream } from 'node:fs';

/** The most physical lines one record may span before its first line is taken as broken. */
export const MAX_SPAN = 50;
const QUOTE = 0x22;
const COMMA = 0x2c;

interface Parsed {
  readonly complete: boolean;
  readonly fields: number;
}

/** Fields of a record's text, and whether it ends outside a quoted field. */
export function parseRecord(text: string): Parsed {
  let fields = 1;
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
    } else if (c === COMMA) {
      fields++;
      atFieldStart = true;
      continue;
    } else if (c === QUOTE && atFieldStart) inQuotes = true;
    atFieldStart = false;
  }
  return { complete: !inQuotes, fields };
}

export interface QuotedLines {
  /** Data records (non-empty, after the header) plus the broken lines. */
  readonly dataLines: number;
  readonly brokenLines: number[];
}

export async function brokenQuoteLines(file: string): Promise<QuotedLines> {
  let expected = 0; // fields of the header
  let records = 0;
  const brokenLines: number[] = [];
  let pending: string[] = []; // the lines of the record being read
  let firstLine = 1; // the physical line pending[0] is

  const queue: string[] = []; // lines read but not yet parsed
  const isEmpty = (l: string) => l === '' || l === '\r';
  /** Parses the queued lines as far as they go; `atEnd` when no more lines will come. */
  const drain = (atEnd: boolean) => {
    for (;;) {
      if (pending.length === 0) {
        if (queue.length === 0) return;
        pending.push(queue.shift()!);
      }
      const parsed = parseRecord(pending.join('\n'));
      const span = pending.length;
      if (!parsed.complete && span < MAX_SPAN && !(atEnd && queue.length === 0)) {
        if (queue.length === 0) return; // wait for the next line
        pending.push(queue.shift()!);
        continue;
      }
      if (!parsed.complete || (span > 1 && parsed.fields !== expected)) {
        brokenLines.push(firstLine); // its quote swallowed the lines after it: read them again
        queue.unshift(...pending.slice(1));
        pending = [];
        firstLine++;
        continue;
      }
      if (firstLine === 1) expected = parsed.fields;
      else if (!(span === 1 && isEmpty(pending[0]!))) records++;
      firstLine += span;
      pending = [];
    }
  };

  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'latin1', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    for (const l of lines) {
      queue.push(l); // the queue holds at most a record's lines: shift() stays cheap
      drain(false);
    }
  }
  queue.push(rest);
  drain(true);
  return { dataLines: records + brokenLines.length, brokenLines };
}
