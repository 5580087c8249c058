/**
 * Step 5 of an import, kept up to date from the start: the account of every file the import was
 * given, in the order the files were found (imported, replaced, unchanged, superseded or
 * refused, with rows and rejects), the record the catalog keeps of the import, the rejects
 * report beside it, and the summary the caller prints. Each batch's commit publishes the record
 * so far, so an interrupted import still says what it took in.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ImportRecord } from '../catalog.js';
import { sourceId } from '../tables.js';
import type { SourceFile, SkippedFile } from './files/discover.js';
import { appendRejects } from './rejects/report.js';
import { DUPLICATE_REASON } from './sources/police-uk/duplicates.js';
import type { BatchOutcome } from './sources/import-source.js';
import type { FileResult, ImportSummary, PlannedSource, RejectRow, SniffedSource } from './types.js';

/** Rejected rows shown with each file's result; the rest are in the rejects report. */
const SAMPLE = 5;

export interface ManifestStart {
  readonly id: string;
  readonly user: string;
  /** Every file discovered, in order: results are listed in this order. */
  readonly found: readonly SourceFile[];
  readonly sniffed: readonly SniffedSource[];
  readonly refused: readonly FileResult[];
  readonly superseded: ReadonlyMap<SniffedSource, FileResult>;
  /** Where the rejects report goes if there are rejects, and the warehouse it is named from. */
  readonly rejectsFile: string;
  readonly warehouseDir: string;
}

export class ImportManifest {
  private readonly results: Map<SniffedSource, FileResult>;
  private readonly position: Map<string, number>;
  private readonly startedAt = new Date().toISOString();
  private rejectsReported = false;

  constructor(private readonly start: ManifestStart) {
    this.results = new Map(start.superseded);
    this.position = new Map(start.found.map((f, i) => [f.displayName, i]));
  }

  /** What planning decided for a hashed file (new, re-issue, unchanged). */
  decided(file: SniffedSource, result: FileResult): void {
    this.results.set(file, result);
  }

  /** What its source's loader made of a file. */
  loaded(file: SniffedSource, planned: PlannedSource, outcome: BatchOutcome): void {
    const r = this.results.get(file)!;
    const per = outcome.perFile.get(planned)!;
    r.rows = per.rows;
    r.rejected = per.rejected;
    if (per.duplicates) {
      r.duplicates = per.duplicates;
      r.duplicates_reason = DUPLICATE_REASON;
    }
    r.rejects_sample = outcome.rejects.filter((x) => x.file === planned.displayName).slice(0, SAMPLE);
    if (per.refusedReason) {
      r.status = 'refused';
      r.reason = per.refusedReason;
    }
    r.partitions = outcome.changes.sources.filter((x) => x.source === planned.displayName).map((x) => sourceId(x));
  }

  async addRejects(rejects: readonly RejectRow[]): Promise<void> {
    if (rejects.length === 0) return;
    await appendRejects(this.start.rejectsFile, rejects, !this.rejectsReported);
    this.rejectsReported = true;
  }

  /** Rows read so far, landed or rejected. */
  rowsRead(): number {
    return this.all().reduce((a, r) => a + r.rows + r.rejected, 0);
  }

  /** The record of the import as it stands, for the catalog. */
  record(state: 'running' | 'finished' = 'running'): ImportRecord {
    return {
      id: this.start.id,
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      state,
      by: this.start.user,
      rejectsFile: this.rejectsReported ? path.relative(this.start.warehouseDir, this.start.rejectsFile) : null,
      files: toRecords(this.all()),
    };
  }

  summary(skipped: readonly SkippedFile[]): ImportSummary {
    const results = this.all();
    const landed = results.filter((r) => r.status === 'imported' || r.status === 'replaced');
    return {
      import_id: this.start.id,
      files: results.length,
      imported: landed.reduce((a, r) => a + r.rows, 0),
      rejected: results.reduce((a, r) => a + r.rejected, 0),
      skipped_files: [
        ...skipped,
        ...results.filter((r) => r.status === 'refused').map((r) => ({ file: r.file, reason: r.reason ?? 'refused' })),
      ],
      by_file: results,
      rejects_report: this.rejectsReported ? this.start.rejectsFile : null,
    };
  }

  /** Every file's result so far, in the order the files were found. */
  private all(): FileResult[] {
    const { refused, sniffed } = this.start;
    return [...refused, ...sniffed.map((s) => this.results.get(s)).filter((r) => r !== undefined)].sort(
      (a, b) => this.position.get(a.file)! - this.position.get(b.file)!,
    );
  }
}

export function newImportId(): string {
  const t = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `imp-${t}-${randomBytes(3).toString('hex')}`;
}

function toRecords(results: readonly FileResult[]): ImportRecord['files'] {
  return results.map((r) => ({
    source: r.file,
    sha256: r.sha256,
    kind: r.kind,
    force: r.force,
    month: r.month,
    status: r.status,
    rows: r.rows,
    rejected: r.rejected,
    ...(r.reason ? { reason: r.reason } : {}),
    partitions: r.partitions,
  }));
}
