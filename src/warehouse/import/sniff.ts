/**
 * Decides what a file is from its first bytes, before any row is read: a file of one of the
 * formats the sources declare (sources/registry.ts: police.uk's three kinds, a Home Office PRC
 * table, a force extract), or something to refuse whole (an HTML error page saved by a failed
 * download, a binary, an empty file, a CSV of another shape) with a message that says so.
 */
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { SourceFormat } from './format.js';
import type { SniffedHeader } from './sources/import-source.js';
import { EXACT_HEADER_FORMATS, SOURCES } from './sources/registry.js';
import { noun } from '../../domain/plural.js';

const SNIFF_BYTES = 16 * 1024;

export type Sniffed = ({ readonly ok: true } & SniffedHeader) | { readonly ok: false; readonly reason: string };

export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    bytes = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return sniffBytes(bytes);
}

export function sniffBytes(bytes: Buffer): Sniffed {
  if (bytes.length === 0) return refuse('the file is empty (0 bytes)');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return refuse('the file is a zip archive but its name does not end in .zip');
  if (bytes.includes(0)) return refuse('the file is binary, not a CSV text file');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    start.startsWith('<?xml') ||
    start.startsWith('<head')
  ) {
    return refuse('the file is an HTML/XML page, not a CSV (a failed or interrupted download?)');
  }
  const firstLines = takeWholeLines(text, 3);
  const records = parseLeniently(firstLines);
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) return refuse('the file has no header line');
  const cleaned = header.map((h) => h.trim());
  for (const format of EXACT_HEADER_FORMATS) {
    if (sameHeader(cleaned, format.header)) return { ok: true, format, header: cleaned, firstRecord: records[1] };
  }
  let detectedReason: string | undefined;
  for (const source of SOURCES) {
    const detected = source.detect?.(cleaned);
    if (detected?.ok) return { ok: true, format: detected.format, header: detected.header, firstRecord: records[1] };
    detectedReason ??= detected?.reason;
  }
  // A PRC table with a renamed column also has `Offence Code`: say what it is closest to.
  if (detectedReason && closestExactFormat(cleaned).score < 0.5) return refuse(detectedReason);
  return refuse(describeMismatch(cleaned));
}

function refuse(reason: string): Sniffed {
  return { ok: false, reason };
}

function sameHeader(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && actual.every((h, i) => h === expected[i]);
}

function closestExactFormat(header: readonly string[]): { format: SourceFormat | undefined; score: number } {
  let best: { format: SourceFormat | undefined; score: number } = { format: undefined, score: 0 };
  for (const format of EXACT_HEADER_FORMATS) {
    const score = header.filter((h) => format.header.includes(h)).length / format.header.length;
    if (!best.format || score > best.score) best = { format, score };
  }
  return best;
}

/** Says which known header is closest and what differs, so a renamed column is easy to spot. */
function describeMismatch(header: readonly string[]): string {
  const best = closestExactFormat(header);
  const format = best.format;
  const shown = header.slice(0, 6).join(',') + (header.length > 6 ? ',...' : '');
  if (!format || best.score < 0.5) {
    return `not a police.uk street, outcomes or stop-and-search file, nor a force extract: header is '${shown}'`;
  }
  const missing = format.header.filter((h) => !header.includes(h));
  const extra = header.filter((h) => !format.header.includes(h));
  const parts = [
    missing.length ? `missing ${noun(missing.length, 'column')} ${missing.map((m) => `'${m}'`).join(', ')}` : '',
    extra.length ? `unexpected ${noun(extra.length, 'column')} ${extra.map((m) => `'${m}'`).join(', ')}` : '',
    !missing.length && !extra.length ? 'columns are in the wrong order' : '',
  ].filter(Boolean);
  return `header does not match the ${format.title} format: ${parts.join('; ')}`;
}

function takeWholeLines(text: string, n: number): string {
  let idx = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf('\n', idx);
    if (next < 0) return text;
    idx = next + 1;
  }
  return text.slice(0, idx);
}

function parseLeniently(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    // A malformed first line: fall back to a plain split so the header can still be reported.
    return text
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.split(','));
  }
}
