/**
 * The catalog says which Parquet file is the current version of each month of each table, which
 * source file each force's month came from, and keeps the manifest of every import. It is one JSON file replaced atomically (write, fsync, rename), so
 * the commit point of an import is a single rename: a process killed before it leaves the
 * previous catalog, and the partitions it names, exactly as they were. Readers need no lock.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { stateError } from '../errors.js';
import { TABLES } from './tables.js';

/** One Parquet file per (table, month): the unit the warehouse reads and rewrites. */
const PartitionSchema = z.object({
  table: z.enum(TABLES),
  month: z.string(),
  file: z.string(), // relative to the warehouse folder
  rows: z.number().int(),
  /** For tables derived with the area table: which version of it (see areas.ts). */
  areasDigest: z.string().optional(),
});

/** What one force's month of one table came from: the unit police.uk publishes and re-issues. */
const SourceSchema = z.object({
  table: z.enum(TABLES),
  force: z.string(),
  month: z.string(),
  rows: z.number().int(),
  sourceSha256: z.string(),
  source: z.string(),
  importId: z.string(),
});

const FileRecordSchema = z.object({
  source: z.string(),
  sha256: z.string().nullable(),
  kind: z.string().nullable(),
  force: z.string().nullable(),
  month: z.string().nullable(),
  status: z.enum(['imported', 'replaced', 'unchanged', 'superseded', 'refused']),
  rows: z.number().int(),
  rejected: z.number().int(),
  reason: z.string().optional(),
  partitions: z.array(z.string()).default([]),
});

const ImportRecordSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** `running` while batches commit; `finished` at the end. A running record with no live writer was interrupted. */
  state: z.enum(['running', 'finished']).optional(),
  by: z.string(),
  rejectsFile: z.string().nullable(),
  files: z.array(FileRecordSchema),
});

/** A file's identity when it was hashed, and its SHA-256 (import/files/fingerprint.ts). */
const FingerprintSchema = z.object({
  bytes: z.number(),
  mtimeMs: z.number(),
  ctimeMs: z.number(),
  ino: z.number(),
  sha256: z.string(),
});

const CatalogSchema = z.object({
  format: z.literal(1),
  version: z.number().int(),
  partitions: z.record(z.string(), PartitionSchema),
  sources: z.record(z.string(), SourceSchema),
  imports: z.array(ImportRecordSchema),
  /** Files hashed by imports, by absolute path: a file unchanged since is not read again. */
  fingerprints: z.record(z.string(), FingerprintSchema).optional(),
});

export type PartitionEntry = z.infer<typeof PartitionSchema>;
export type SourceEntry = z.infer<typeof SourceSchema>;
export type FileRecord = z.infer<typeof FileRecordSchema>;
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
export type Catalog = z.infer<typeof CatalogSchema>;

export function emptyCatalog(): Catalog {
  return { format: 1, version: 0, partitions: {}, sources: {}, imports: [] };
}

export async function readCatalog(file: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyCatalog();
    throw err;
  }
  const parsed = CatalogSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw stateError(`warehouse catalog ${file} is damaged: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Replaces the catalog file atomically; the rename is the commit point. */
export async function writeCatalog(file: string, catalog: Catalog): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(catalog));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/**
 * How an import ended, for listing: a record still `running` is running only while a writer
 * holds the lock and it is the latest import; otherwise its writer is gone (killed, power cut)
 * and it was interrupted: the batches it committed stand, the rest did not land.
 */
export function importState(
  catalog: Catalog,
  record: ImportRecord,
  writerAlive: boolean,
): 'running' | 'interrupted' | 'finished' {
  if (record.state !== 'running') return 'finished';
  return writerAlive && catalog.imports[catalog.imports.length - 1] === record ? 'running' : 'interrupted';
}
