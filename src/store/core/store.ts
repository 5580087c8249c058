/**
 * The Store handle callers hold, and the private door to its database. Why: callers (CLI, web
 * app, report) must read marked records only through the policy-enforcing repositories, so the
 * Kysely instance is kept behind a module-private symbol that index.ts never re-exports.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

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

export function makeStore(db: Kysely<Database>, info: Omit<Store, 'close'>, close: () => Promise<void>): Store {
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

/**
 * Runs `fn` in one transaction: every change and its audit rows commit together or not at all.
 * Inside `atomically` the enclosing transaction is used, so a whole import commits as one.
 */
export function inTransaction<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = dbOf(store);
  if (db.isTransaction) return fn(db as Tx);
  return db.transaction().execute(fn);
}

/**
 * Runs `fn` with a store whose every repository call shares one transaction: a CSV import of many
 * rows stores all of them or, if `fn` throws, none.
 */
export function atomically<T>(store: Store, fn: (store: Store) => Promise<T>): Promise<T> {
  const db = dbOf(store);
  if (db.isTransaction) return fn(store);
  return db
    .transaction()
    .execute((tx) =>
      fn(
        makeStore(
          tx,
          { dialect: store.dialect, location: store.location, schema: store.schema },
          async () => undefined,
        ),
      ),
    );
}
