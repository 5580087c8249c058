/**
 * The store's test dialects, from a list (as Kysely runs its suite): PGlite always, and the
 * PostgreSQL server at STRA_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * when it answers; when it does not, that dialect is skipped with a message. Each PostgreSQL
 * store lives in its own schema, created for the test file and dropped afterwards, so parallel
 * runs never collide; each PGlite store is in memory.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from '../src/store/index.js';
import { emptyStore } from './store-snapshots.js';

export const POSTGRES_TEST_URL = process.env.STRA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface DialectCase {
  readonly name: 'pglite' | 'postgres';
  readonly open: () => Promise<Store>;
}

async function postgresProblem(): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const schemas: string[] = [];

async function dropSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    while (schemas.length > 0) await client.query(`DROP SCHEMA IF EXISTS "${schemas.pop()}" CASCADE`);
  } finally {
    await client.end();
  }
}

const problem = await postgresProblem();
if (problem !== undefined) {
  process.stderr.write(`store tests: skipping PostgreSQL (${POSTGRES_TEST_URL} is unreachable: ${problem})\n`);
}

export const DIALECTS: readonly DialectCase[] = [
  { name: 'pglite', open: emptyStore },
  ...(problem === undefined
    ? [
        {
          name: 'postgres' as const,
          open: async () => {
            const schema = `stra_test_${process.pid}_${randomBytes(4).toString('hex')}`;
            schemas.push(schema);
            return openStore({ databaseUrl: POSTGRES_TEST_URL, schema });
          },
        },
      ]
    : []),
];

/**
 * One describe block per dialect, each with its own store opened before and closed after its
 * tests. `get()` returns that block's store.
 */
export function describeEachDialect(
  title: string,
  body: (get: () => Store, dialect: DialectCase['name']) => void,
): void {
  for (const dialect of DIALECTS) {
    describe(`${title} [${dialect.name}]`, () => {
      let store: Store | undefined;
      beforeAll(async () => {
        store = await dialect.open();
      });
      afterAll(async () => {
        await store?.close();
        await dropSchemas();
      });
      body(() => {
        if (store === undefined) throw new Error('store not open');
        return store;
      }, dialect.name);
    });
  }
}
