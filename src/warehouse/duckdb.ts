/**
 * A thin, narrow interface over DuckDB so the rest of the warehouse depends on `Sql` (run a
 * statement, read rows as plain objects) rather than on vendor classes. BIGINT results become
 * JS numbers (counts here are far below 2^53) so callers never meet bigint.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

export interface Sql {
  run(sql: string): Promise<void>;
  all<T = Row>(sql: string): Promise<T[]>;
  /** Column-wise results: far cheaper than row objects for large answers. */
  columns(sql: string): Promise<Record<string, unknown[]>>;
  /** Appends text rows to a (temporary) table through DuckDB's appender, in column order. */
  append(table: string, rows: readonly (readonly (string | null)[])[]): Promise<void>;
  /**
   * Another connection to the same database, for a statement run beside this one's (its own
   * temporary tables and settings); closing it leaves this one open, and closing this one
   * closes it.
   */
  connect(): Promise<Sql>;
  close(): void;
}

export interface DuckOptions {
  readonly threads: number;
  readonly memoryLimit: string;
  readonly tempDirectory?: string;
}

export async function openDuck(options: DuckOptions): Promise<Sql> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads),
    memory_limit: options.memoryLimit,
    // Only the extensions bundled in the npm package; never download at run time.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
    ...(options.tempDirectory ? { temp_directory: options.tempDirectory } : {}),
  });
  const connection = await instance.connect();
  return wrap(instance, connection, new Set(), true);
}

/** `open`: the connections made from the owner's (or from theirs) that are still open. */
function wrap(
  instance: DuckDBInstance,
  connection: DuckDBConnection,
  open: Set<DuckDBConnection>,
  owner: boolean,
): Sql {
  return {
    async connect() {
      const child = await instance.connect();
      open.add(child);
      return wrap(instance, child, open, false);
    },
    async run(sql) {
      await connection.run(sql);
    },
    async all<T>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => normalise(row) as T);
    },
    async append(table, rows) {
      const appender = await connection.createAppender(table, 'main', 'temp');
      try {
        for (const row of rows) {
          for (const value of row) {
            if (value === null) appender.appendNull();
            else appender.appendVarchar(value);
          }
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async columns(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      const cols = reader.getColumnsObjectJS() as Record<string, unknown[]>;
      for (const values of Object.values(cols)) {
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (typeof v === 'bigint') values[i] = Number(v);
          else if (Array.isArray(v))
            for (let k = 0; k < v.length; k++) if (typeof v[k] === 'bigint') v[k] = Number(v[k]);
        }
      }
      return cols;
    },
    close() {
      if (owner) {
        // the connections made from it that are still open, then its own and the database
        for (const c of open) c.closeSync();
        open.clear();
      } else {
        if (!open.delete(connection)) return; // already closed (by the owner)
      }
      connection.closeSync();
      if (owner) instance.closeSync();
    },
  };
}

function normalise(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}
