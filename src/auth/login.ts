/**
 * Logging in and out. A login is refused with the same message whether the user does not exist,
 * has no password yet or gave a wrong one (so usernames cannot be probed), and is rate-limited
 * per username and per client address over a window, counted in the store so the limit holds
 * across server processes.
 */
import { StraError } from '../errors.js';
import {
  createSession,
  credentialsFor,
  endSession,
  findSession,
  recentLoginFailures,
  recordLoginAttempt,
  type ActiveSession,
  type Store,
} from '../store/index.js';
import { decoyHash, passwordMatches } from './passwords.js';
import { newToken, tokenHash } from './tokens.js';

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

export interface LoginResult {
  /** Goes in the HttpOnly cookie; never stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export const loginRefused = () => new StraError('UNAUTHENTICATED', 'Wrong username or password.');

export async function logIn(
  store: Store,
  input: { username: string; password: string; client: string; sessionHours: number; now: Date },
): Promise<LoginResult> {
  const since = new Date(input.now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await recentLoginFailures(store, input.username, input.client, since);
  if (failures.byUsername >= MAX_FAILURES_PER_USERNAME || failures.byClient >= MAX_FAILURES_PER_CLIENT) {
    throw new StraError(
      'RATE_LIMITED',
      `Too many failed logins: wait ${LOGIN_WINDOW_MINUTES} minutes and try again, or ask an administrator to reset the password.`,
    );
  }
  const creds = await credentialsFor(store, input.username);
  const ok =
    creds?.passwordHash != null
      ? await passwordMatches(creds.passwordHash, input.password)
      : (await passwordMatches(await decoyHash(), input.password), false);
  await recordLoginAttempt(store, { username: input.username, client: input.client, succeeded: ok, at: input.now });
  if (!ok || creds === undefined) throw loginRefused();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(input.now.getTime() + input.sessionHours * 3_600_000);
  await createSession(store, creds.userId, { tokenHash: tokenHash(token), csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export function sessionFor(store: Store, token: string, now: Date): Promise<ActiveSession | undefined> {
  return findSession(store, tokenHash(token), now);
}

export function logOut(store: Store, token: string, now: Date): Promise<void> {
  return endSession(store, tokenHash(token), now);
}
