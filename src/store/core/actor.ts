/**
 * The Actor: who is asking, with what clearance, in which organisations and roles. Every
 * repository call takes one, and reads and writes are judged against it. Why loaded from the
 * store each time: a clearance or membership changed by an administrator applies at once.
 */
import { notFoundError } from '../../errors.js';
import { parseMarking, type Marking } from '../../domain/marking.js';
import { isRole, type Role } from './roles.js';
import { dbOf, type Store } from './store.js';

export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly clearance: Marking;
  /** Every organisation the actor belongs to, in any role. */
  readonly organisationIds: readonly string[];
  /** organisation id -> the roles held there. */
  readonly roles: Readonly<Record<string, readonly Role[]>>;
}

export async function actorFor(store: Store, username: string): Promise<Actor> {
  const db = dbOf(store);
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'clearance'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (user === undefined) {
    throw notFoundError(`There is no user "${username}" in this store; \`stra user list\` shows the users.`);
  }
  const memberships = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', user.id)
    .orderBy('organisation_id')
    .execute();
  return actorFromRows(user, memberships);
}

/** An Actor from a user row and its membership rows (ordered by organisation; nulls ignored). */
export function actorFromRows(
  user: { id: number; username: string; clearance: string },
  memberships: readonly { organisation_id: string | null; role: string | null }[],
): Actor {
  const roles: Record<string, Role[]> = {};
  for (const m of memberships) {
    if (m.organisation_id !== null && m.role !== null && isRole(m.role)) (roles[m.organisation_id] ??= []).push(m.role);
  }
  return {
    userId: user.id,
    username: user.username,
    clearance: parseMarking(user.clearance),
    organisationIds: Object.keys(roles),
    roles,
  };
}

export const rolesIn = (actor: Actor, organisationId: string): readonly Role[] => actor.roles[organisationId] ?? [];

/** Whether the actor holds any of these roles in any organisation. */
export const holdsRole = (actor: Actor, ...roles: readonly Role[]): boolean =>
  Object.values(actor.roles).some((held) => held.some((r) => roles.includes(r)));
