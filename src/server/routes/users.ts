/**
 * Users, for their organisations' administrators (issues 13 and 14): list, create (with a first
 * password and roles), change name, clearance or disabled, reset a password, grant and remove
 * roles, and end a login lockout. Thin: the store decides who may (an admin of the user's
 * organisations, never above their own clearance) and audits every change.
 */
import { Hono, type Context } from 'hono';
import {
  MembershipRequest,
  NewUserRequest,
  PasswordResetRequest,
  UserChangeRequest,
  type AdministeredUser,
} from '../../api/index.js';
import { hashPassword } from '../../auth/passwords.js';
import { inputError } from '../../errors.js';
import {
  addMembership,
  administeredUsers,
  atomically,
  createUser,
  removeMembership,
  resetPassword,
  setPasswordHash,
  unlockLogins,
  updateUser,
  type Store,
} from '../../store/index.js';
import type { ServerOptions } from '../options.js';
import { actorOf, type AppEnv } from '../session.js';
import { body } from '../validate.js';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function usernameParam(c: Context<AppEnv>): string {
  const username = c.req.param('username') ?? '';
  if (!USERNAME.test(username))
    throw inputError(`"${username.slice(0, 100)}" is not a username.`, {
      fields: [{ field: 'username', message: 'not a username' }],
    });
  return username;
}

export function userRoutes(store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const one = async (c: Context<AppEnv>, username: string): Promise<AdministeredUser> => {
    const user = (await administeredUsers(store, actorOf(c))).find((u) => u.username === username);
    if (user === undefined) throw new Error(`user ${username} just changed is not visible to its administrator`);
    return user;
  };
  app.get('/users', async (c) => c.json(await administeredUsers(store, actorOf(c))));
  app.post('/users', async (c) => {
    const actor = actorOf(c);
    const input = await body(c, NewUserRequest);
    const hash = await hashPassword(input.password);
    await atomically(store, async (s) => {
      await createUser(s, actor, { ...input, memberships: input.memberships });
      await setPasswordHash(s, actor, input.username, hash);
    });
    return c.json(await one(c, input.username), 201);
  });
  app.put('/users/:username', async (c) => {
    const username = usernameParam(c);
    await updateUser(store, actorOf(c), username, await body(c, UserChangeRequest));
    return c.json(await one(c, username));
  });
  app.post('/users/:username/password', async (c) => {
    const username = usernameParam(c);
    const input = await body(c, PasswordResetRequest);
    await resetPassword(store, actorOf(c), username, await hashPassword(input.password));
    return c.json({ username, passwordSet: true });
  });
  app.post('/users/:username/memberships', async (c) => {
    const username = usernameParam(c);
    const input = await body(c, MembershipRequest);
    await addMembership(store, actorOf(c), username, input.organisationId, input.role);
    return c.json(await one(c, username), 201);
  });
  app.delete('/users/:username/memberships/:organisation/:role', async (c) => {
    const username = usernameParam(c);
    await removeMembership(store, actorOf(c), username, c.req.param('organisation'), c.req.param('role'));
    const left = (await administeredUsers(store, actorOf(c))).find((u) => u.username === username);
    return c.json(left ?? { username, memberships: [] });
  });
  app.post('/users/:username/unlock', async (c) => {
    const actor = actorOf(c);
    const username = usernameParam(c);
    await unlockLogins(store, actor, username, options.now());
    return c.json({ unlocked: username });
  });
  return app;
}
