/** The vocabulary of one import: what each source file is, what became of it, what was rejected. */
import type { FileIdentity } from './files/fingerprint.js';
import type { FileScan } from './files/scan.js';
import type { SourceFormat } from './format.js';

export type FileStatus = 'imported' | 'replaced' | 'unchanged' | 'superseded' | 'refused';

/** A source file recognised as importable, before its content is hashed. */
export type SniffedSource = Omit<PlannedSource, 'sha256' | 'scan'>;

/** A source file recognised as importable, with everything known before its rows are read. */
export interface PlannedSource {
  readonly path: string;
  readonly displayName: string;
  readonly bytes: number;
  /** Size, times and inode of a file read in place (files/fingerprint.ts). */
  readonly identity?: FileIdentity;
  readonly format: SourceFormat;
  readonly header: readonly string[];
  readonly sha256: string;
  /** What the file's one read before DuckDB found: its data lines, broken quotes (files/scan.ts). */
  readonly scan: FileScan;
  /** police.uk sources: the force-month they hold. Force extracts: the --force default, if any. */
  readonly force: string | null;
  readonly month: string | null;
}

export interface RejectRow {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly reason: string;
  /** Rejected by the CSV reader itself (field count, encoding, quoting) rather than a check. */
  readonly structural: boolean;
}

export interface FileResult {
  file: string;
  kind: string | null;
  force: string | null;
  month: string | null;
  sha256: string | null;
  status: FileStatus;
  rows: number;
  rejected: number;
  /** Rows skipped as duplicates, with why (the same Crime ID twice in a force's month). */
  duplicates?: number;
  duplicates_reason?: string;
  reason?: string;
  partitions: string[];
  rejects_sample?: RejectRow[];
}

export interface ImportProgress {
  /** `unpack`: bytes unpacked from zips so far (totals unknown); `load`: batches loaded. */
  readonly phase: 'unpack' | 'load';
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rowsDone: number;
}

export interface ImportSummary {
  import_id: string;
  files: number;
  imported: number;
  rejected: number;
  skipped_files: { file: string; reason: string }[];
  by_file: FileResult[];
  rejects_report: string | null;
}
