/** Migration 005-scanning: placeholder, replaced by the register's tables. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}
