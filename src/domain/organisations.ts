/** The kinds of organisation, a closed list shared by the store (its CHECK constraint, migration 001). */
export const ORGANISATION_KINDS = ['force', 'alliance', 'csp', 'opcc', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
