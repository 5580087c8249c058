/**
 * Roles a user holds in an organisation, and what each may do. Why: write permissions are one
 * declarative table (like marking visibility), so every repository asks the same question.
 * Decisions: roles are per organisation (an analyst in Warwickshire is a reader nowhere else);
 * an admin manages users and organisations but also counts as an analyst for editing.
 */
import { ROLES, type Role } from '../../domain/roles.js';

export { ROLES, type Role };

export type Action = 'manage' | 'edit' | 'approve' | 'read';

/** The roles that allow each action in an organisation. */
export const ALLOWED: Readonly<Record<Action, readonly Role[]>> = {
  manage: ['admin'],
  edit: ['admin', 'analyst'],
  approve: ['approver'],
  read: ['admin', 'analyst', 'approver', 'reader'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
