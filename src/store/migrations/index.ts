/**
 * Versioned migrations, listed in code (a static provider: no directory scanning, so the built
 * command and the tests run the same list) and applied when a store is opened. Decision: the
 * migration bookkeeping tables live in the store's own schema, named explicitly, because Kysely
 * otherwise looks for them in every schema and a test schema next door would confuse it.
 */
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { StraError } from '../../errors.js';
import * as m001 from './001-people.js';
import * as m002 from './002-assessments.js';
import * as m003 from './003-recommendations.js';
import * as m004 from './004-risks.js';
import * as m005 from './005-scanning.js';
import * as m006 from './006-priorities.js';
import * as m007 from './007-plans.js';
import * as m008 from './008-sessions.js';
import * as m009 from './009-organisation-scope.js';
import * as m010 from './010-user-disabled.js';
import * as m011 from './011-recommendation-due-corrections.js';
import * as m012 from './012-analyst-text.js';
import * as m013 from './013-links.js';
import * as m016 from './016-uniqueness-in-sight.js';
import * as m017 from './017-texts-per-marking.js';
import * as m018 from './018-strategy-plans.js';
import * as m019 from './019-plan-objective-maps.js';
import * as m020 from './020-deconfliction-contacts.js';
import * as m021 from './021-assessment-settings.js';
import * as m022 from './022-link-refused-imports.js';

/** Every migration by name, in the order applied (exported for tests that rebuild an older store). */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-people': m001,
  '002-assessments': m002,
  '003-recommendations': m003,
  '004-risks': m004,
  '005-scanning': m005,
  '006-priorities': m006,
  '007-plans': m007,
  '008-sessions': m008,
  '009-organisation-scope': m009,
  '010-user-disabled': m010,
  '011-recommendation-due-corrections': m011,
  '012-analyst-text': m012,
  '013-links': m013,
  '016-uniqueness-in-sight': m016,
  '017-texts-per-marking': m017,
  '018-strategy-plans': m018,
  '019-plan-objective-maps': m019,
  '020-deconfliction-contacts': m020,
  '021-assessment-settings': m021,
  '022-link-refused-imports': m022,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1);

/**
 * Brings the schema up to date; returns the names of the migrations applied now. A store already
 * up to date is recognised with one read of the bookkeeping table: the migrator's lock table,
 * transaction and reads cost a short command (`stra report`) several queries on every open.
 */
export async function migrate(db: Kysely<unknown>, schema: string): Promise<string[]> {
  if (await upToDate(db, schema)) return [];
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(before any migration)';
    const reason = error instanceof Error ? error.message : String(error);
    throw new StraError('INTERNAL', `Store migration ${failed} failed: ${reason}`, { migration: failed });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function upToDate(db: Kysely<unknown>, schema: string): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.id(schema, 'kysely_migration')}`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return (
      Object.keys(MIGRATIONS).every((name) => applied.has(name)) && applied.size === Object.keys(MIGRATIONS).length
    );
  } catch {
    return false; // no bookkeeping table yet: a new store
  }
}
