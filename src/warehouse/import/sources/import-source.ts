/**
 * What a data source gives the import: the formats it recognises, which force-month a file
 * holds, how its files are batched and replaced, and the loader that parses, checks and stages
 * a batch. Everything else (discovery, sniffing, planning, rejects, commit, manifest) is shared,
 * so a new source (calls for service, missing-person episodes, phone exports) is a folder under
 * sources/ whose `source.ts` implements this, listed in registry.ts.
 */
import type { Catalog } from '../../catalog.js';
import type { Sql } from '../../duckdb.js';
import type { BatchChanges } from '../commit.js';
import type { SourceFile } from '../files/discover.js';
import type { SourceFormat } from '../format.js';
import type { PlannedSource, RejectRow } from '../types.js';

export interface ImportSource {
  /** The folder name under sources/ (`police-uk`), used in traces. */
  readonly name: string;
  /**
   * The formats it reads. Those with `headerOrder: 'exact'` are recognised by their header;
   * a format whose columns may come in any order is recognised by `detect`.
   */
  readonly formats: readonly SourceFormat[];
  readonly detect?: (header: readonly string[]) => Detection;
  /**
   * What one file stands for. `force-months`: the whole of the force-months it holds (police.uk
   * publishes and re-issues by force and month), so a later file for the same force-month
   * replaces it and identical content is skipped. `records`: records merged by their own
   * reference (each week's force extract repeats most of the last), so only the very same file
   * is skipped.
   */
  readonly holds: 'force-months' | 'records';
  /**
   * `whole-months`: files of one kind loaded together, each month whole, up to the batch size
   * (a month's Parquet file is rewritten once per batch that touches it). `one-file`: each file
   * is a batch of its own.
   */
  readonly batching: 'whole-months' | 'one-file';
  /** The force-month a recognised file holds, from its name or content, or why it cannot tell. */
  keyOf(file: SourceFile, sniffed: SniffedHeader, forceOption: string | undefined): SourceKey;
  /** Parses, checks and stages a batch; nothing is visible to readers until commit publishes it. */
  load(batch: readonly PlannedSource[], context: BatchContext): Promise<BatchOutcome>;
}

/** What sniffing read from a file's first bytes. */
export interface SniffedHeader {
  readonly format: SourceFormat;
  /** The header as the format names its columns. */
  readonly header: readonly string[];
  readonly firstRecord: readonly string[] | undefined;
}

/** A header in any column order: its format, or why it is not one (no reason: not this source). */
export type Detection = { ok: true; format: SourceFormat; header: string[] } | { ok: false; reason?: string };

/** police.uk sources: the force-month the file holds. Force extracts: the --force default, if any. */
export type SourceKey =
  | { readonly ok: true; readonly force: string | null; readonly month: string | null }
  | { readonly ok: false; readonly reason: string };

export interface BatchContext {
  readonly sql: Sql;
  /** The catalog before this batch: what the batch merges with, replaces or keeps. */
  readonly catalog: Catalog;
  readonly warehouseDir: string;
  /** A private folder for this batch's files, removed after its commit. */
  readonly stagingDir: string;
  /** The user allows a re-issue to replace a stored force-month with far fewer rows (accounting.ts). */
  readonly allowShrink: boolean;
  /** Force ids the user says are real though not on the shipped list (--new-force). */
  readonly newForces: readonly string[];
}

/** What became of one file of a batch. */
export interface PerFile {
  rows: number;
  rejected: number;
  /** Rows skipped as duplicates of a row already read (the same Crime ID in a force's month). */
  duplicates?: number;
  refusedReason?: string;
}

export interface BatchOutcome {
  readonly perFile: Map<PlannedSource, PerFile>;
  readonly rejects: RejectRow[];
  readonly changes: BatchChanges;
}
