/**
 * Every row accounted for, checked at the end of each file: the data lines the file's scan
 * counted (files/scan.ts) must equal the rows imported, the rows rejected and the rows skipped
 * as duplicates. A file that does not balance is refused whole, so its force-month keeps what
 * was stored. And a re-issue may not replace a stored force-month with markedly fewer rows
 * unless the user says so (`--allow-shrink`): a truncated download or a header-only file must
 * not silently wipe out a good month.
 */
import type { SourceEntry } from '../catalog.js';
import type { FileScan } from './files/scan.js';
import { plural } from '../../domain/plural.js';

export interface FileCounts {
  readonly rows: number;
  readonly rejected: number;
  readonly duplicates: number;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** Why a file does not balance, or undefined when every data line is accounted for. */
export function unaccounted(dataLines: number, c: FileCounts): string | undefined {
  const accounted = c.rows + c.rejected + c.duplicates;
  if (accounted === dataLines) return undefined;
  return (
    `its ${plural(dataLines, 'data line')} ${dataLines === 1 ? 'does' : 'do'} not balance: ${n(c.rows)} imported + ${n(c.rejected)} rejected + ` +
    `${plural(c.duplicates, 'duplicate')} = ${n(accounted)}, so ${plural(Math.abs(dataLines - accounted), 'line')} ` +
    `${accounted < dataLines ? 'would be lost' : 'would be counted twice'}; the file was refused whole and ` +
    `anything stored for its month is kept. Check the file in an editor (unbalanced quotes, stray line breaks) ` +
    `and import it again`
  );
}

/** A re-issue with under this share of the stored rows is refused without `--allow-shrink`. */
export const SHRINK_LIMIT = 0.5;

/** Why a re-issue may not replace the stored force-month, or undefined when it may. */
export function shrinkRefusal(
  stored: Pick<SourceEntry, 'rows' | 'source'> | undefined,
  rows: number,
  allowShrink: boolean,
  /** What a stored source stands for: a police.uk force-month, a PRC table's financial year. */
  period = 'month',
): string | undefined {
  if (!stored || allowShrink || stored.rows === 0) return undefined;
  if (rows > 0 && rows >= stored.rows * SHRINK_LIMIT) return undefined;
  return (
    `it would replace the ${n(stored.rows)} stored rows of its ${period} (from ${stored.source}) with ` +
    `${n(rows)}: ${rows === 0 ? 'no rows at all' : 'under half as many'}, which looks like a truncated or broken download. ` +
    `The stored ${period} was kept. If the new file really is the corrected ${period}, run the import again with --allow-shrink`
  );
}

/** The longest line a file may have, unless `STRA_IMPORT_MAX_LINE_BYTES` says otherwise. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Why a file is refused from its scan alone, before DuckDB reads it, or undefined. */
export function scanRefusal(scan: FileScan, maxLineBytes: number): string | undefined {
  if (scan.repeatedHeaderLines.length > 0)
    return (
      `line ${scan.repeatedHeaderLines.join(', ')} repeat${scan.repeatedHeaderLines.length > 1 ? '' : 's'} the header line: ` +
      `this looks like files joined together, whose rows would be counted twice. Import the files separately`
    );
  if (scan.longestLine > maxLineBytes)
    return (
      `line ${scan.longestLineAt} is ${n(scan.longestLine)} bytes long, over the limit of ${n(maxLineBytes)} bytes ` +
      `(a file that lost its line breaks?). Set STRA_IMPORT_MAX_LINE_BYTES to allow longer lines`
    );
  return undefined;
}
