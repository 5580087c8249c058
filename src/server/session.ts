/**
 * Who is asking: the session cookie (HttpOnly, SameSite=Strict, holding a random token whose
 * SHA-256 is looked up in the store), and the CSRF rule for cookie sessions: every request that
 * changes something must echo the session's CSRF token in the X-CSRF-Token header, which a page
 * on another site cannot read. Login itself needs a JSON body (a cross-site form cannot send one).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sessionFor } from '../auth/login.js';
import { StraError } from '../errors.js';
import type { ActiveSession, Actor, Store } from '../store/index.js';
import type { SensitiveRecords } from './sensitive-records.js';

export const SESSION_COOKIE = 'stra_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AppEnv {
  Variables: {
    session: ActiveSession | undefined;
    token: string | undefined;
    /** Set by cachedJson: the answer's sensitive records, found once per cached answer (disclosure-audit.ts). */
    sensitive: SensitiveRecords | undefined;
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The reads answered from the ReadCache (read-cache.ts): their session lookup brings the store's
 * revision too, saving them a round trip; other requests do not pay for it.
 */
const CACHED_STORE_READS = /^\/api\/assessments\/\d+\/(threats|combined|dashboard)$/;

export function sessionMiddleware(store: Store, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const cachedRead = c.req.method === 'GET' && CACHED_STORE_READS.test(c.req.path);
    const session =
      token === undefined || token.length > 100 ? undefined : await sessionFor(store, token, now(), cachedRead);
    c.set('session', session);
    c.set('token', session === undefined ? undefined : token);
    if (UNSAFE.has(c.req.method) && session !== undefined && c.req.path !== '/api/session') {
      if (c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw new StraError(
          'FORBIDDEN',
          "This request did not carry the page's security token (X-CSRF-Token); reload the page and try again.",
        );
      }
    }
    await next();
  };
}

/** The logged-in user's session, or a 401 asking them to log in. */
export function sessionOf(c: Context<AppEnv>): ActiveSession {
  const session = c.get('session');
  if (session === undefined)
    throw new StraError('UNAUTHENTICATED', 'You are not logged in (or your session has ended): log in again.');
  return session;
}

/** The logged-in user, or a 401 asking them to log in. */
export function actorOf(c: Context<AppEnv>): Actor {
  return sessionOf(c).actor;
}
