/**
 * Login throttling per (user, client) (issue 13, defect 7). Failures are counted for one
 * username from one client since that pair's last success or the user's last unlock, so wrong
 * passwords typed somewhere else never lock the real user out where they are; a per-username cap
 * across all clients (far higher) slows guessing spread over many addresses, and a per-client cap
 * over all usernames slows one address trying many names. An administrator of one of the user's
 * organisations can unlock them; failures, lockouts and unlocks are audited.
 */
import { sql } from 'kysely';
import { notFoundError } from '../../errors.js';
import { rolesIn, type Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { forbidden } from '../core/policy.js';
import { toInt } from '../core/rows.js';
import { dbOf, inTransaction, type Store } from '../core/store.js';

/** The client recorded for an administrator's unlock (a reset for every client). */
export const UNLOCK_CLIENT = '(unlocked by an administrator)';

export interface LoginFailures {
  /** This username from this client, since their last success here or the last unlock. */
  readonly byUserClient: number;
  /** This username from any client, since the last unlock. */
  readonly byUsername: number;
  /** Any username from this client. */
  readonly byClient: number;
  /** The latest failure for this username from this client. */
  readonly lastFailureAt: Date | null;
}

export async function loginFailures(
  store: Store,
  username: string,
  client: string,
  since: Date,
): Promise<LoginFailures> {
  const reset = sql`(SELECT max(at) FROM login_attempts WHERE username = ${username} AND succeeded AND client = ${UNLOCK_CLIENT})`;
  const pairReset = sql`(SELECT max(at) FROM login_attempts WHERE username = ${username} AND succeeded AND client IN (${client}, ${UNLOCK_CLIENT}))`;
  const row = await dbOf(store)
    .selectFrom('login_attempts')
    .select([
      sql<number>`count(*) FILTER (WHERE username = ${username} AND client = ${client} AND at > coalesce(${pairReset}, '-infinity'))::int`.as(
        'pair',
      ),
      sql<number>`count(*) FILTER (WHERE username = ${username} AND at > coalesce(${reset}, '-infinity'))::int`.as(
        'user',
      ),
      sql<number>`count(*) FILTER (WHERE client = ${client})::int`.as('client'),
      sql<Date | string | null>`max(at) FILTER (WHERE username = ${username} AND client = ${client})`.as('last'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return {
    byUserClient: toInt(row.pair),
    byUsername: toInt(row.user),
    byClient: toInt(row.client),
    lastFailureAt: row.last === null ? null : new Date(row.last),
  };
}

/** Lets `username` log in again from anywhere: by an administrator of one of their organisations. */
export async function unlockLogins(store: Store, actor: Actor, username: string, at: Date): Promise<void> {
  await inTransaction(store, async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    const orgs =
      user === undefined
        ? []
        : await tx.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).execute();
    // A user outside the actor's organisations is "not found", like a user who does not exist.
    if (user === undefined || !orgs.some((o) => rolesIn(actor, o.organisation_id).includes('admin'))) {
      if (user !== undefined && orgs.some((o) => actor.organisationIds.includes(o.organisation_id)))
        throw forbidden(
          `${actor.username} cannot unlock ${username}: that needs the admin role in one of their organisations.`,
        );
      throw notFoundError(`There is no user "${username}" in the organisations you administer.`);
    }
    await tx.insertInto('login_attempts').values({ username, client: UNLOCK_CLIENT, succeeded: true, at }).execute();
    await writeAudit(tx, actor, {
      action: 'unlock',
      table: 'users',
      recordId: user.id,
      marking: 'OFFICIAL',
      organisationId: null,
      subjectId: user.id,
      after: { username },
    });
  });
}

/** The user id of a username, for auditing a failed login (undefined: no such user). */
export async function userIdOf(store: Store, username: string): Promise<number | undefined> {
  const row = await dbOf(store).selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row?.id;
}
