/** The data page's API answers (only the fields it reads). */

export type FileStatus = 'imported' | 'replaced' | 'unchanged' | 'superseded' | 'refused';

export interface RejectSample {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly reason: string;
}

/** One file of an import, as the job's summary reports it. */
export interface FileResult {
  readonly file: string;
  readonly kind: string | null;
  readonly force: string | null;
  readonly month: string | null;
  readonly status: FileStatus;
  readonly rows: number;
  readonly rejected: number;
  readonly reason?: string;
  readonly rejects_sample?: readonly RejectSample[];
}

export interface ImportSummary {
  readonly import_id: string;
  readonly files: number;
  readonly imported: number;
  readonly rejected: number;
  readonly skipped_files: readonly { readonly file: string; readonly reason: string }[];
  readonly by_file: readonly FileResult[];
  readonly rejects_report: string | null;
}

export interface JobProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rowsDone: number;
}

export interface ImportJob {
  readonly id: number;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly progress: JobProgress | null;
  readonly result: ImportSummary | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** One import in the manifest (the history). */
export interface ImportRecord {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly by: string;
  readonly rejectsFile: string | null;
  readonly files: readonly {
    readonly source: string;
    readonly kind: string | null;
    readonly force: string | null;
    readonly month: string | null;
    readonly status: FileStatus;
    readonly rows: number;
    readonly rejected: number;
    readonly reason?: string;
  }[];
}

export interface ForceCoverage {
  readonly force: string;
  readonly first: string;
  readonly last: string;
  readonly months: number;
  readonly rows: number;
  /** Months inside the warehouse's span with no data for this force. */
  readonly missing: readonly string[];
}

export interface CoverageReport {
  readonly from: string | null;
  readonly to: string | null;
  readonly forces: readonly ForceCoverage[];
}
