/**
 * Passwords and login attempts. The store holds only the hash (the hashing itself is done at the
 * edge, src/auth/passwords.ts, so the store has no native dependency); setting a password needs an
 * administrator of one of the user's organisations, or the user themself, and is audited without
 * the hash. Login attempts are kept so the rate limit holds across server processes.
 */
import { sql } from 'kysely';
import { notFoundError } from '../../errors.js';
import type { Actor } from '../core/actor.js';
import { rolesIn } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { forbidden } from '../core/policy.js';
import { toInt } from '../core/rows.js';
import { dbOf, inTransaction, type Store } from '../core/store.js';

export interface Credentials {
  readonly userId: number;
  readonly username: string;
  /** Null until a password is set. */
  readonly passwordHash: string | null;
}

export async function credentialsFor(store: Store, username: string): Promise<Credentials | undefined> {
  const row = await dbOf(store)
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled_at'])
    .where('username', '=', username)
    .executeTakeFirst();
  // A disabled user has no usable password: their login is refused like a wrong one.
  return row === undefined
    ? undefined
    : { userId: row.id, username: row.username, passwordHash: row.disabled_at === null ? row.password_hash : null };
}

/** Stores a new password hash for `username`: by an administrator of one of their organisations, or by themself. */
export async function setPasswordHash(
  store: Store,
  actor: Actor | null,
  username: string,
  passwordHash: string,
): Promise<void> {
  await inTransaction(store, async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (user === undefined) throw notFoundError(`There is no user "${username}".`);
    if (actor !== null && actor.userId !== user.id) {
      const orgs = await tx
        .selectFrom('memberships')
        .select('organisation_id')
        .where('user_id', '=', user.id)
        .execute();
      if (!orgs.some((o) => rolesIn(actor, o.organisation_id).includes('admin'))) {
        throw forbidden(
          `${actor.username} cannot set ${username}'s password: that needs the admin role in one of their organisations.`,
        );
      }
    } else if (actor === null) {
      // Without an actor only a user who has no password yet may be given one (first set-up, the demo).
      const current = await tx
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      if (current.password_hash !== null)
        throw forbidden(`${username} already has a password; an administrator or ${username} must change it.`);
    }
    await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await writeAudit(tx, actor, {
      action: 'password',
      table: 'users',
      recordId: user.id,
      marking: 'OFFICIAL',
      organisationId: null,
      subjectId: user.id,
      after: { username },
    });
  });
}

export async function recordLoginAttempt(
  store: Store,
  attempt: { username: string; client: string; succeeded: boolean; at: Date },
): Promise<void> {
  await dbOf(store).insertInto('login_attempts').values(attempt).execute();
}

/** Failed attempts since `since` for this username, and from this client. */
export async function recentLoginFailures(
  store: Store,
  username: string,
  client: string,
  since: Date,
): Promise<{ byUsername: number; byClient: number }> {
  const row = await dbOf(store)
    .selectFrom('login_attempts')
    .select([
      sql<number>`count(*) FILTER (WHERE username = ${username})::int`.as('by_username'),
      sql<number>`count(*) FILTER (WHERE client = ${client})::int`.as('by_client'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { byUsername: toInt(row.by_username), byClient: toInt(row.by_client) };
}
