/**
 * The Store handle callers hold, and the private door to its database. Why: callers (CLI, web
 * app, report) must read marked records only through the policy-enforcing repositories, so the
 * Kysely instance is kept behind a module-private symbol that index.ts never re-exports.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './types.js';

export type Dialect = 'pglite' | 'postgres';

export interface Store {
  readonly dialect: Dialect;
  /** The PGlite folder (or "memory"), or the PostgreSQL URL without its password. */
  readonly location: string;
  /** The schema the tables live in ("public" unless isolated, e.g. by a test). */
  readonly schema: string;
  close(): Promise<void>;
}

const DB = Symbol('store.db');

interface StoreInternals extends Store {
  readonly [DB]: Kysely<Database>;
}

export function makeStore(
  db: Kysely<Database>,
  info: Omit<Store, 'close'>,
  close: () => Promise<void>,
): Store {
  const store: StoreInternals = { ...info, close, [DB]: db };
  return store;
}

/** For repositories inside src/store only. */
export function dbOf(store: Store): Kysely<Database> {
  const db = (store as Partial<StoreInternals>)[DB];
  if (db === undefined) throw new Error('not a store opened by openStore()');
  return db;
}

export type Tx = Transaction<Database>;

/** Runs `fn` in one transaction: every change and its audit rows commit together or not at all. */
export function inTransaction<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return dbOf(store).transaction().execute(fn);
}
