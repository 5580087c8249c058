/**
 * First run (issue 14): GET /api/setup lists the organisations a workspace with no users can be
 * set up for; POST /api/setup creates the chosen one and its first administrator. Both answer
 * 404 once the workspace has a user.
 */
import { z } from 'zod';
import { marking } from './fields.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const username = z
  .string()
  .trim()
  .min(1, 'give a username')
  .max(100)
  .regex(USERNAME_PATTERN, 'letters, digits, dots, hyphens and underscores only, starting with a letter or digit');
export const displayName = z.string().trim().min(1, 'give the name people know them by').max(200);
export const newPassword = z
  .string()
  .min(10, 'at least 10 characters (a few words together make a good one)')
  .max(256, 'at most 256 characters');

export const SetupRequest = z.strictObject({
  /** Required when the server asks for one (SetupOptions.tokenRequired): `stra serve` prints it. */
  setupToken: z.string().trim().max(100).optional(),
  organisation: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('force'), force: z.string().min(1).max(100) }),
    z.strictObject({ kind: z.literal('csp'), force: z.string().min(1).max(100), csp: z.string().min(1).max(100) }),
    z.strictObject({ kind: z.literal('opcc'), force: z.string().min(1).max(100) }),
  ]),
  admin: z.strictObject({
    username,
    displayName,
    clearance: marking,
    password: newPassword,
  }),
});
export type SetupRequest = z.input<typeof SetupRequest>;

/** A force of the area table, with its CSPs and districts. */
export interface SetupForce {
  readonly slug: string;
  readonly name: string;
  readonly csps: readonly {
    readonly id: string;
    readonly name: string;
    readonly districts: readonly string[];
    readonly lsoas: number;
  }[];
  readonly districts: number;
  readonly lsoas: number;
}

/** GET /setup. */
export interface SetupOptions {
  readonly needed: true;
  /** The set-up must give the token `stra serve` printed (a server reachable beyond the loopback). */
  readonly tokenRequired: boolean;
  readonly forces: readonly SetupForce[];
}

/** POST /setup. */
export interface SetupDone {
  readonly username: string;
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly kind: string }[];
  readonly administers: readonly string[];
  readonly csps: number;
  readonly districts: number;
  readonly lsoas: number;
}
