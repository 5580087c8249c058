/** Usernames for messages ("last changed by bob"); user names are not marked. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function usernameOf(db: Kysely<Database>, userId: number | null): Promise<string | undefined> {
  if (userId === null) return undefined;
  const row = await db.selectFrom('users').select('username').where('id', '=', userId).executeTakeFirst();
  return row?.username;
}
