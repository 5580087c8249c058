/**
 * Background jobs (imports, document builds): GET /jobs (the reader's own, and for an
 * administrator those of the organisations they administer) and GET /jobs/:id, which the pages poll for progress and the result.
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job; `Result` and `Progress` are what its kind writes (see ImportJob and ReportJob). */
export interface Job<Result = unknown, Progress = unknown> {
  readonly id: number;
  /** 'import' or 'report'. */
  readonly kind: string;
  /** What it was asked to do (for an upload: the files, never the folder they are kept in). */
  readonly params: unknown;
  readonly status: JobStatus;
  readonly progress: Progress | null;
  /** Set when done. */
  readonly result: Result | null;
  /** Set when failed: what went wrong, for the user. */
  readonly error: string | null;
  readonly claimedBy: string | null;
  readonly createdBy: number;
  /** The organisation the job acts for; its administrators see the job too. */
  readonly organisationId?: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}
