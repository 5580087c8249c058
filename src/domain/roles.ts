/**
 * The roles a user holds in an organisation, a closed list shared by the store (its CHECK
 * constraint, migration 001, and what each role may do, store/core/roles.ts).
 */
export const ROLES = ['admin', 'analyst', 'approver', 'reader'] as const;
export type Role = (typeof ROLES)[number];
