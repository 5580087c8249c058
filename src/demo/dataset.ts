/**
 * What a generator run produced: every file written, with its kind, force, month and row count,
 * so callers (`stra demo`, tests, benchmarks) can import or check them without re-reading.
 */
import type { FileKind } from './police-uk-format.js';

export interface GeneratedFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly force: string;
  readonly month: string;
  /** Data rows (the header not counted). */
  readonly rows: number;
}

export interface GeneratedDataset {
  readonly files: GeneratedFile[];
  /** Data rows over all files. */
  readonly rows: number;
}
