/**
 * What an importable file format is: its header, the table it lands in, how raw text columns
 * become typed warehouse columns, and the checks a row must pass. Formats are data so that the
 * staging, checking and rejects code is one piece of code for every source; each source folder
 * (sources/<name>/) describes its own formats with these types.
 */
import type { TableName } from '../tables.js';

/** A file's kind, as the manifest records it; a new source adds its kinds here. */
export type SourceKind = 'street' | 'outcomes' | 'stop-and-search' | 'force-extract' | 'prc';

/** A row check: when `failWhen` (SQL over the raw columns) is true the row is rejected. */
export interface RowCheck {
  /** The source column named in the rejects report. */
  readonly column: string;
  readonly failWhen: string;
  /** SQL expression giving the reason text (may quote the bad value). */
  readonly reason: string;
  /**
   * Only sharpens the reason: every row it fails also fails a later check. The import's fast
   * pass skips it (it decides only whether a row lands); the rejects report uses it.
   */
  readonly refinesReason?: boolean;
}

export interface SourceFormat {
  readonly kind: SourceKind;
  /** How messages name the format: `police.uk street`, `Home Office PRC table`. */
  readonly title: string;
  readonly table: TableName;
  /** Columns the file must have, in order (police.uk) or in any order (force extract). */
  readonly header: readonly string[];
  readonly headerOrder: 'exact' | 'any';
  readonly optionalColumns?: readonly string[];
  /** Warehouse column -> SQL expression over the raw (VARCHAR) source columns. */
  readonly select: Readonly<Record<string, string>>;
  readonly checks: readonly RowCheck[];
  /**
   * Expressions over the raw columns computed once per row, before the checks and the select,
   * which refer to them by name (coordinates parsed as numbers: `parsedCoordinates`).
   */
  readonly parsed?: Readonly<Record<string, string>>;
  /** The column holding a police.uk `Crime type` label, looked up as `__category` (slug or NULL). */
  readonly categoryLabelColumn?: string;
}
