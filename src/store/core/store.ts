/**
 * The Store handle callers hold, and the private door to its database. Why: callers (CLI, web
 * app, report) must read marked records only through the policy-enforcing repositories, so the
 * Kysely instance is kept behind a module-private symbol that index.ts never re-exports.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { EventQueue } from './event-queue.js';

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
const EVENTS = Symbol('store.events');

interface StoreInternals extends Store {
  readonly [DB]: Kysely<Database>;
  readonly [EVENTS]: EventQueue;
}

/**
 * A store over `db`. Its audit events queue (event-queue.ts) is flushed before `close` closes
 * the database; a store for one transaction shares its parent's queue (`events`).
 */
export function makeStore(
  db: Kysely<Database>,
  info: Omit<Store, 'close'>,
  close: () => Promise<void>,
  shared?: EventQueue,
): Store {
  const events = shared ?? new EventQueue(db);
  const store: StoreInternals = {
    ...info,
    // A transaction's store leaves the queue to the store that owns it.
    close:
      shared !== undefined
        ? close
        : async () => {
            await events.close();
            await close();
          },
    [DB]: db,
    [EVENTS]: events,
  };
  return store;
}

/** The store's queue of audit events written off the request path (for src/store only). */
export function eventsOf(store: Store): EventQueue {
  const events = (store as Partial<StoreInternals>)[EVENTS];
  if (events === undefined) throw new Error('not a store opened by openStore()');
  return events;
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
          eventsOf(store),
        ),
      ),
    );
}
