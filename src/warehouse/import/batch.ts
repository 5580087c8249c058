/**
 * Step 4 of an import, one batch at a time: each file checked against the catalog once hashed
 * (new, re-issue, or nothing to do: plan.ts), the rest loaded by their source into a private
 * staging folder (parse, check, stage: sources/<name>/load.ts), the rejects added to the
 * report, and everything published by one catalog commit (commit.ts). A failure leaves the
 * warehouse as the last commit left it, and says so.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../catalog.js';
import type { Sql } from '../duckdb.js';
import { StraError } from '../../errors.js';
import { traced } from '../../trace.js';
import type { WorkspacePaths } from '../../workspace/workspace.js';
import { scanRefusal } from './accounting.js';
import { publish } from './commit.js';
import { fingerprintKey } from './files/fingerprint.js';
import type { FileScan } from './files/scan.js';
import type { ImportManifest } from './manifest.js';
import { decide } from './plan.js';
import { sourceOf } from './sources/registry.js';
import type { PlannedSource, SniffedSource } from './types.js';
import { plural } from '../../domain/plural.js';

export interface BatchRun {
  /** Position in the plan: batch 0 is the first. */
  readonly index: number;
  readonly files: readonly SniffedSource[];
  readonly hashes: ReadonlyMap<SniffedSource, Promise<FileScan>>;
  /** Files unchanged since they were hashed: not read, their recorded hash stands (plan.ts). */
  readonly recalled: ReadonlyMap<SniffedSource, string>;
  readonly catalog: Catalog;
  readonly sql: Sql;
  readonly ws: WorkspacePaths;
  /** The import's staging folder; the batch works in a folder of its own inside it. */
  readonly staging: string;
  readonly manifest: ImportManifest;
  /** SHA-256 of the files of records taken in so far (see plan.ts `decide`); grows. */
  readonly contentShas: Set<string>;
  readonly allowShrink: boolean;
  /** Force ids added with --new-force. */
  readonly newForces: readonly string[];
  /** Longest line a file may have (accounting.ts). */
  readonly maxLineBytes: number;
  readonly beforeCommit?: () => void | Promise<void>;
}

/**
 * Imports one batch and returns the catalog after its commit (with the fingerprints of the
 * files it hashed, which the next commit writes if this batch has nothing to load).
 */
export async function importBatch(given: BatchRun): Promise<Catalog> {
  const read = given.files.filter((s) => !given.recalled.has(s));
  for (const s of given.files) {
    const sha256 = given.recalled.get(s);
    if (sha256 === undefined) continue;
    const result = decide({ ...s, sha256 }, given.catalog, given.contentShas);
    given.manifest.decided(s, {
      ...result,
      reason: `${result.reason}; unchanged since it was hashed, so not read again`,
    });
  }
  const hashed: PlannedSource[] = await traced(`wait for scans of batch ${given.index}`, () =>
    Promise.all(
      read.map(async (s) => {
        const scan = await given.hashes.get(s)!;
        return { ...s, sha256: scan.sha256, scan };
      }),
    ),
  );
  const run = { ...given, catalog: withFingerprints(given.catalog, hashed) };
  const sniffedOf = new Map(hashed.map((h, k) => [h, read[k]!]));
  const toLoad: PlannedSource[] = [];
  for (const s of hashed) {
    const decided = decide(s, run.catalog, run.contentShas);
    const refusal = decided.status === 'unchanged' ? undefined : scanRefusal(s.scan, run.maxLineBytes);
    const result = refusal ? { ...decided, status: 'refused' as const, reason: refusal } : decided;
    run.manifest.decided(sniffedOf.get(s)!, result);
    if (result.status !== 'unchanged' && result.status !== 'refused') toLoad.push(s);
    if (sourceOf(s.format).holds === 'records') run.contentShas.add(s.sha256);
  }
  if (toLoad.length === 0) return run.catalog;
  try {
    return await loadAndPublish(run, toLoad, sniffedOf);
  } catch (err) {
    throw stoppedAt(err, run.files, run.index === 0);
  }
}

/** The catalog with the identity and hash of each file read in place (files/fingerprint.ts). */
function withFingerprints(catalog: Catalog, hashed: readonly PlannedSource[]): Catalog {
  const fingerprints = { ...catalog.fingerprints };
  for (const s of hashed) if (s.identity) fingerprints[fingerprintKey(s.path)] = { ...s.identity, sha256: s.sha256 };
  return { ...catalog, fingerprints };
}

async function loadAndPublish(
  run: BatchRun,
  toLoad: readonly PlannedSource[],
  sniffedOf: ReadonlyMap<PlannedSource, SniffedSource>,
): Promise<Catalog> {
  const stagingDir = path.join(run.staging, `batch-${run.index}`);
  const source = sourceOf(toLoad[0]!.format);
  const outcome = await traced(`${source.name} batch ${run.index} (${toLoad.length} files)`, () =>
    source.load(toLoad, {
      sql: run.sql,
      catalog: run.catalog,
      warehouseDir: run.ws.warehouse,
      stagingDir,
      allowShrink: run.allowShrink,
      newForces: run.newForces,
    }),
  );
  for (const s of toLoad) run.manifest.loaded(sniffedOf.get(s)!, s, outcome);
  await run.manifest.addRejects(outcome.rejects);
  const next = await traced('  publish', () =>
    publish(run.catalog, outcome.changes, {
      warehouseDir: run.ws.warehouse,
      catalogFile: run.ws.catalog,
      importRecord: run.manifest.record(),
      beforeCommit: run.beforeCommit,
    }),
  );
  await rm(stagingDir, { recursive: true, force: true });
  return next;
}

/** A failure mid-import as a message that says what was kept and what to do. */
function stoppedAt(err: unknown, batch: readonly SniffedSource[], first: boolean): Error {
  if (err instanceof StraError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  const full = /ENOSPC|No space left/i.test(detail);
  return new StraError(
    'IO',
    `import stopped while loading ${batch[0]!.displayName}${batch.length > 1 ? ` and ${plural(batch.length - 1, 'other file')}` : ''}: ` +
      `${full ? 'the disk is full' : detail}. ${first ? 'Nothing was imported' : 'Batches before it were imported; it and the rest were not'}, ` +
      `and the warehouse is as it was before this batch. ${full ? 'Free some space, then run' : 'Fix the cause and run'} the same command again: files already imported are skipped.`,
    { cause: detail },
  );
}
