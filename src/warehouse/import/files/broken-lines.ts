/**
 * A file whose scan found lines with unclosed quotes (files/scan.ts, `lines` mode) is read from
 * a copy in which those lines are blank: the CSV reader skips empty lines and still numbers the
 * others as the original does, so one stray `"` costs one rejected row, not the rest of the file.
 * Each blanked line becomes a reject naming its line.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PlannedSource, RejectRow } from '../types.js';

const NEWLINE = 0x0a;

export const CARRIAGE_RETURN_REASON =
  'a carriage return inside the line (not at its end), which a CSV reader takes for a line break; the line was rejected and the rest of the file read';

export const UNCLOSED_QUOTE_REASON =
  'a quote opens a field that does not close on this line (a stray " ?); the line was rejected and the rest of the file read';

/** The sources as they are to be read (copies for those with broken lines), and their rejects. */
export async function withoutBrokenLines(
  sources: readonly PlannedSource[],
  dir: string,
): Promise<{ readable: PlannedSource[]; rejects: RejectRow[] }> {
  const readable: PlannedSource[] = [];
  const rejects: RejectRow[] = [];
  for (const [i, s] of sources.entries()) {
    const reasons = new Map<number, string>(s.scan.carriageReturnLines.map((l) => [l, CARRIAGE_RETURN_REASON]));
    for (const l of s.scan.brokenLines) reasons.set(l, UNCLOSED_QUOTE_REASON);
    const broken = [...reasons.keys()].sort((a, b) => a - b);
    if (broken.length === 0) {
      readable.push(s);
      continue;
    }
    await mkdir(dir, { recursive: true });
    const copy = path.join(dir, `${i}-${path.basename(s.path)}`);
    await pipeline(createReadStream(s.path), blankLines(new Set(broken)), createWriteStream(copy));
    readable.push({ ...s, path: copy });
    for (const line of broken)
      rejects.push({ file: s.displayName, line, column: '(line)', reason: reasons.get(line)!, structural: true });
  }
  return { readable, rejects };
}

/** Drops the bytes of the given 1-based lines, keeping their newlines (so numbering holds). */
function blankLines(lines: ReadonlySet<number>): Transform {
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const keep: Buffer[] = [];
      let pos = 0;
      while (pos < chunk.length) {
        const nl = chunk.indexOf(NEWLINE, pos);
        const end = nl === -1 ? chunk.length : nl + 1;
        if (!lines.has(line)) keep.push(chunk.subarray(pos, end));
        else if (nl !== -1) keep.push(chunk.subarray(nl, end));
        if (nl === -1) break;
        line++;
        pos = end;
      }
      done(null, Buffer.concat(keep));
    },
  });
}
