/** POST /api/session logs in, GET says who is logged in (with the CSRF token), DELETE logs out. */
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Login, type LoggedIn, type LoggedOut, type SessionView } from '../../api/index.js';
import { logIn, logOut } from '../../auth/login.js';
import { listUsers, type Store } from '../../store/index.js';
import { SESSION_COOKIE, sessionOf, type AppEnv } from '../session.js';
import { body } from '../validate.js';
import type { ServerOptions } from '../options.js';

function socketOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/**
 * The client's address for login throttling: the socket's, unless the socket is a trusted reverse
 * proxy (STRA_TRUSTED_PROXIES), in which case the nearest X-Forwarded-For address that is not
 * itself a trusted proxy. An untrusted socket's X-Forwarded-For is ignored (anyone can send one).
 */
export function clientOf(c: Context, trusted: readonly string[] = []): string {
  const socket = socketOf(c);
  if (!trusted.includes(socket)) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (let i = forwarded.length - 1; i >= 0; i--)
    if (!trusted.includes(forwarded[i]!)) return forwarded[i]!.slice(0, 100);
  return socket;
}

export function sessionRoutes(store: Store, options: ServerOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', async (c) => {
    const input = await body(c, Login);
    const now = options.now();
    const result = await logIn(store, {
      ...input,
      client: clientOf(c, options.trustedProxies),
      sessionHours: options.sessionHours,
      now,
    });
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: options.secureCookies,
      path: '/',
      expires: result.expiresAt,
    });
    c.set('session', undefined);
    return c.json({ csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() } satisfies LoggedIn);
  });
  app.get('/', async (c) => {
    const session = sessionOf(c);
    const actor = session.actor;
    const me = (await listUsers(store, actor)).find((u) => u.id === actor.userId);
    return c.json({
      username: actor.username,
      displayName: me?.displayName ?? actor.username,
      clearance: actor.clearance,
      roles: actor.roles,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    } satisfies SessionView);
  });
  app.delete('/', async (c) => {
    const token = c.get('token');
    if (token !== undefined) await logOut(store, token, options.now());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ loggedOut: true } satisfies LoggedOut);
  });
  return app;
}
