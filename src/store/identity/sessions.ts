/**
 * Login sessions. Only the SHA-256 of the session token is stored (the token itself lives in the
 * user's cookie), with the CSRF token the pages must echo and an expiry. Looking a session up
 * returns the acting user loaded fresh from the store, so a clearance or membership changed by an
 * administrator applies on the next request. The store's revision comes in the same round trip.
 */
import { sql } from 'kysely';
import { actorFromRows, type Actor } from '../core/actor.js';
import { REVISION_SQL, writeAudit } from '../core/audit.js';
import { toInt, toIso } from '../core/rows.js';
import { dbOf, inTransaction, type Store } from '../core/store.js';

export interface NewSession {
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ActiveSession {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly expiresAt: string;
  /**
   * The store's revision read in the same query (storeRevision), when asked for: as current as the
   * request, so the server's cached reads key on it without a second round trip.
   */
  readonly revision?: number | undefined;
}

export async function createSession(store: Store, userId: number, session: NewSession): Promise<void> {
  await inTransaction(store, async (tx) => {
    await tx
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        user_id: userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
      })
      .execute();
    const user = await tx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await writeAudit(
      tx,
      { userId: user.id, username: user.username, clearance: 'OFFICIAL', organisationIds: [], roles: {} },
      {
        action: 'login',
        table: 'sessions',
        recordId: user.id,
        marking: 'OFFICIAL',
        organisationId: null,
        subjectId: user.id,
        after: { expiresAt: session.expiresAt.toISOString() },
      },
    );
  });
}

/**
 * The session with this token hash if it has not expired at `now`, with its user's clearance and
 * memberships read in the same query (every request pays this lookup, so it is one round trip).
 */
export async function findSession(
  store: Store,
  tokenHash: string,
  now: Date,
  withRevision = false,
): Promise<ActiveSession | undefined> {
  const rows = await dbOf(store)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .select([
      'users.id',
      'users.username',
      'users.clearance',
      'sessions.csrf_token',
      'sessions.expires_at',
      'memberships.organisation_id',
      'memberships.role',
      (withRevision ? REVISION_SQL : sql<null>`NULL`).as('revision'),
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .orderBy('memberships.organisation_id')
    .execute();
  const first = rows[0];
  if (first === undefined) return undefined;
  const actor = actorFromRows(
    first,
    rows.map((r) => ({ organisation_id: r.organisation_id, role: r.role })),
  );
  const revision = withRevision ? (first.revision === null ? 0 : toInt(first.revision)) : undefined;
  return { actor, csrfToken: first.csrf_token, expiresAt: toIso(first.expires_at), revision };
}

/** Ends the session (logout); also sweeps sessions that have expired. */
export async function endSession(store: Store, tokenHash: string, now: Date): Promise<void> {
  await inTransaction(store, async (tx) => {
    const ended = await tx
      .deleteFrom('sessions')
      .where('token_hash', '=', tokenHash)
      .returning('user_id')
      .executeTakeFirst();
    await tx.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    if (ended === undefined) return;
    const user = await tx
      .selectFrom('users')
      .select(['id', 'username'])
      .where('id', '=', ended.user_id)
      .executeTakeFirstOrThrow();
    await writeAudit(
      tx,
      { userId: user.id, username: user.username, clearance: 'OFFICIAL', organisationIds: [], roles: {} },
      {
        action: 'logout',
        table: 'sessions',
        recordId: user.id,
        marking: 'OFFICIAL',
        organisationId: null,
        subjectId: user.id,
      },
    );
  });
}
