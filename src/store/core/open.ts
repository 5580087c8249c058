/**
 * Opening the system of record: embedded PGlite in the workspace (the default, nothing to
 * install) or a PostgreSQL server when a URL is given (`DATABASE_URL`). Both run the same
 * migrations on open. Why one function: callers never choose a driver, so the same code and
 * tests run on both. A PostgreSQL store may be isolated in its own schema (tests create one per
 * run so parallel runs never collide).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { inputError, StraError } from '../../errors.js';
import { migrate } from '../migrations/index.js';
import { lockFolder } from './pglite-lock.js';
import { eventsOf, makeStore, type Store } from './store.js';
import type { Database } from './schema.js';

export interface OpenStoreOptions {
  /** A PostgreSQL URL; when absent the embedded PGlite store is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data folder; omit (with no URL) for an in-memory store. */
  readonly folder?: string | undefined;
  /** PostgreSQL schema to keep the tables in (created if missing); default "public". */
  readonly schema?: string | undefined;
  /** How long to wait for another process to close a PGlite folder (default 10 s). */
  readonly lockWaitMs?: number | undefined;
  /**
   * An in-memory PGlite store started from a snapshot (`snapshotStore`) instead of an empty
   * database: the tests start hundreds of stores, and PGlite's initdb and the migrations cost
   * seconds each time.
   */
  readonly snapshot?: Blob | undefined;
}

/** The PGlite instance behind each embedded store, for `snapshotStore`. */
const embedded = new WeakMap<Store, { dumpDataDir(compression: 'none'): Promise<Blob> }>();

/** The whole embedded in-memory store as a tarball, to open copies of it with `{ snapshot }`. */
export async function snapshotStore(store: Store): Promise<Blob> {
  const pglite = embedded.get(store);
  if (pglite === undefined || store.location !== 'memory') {
    throw inputError('Only an in-memory embedded store can be snapshotted.');
  }
  await eventsOf(store).flush();
  return pglite.dumpDataDir('none');
}

/** Where a workspace keeps its embedded store. */
export const storeFolder = (workspaceRoot: string): string => path.join(workspaceRoot, 'store');

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.schema)
    : openPGlite(options.folder, options.lockWaitMs, options.snapshot);
}

async function openPGlite(folder: string | undefined, lockWaitMs?: number, snapshot?: Blob): Promise<Store> {
  if (snapshot !== undefined && folder !== undefined) {
    throw inputError('A store opened from a snapshot lives in memory: give a snapshot or a folder, not both.');
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let lock: { release(): Promise<void> } | undefined;
  if (folder !== undefined) {
    await mkdir(folder, { recursive: true });
    lock = await lockFolder(`${folder}.lock`, lockWaitMs);
  }
  let db: Kysely<Database> | undefined;
  try {
    const pglite = folder !== undefined ? new PGlite(folder) : new PGlite(snapshot ? { loadDataDir: snapshot } : {});
    db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrate(db as Kysely<unknown>, 'public');
    const opened = db;
    const store = makeStore(opened, { dialect: 'pglite', location: folder ?? 'memory', schema: 'public' }, async () => {
      await opened.destroy();
      await lock?.release();
    });
    embedded.set(store, pglite);
    return store;
  } catch (err) {
    await db?.destroy().catch(() => undefined);
    await lock?.release();
    throw err;
  }
}

async function openPostgres(url: string, schema = 'public'): Promise<Store> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema))
    throw inputError(`Schema name "${schema}" must be lower-case letters, digits and _.`);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(db);
    if (schema !== 'public') await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
    await migrate(db as Kysely<unknown>, schema);
  } catch (err) {
    await db.destroy();
    throw unreachable(err, url);
  }
  return makeStore(db, { dialect: 'postgres', location: redact(url), schema }, () => db.destroy());
}

function unreachable(err: unknown, url: string): unknown {
  if (err instanceof StraError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new StraError(
    'IO',
    `Cannot use the PostgreSQL store at ${redact(url)}: ${reason}. Check DATABASE_URL and that the server is running.`,
  );
}

/** The URL with any password replaced, for messages and `location`. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
