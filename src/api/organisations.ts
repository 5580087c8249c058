/** Organisations: forces, alliances, community safety partnerships, OPCCs and other partners (not marked). */

export type OrganisationKind = 'force' | 'alliance' | 'csp' | 'opcc' | 'partner';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** The force or alliance a CSP nests under. */
  readonly parentId: string | null;
  readonly createdAt: string;
}
