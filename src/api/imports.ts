/**
 * Uploading police.uk files and importing them: POST /uploads opens a batch, PUT
 * /uploads/:batch/files/:name streams one file, POST /uploads/:batch/import queues the import job
 * (GET /jobs/:id follows it); GET /imports is the history (the catalog's manifest, newest first).
 * Files are named as they were uploaded (`archive.zip!2018-03/...csv`), never by server paths.
 */
import type { Job } from './jobs.js';

/** POST /uploads (201). */
export interface UploadBatch {
  readonly batch: string;
}

/** PUT /uploads/:batch/files/:name (201). */
export interface UploadedFile {
  readonly file: string;
}

export type FileStatus = 'imported' | 'replaced' | 'unchanged' | 'superseded' | 'refused';

export interface RejectSample {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly reason: string;
  /** Rejected by the CSV reader itself (field count, encoding, quoting) rather than a check. */
  readonly structural: boolean;
}

/** One file of an import, as the job's summary reports it. */
export interface FileResult {
  readonly file: string;
  readonly kind: string | null;
  readonly force: string | null;
  readonly month: string | null;
  readonly sha256: string | null;
  readonly status: FileStatus;
  readonly rows: number;
  readonly rejected: number;
  readonly reason?: string;
  readonly partitions: readonly string[];
  readonly rejects_sample?: readonly RejectSample[];
}

/** What an import did: the result of an import job. */
export interface ImportSummary {
  readonly import_id: string;
  readonly files: number;
  readonly imported: number;
  readonly rejected: number;
  readonly skipped_files: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  readonly by_file: readonly FileResult[];
  readonly rejects_report: string | null;
}

/** An import job's progress, written as it reads. */
export interface ImportProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rowsDone: number;
}

/** POST /uploads/:batch/import (202), and an import as GET /jobs/:id shows it. */
export type ImportJob = Job<ImportSummary, ImportProgress>;

/** One file in the manifest. */
export interface FileRecord {
  readonly source: string;
  readonly sha256: string | null;
  readonly kind: string | null;
  readonly force: string | null;
  readonly month: string | null;
  readonly status: FileStatus;
  readonly rows: number;
  readonly rejected: number;
  readonly reason?: string | undefined;
  readonly partitions: readonly string[];
}

/** GET /imports: one import in the history; its rejected rows are GET /imports/:id/rejects (CSV). */
export interface ImportRecord {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Who ran it. */
  readonly by: string;
  readonly rejectsFile: string | null;
  readonly files: readonly FileRecord[];
}
