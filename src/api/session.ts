/** Logging in and out, and who is logged in: POST, GET and DELETE /api/session. */
import { z } from 'zod';
import type { Marking } from './fields.js';

/** The roles a user holds in an organisation. */
export type Role = 'admin' | 'analyst' | 'approver' | 'reader';

/** POST /session. */
export const Login = z.strictObject({
  username: z.string().min(1, 'give your username').max(100),
  password: z.string().min(1, 'give your password').max(256),
});
export type Login = z.input<typeof Login>;

/** POST /session: the token to echo in X-CSRF-Token on every change, and when the session ends. */
export interface LoggedIn {
  readonly csrfToken: string;
  /** ISO 8601 UTC. */
  readonly expiresAt: string;
}

/** GET /session: who is logged in. */
export interface SessionView {
  readonly username: string;
  readonly displayName: string;
  readonly clearance: Marking;
  /** Organisation id -> the roles held there. */
  readonly roles: Readonly<Record<string, readonly Role[]>>;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** DELETE /session. */
export interface LoggedOut {
  readonly loggedOut: true;
}
