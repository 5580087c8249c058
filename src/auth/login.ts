/**
 * Logging in and out. A login is refused with the same message whether the user does not exist,
 * has no password yet or gave a wrong one (so usernames cannot be probed). Throttling (issue 13),
 * counted in the store so it holds across server processes: per (username, client), after 5
 * failures each further attempt waits 1, 2, 4 ... up to 15 minutes after the last failure, so
 * an attacker elsewhere never locks the real user out; per username over all clients 100 failures
 * in the window, per client over all usernames 20. An administrator can unlock a user. Every
 * failed login and every lockout is audited.
 */
import { StraError } from '../errors.js';
import {
  createSession,
  credentialsFor,
  endSession,
  findSession,
  loginFailures,
  recordEvent,
  recordLoginAttempt,
  userIdOf,
  type ActiveSession,
  type Store,
} from '../store/index.js';
import { decoyHash, passwordMatches } from './passwords.js';
import { newToken, tokenHash } from './tokens.js';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures of one username from one client before backoff starts. */
export const FREE_FAILURES = 5;
export const MAX_BACKOFF_MINUTES = 15;
/** Caps over the window: one username from all clients, and one client for all usernames. */
export const MAX_FAILURES_PER_USERNAME = 100;
export const MAX_FAILURES_PER_CLIENT = 20;

/** Minutes to wait after the last failure, once a (username, client) pair has failed `n` times. */
export const backoffMinutes = (n: number): number =>
  n < FREE_FAILURES ? 0 : Math.min(MAX_BACKOFF_MINUTES, 2 ** (n - FREE_FAILURES));

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
  const failures = await loginFailures(store, input.username, input.client, since);
  const wait = backoffMinutes(failures.byUserClient);
  const until = failures.lastFailureAt === null ? 0 : failures.lastFailureAt.getTime() + wait * 60_000;
  if (
    (wait > 0 && until > input.now.getTime()) ||
    failures.byUsername >= MAX_FAILURES_PER_USERNAME ||
    failures.byClient >= MAX_FAILURES_PER_CLIENT
  ) {
    const minutes =
      wait > 0 && until > input.now.getTime()
        ? Math.ceil((until - input.now.getTime()) / 60_000)
        : LOGIN_WINDOW_MINUTES;
    throw new StraError(
      'RATE_LIMITED',
      `Too many failed logins: wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask an administrator to unlock the account.`,
    );
  }
  const creds = await credentialsFor(store, input.username);
  const ok =
    creds?.passwordHash != null
      ? await passwordMatches(creds.passwordHash, input.password)
      : (await passwordMatches(await decoyHash(), input.password), false);
  await recordLoginAttempt(store, { username: input.username, client: input.client, succeeded: ok, at: input.now });
  if (!ok || creds === undefined) {
    await auditFailure(store, input, failures.byUserClient + 1);
    throw loginRefused();
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(input.now.getTime() + input.sessionHours * 3_600_000);
  await createSession(store, creds.userId, { tokenHash: tokenHash(token), csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** A failed login in the audit (and a lockout when this failure starts a backoff). */
async function auditFailure(
  store: Store,
  input: { username: string; client: string },
  failures: number,
): Promise<void> {
  const subjectId = (await userIdOf(store, input.username)) ?? null;
  const entry = {
    table: 'sessions',
    recordId: subjectId ?? input.username.slice(0, 100),
    marking: 'OFFICIAL' as const,
    organisationId: null,
    subjectId,
    actorName: `(failed login as ${input.username.slice(0, 100)})`,
    after: { username: input.username.slice(0, 100), client: input.client, failures },
  };
  const who =
    subjectId === null
      ? null
      : { userId: subjectId, username: input.username, clearance: 'OFFICIAL' as const, organisationIds: [], roles: {} };
  await recordEvent(store, who, { action: 'login-failed', ...entry });
  if (failures >= FREE_FAILURES)
    await recordEvent(store, who, {
      action: 'lockout',
      ...entry,
      after: { ...entry.after, minutes: backoffMinutes(failures) },
    });
}

/** `withRevision`: read the store's revision in the same query (for a cached read: ActiveSession). */
export function sessionFor(
  store: Store,
  token: string,
  now: Date,
  withRevision = false,
): Promise<ActiveSession | undefined> {
  return findSession(store, tokenHash(token), now, withRevision);
}

export function logOut(store: Store, token: string, now: Date): Promise<void> {
  return endSession(store, tokenHash(token), now);
}
