/**
 * Administering users (issue 14): GET/POST /api/users, PUT /api/users/:username (name,
 * clearance, disabled), POST /api/users/:username/password (a reset), POST and DELETE
 * /api/users/:username/memberships (roles). For the administrators of the users' organisations.
 */
import { z } from 'zod';
import { marking, type Marking } from './fields.js';
import type { Role } from './session.js';
import { displayName, newPassword, username } from './setup.js';
import { ROLES } from '../domain/roles.js';

export const MembershipRequest = z.strictObject({
  organisationId: z.string().trim().min(1, 'choose an organisation').max(100),
  role: z.enum(ROLES, 'one of admin, analyst, approver, reader'),
});
export type MembershipRequest = z.input<typeof MembershipRequest>;

export const NewUserRequest = z.strictObject({
  username,
  displayName,
  clearance: marking,
  password: newPassword,
  memberships: z.array(MembershipRequest).min(1, 'give them at least one role').max(50),
});
export type NewUserRequest = z.input<typeof NewUserRequest>;

export const UserChangeRequest = z.strictObject({
  displayName: displayName.optional(),
  clearance: marking.optional(),
  disabled: z.boolean().optional(),
});
export type UserChangeRequest = z.input<typeof UserChangeRequest>;

export const PasswordResetRequest = z.strictObject({ password: newPassword });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

/** GET /users: a user of an organisation the caller administers. */
export interface AdministeredUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly clearance: Marking;
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly memberships: readonly { readonly organisationId: string; readonly role: Role }[];
  /** Whether the caller administers every organisation the user belongs to (may change them). */
  readonly manageable: boolean;
  readonly createdAt: string;
}
