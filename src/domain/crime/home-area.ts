/**
 * The area a user's analyses open on: their organisation's. A force is its own area; an alliance
 * is its forces; a community safety partnership is one CSP of its parent force; an Office of the
 * Police and Crime Commissioner is its force. Without an organisation that places them, a user
 * starts from every force the warehouse holds. Why: importing a neighbouring force's months must
 * not change the figures the alliance sees by default (issue 14).
 */
import { forceName, POLICE_UK_FORCES } from './forces.js';

export interface OrganisationNode {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parentId: string | null;
}

export interface HomeArea {
  /** The organisation the default is taken from; null when none places the user. */
  readonly organisation: string | null;
  /** Force slugs; empty means every force. */
  readonly forces: readonly string[];
  /** One CSP of one force, for a CSP's users. */
  readonly csp: string | null;
}

const RANK: Readonly<Record<string, number>> = { alliance: 0, force: 1, opcc: 2, csp: 3 };
const CSP_SUFFIX = / Community Safety Partnership$/;

/** The police.uk slug of a force organisation: its id if it is one, else the slug of its name. */
function forceOf(org: OrganisationNode): string | undefined {
  if (forceName(org.id) !== undefined) return org.id;
  return POLICE_UK_FORCES.find((f) => f.name === org.name)?.slug;
}

function placeOf(org: OrganisationNode, all: readonly OrganisationNode[]): HomeArea | undefined {
  const byId = (id: string | null) => all.find((o) => o.id === id);
  switch (org.kind) {
    case 'force': {
      const force = forceOf(org);
      return force ? { organisation: org.name, forces: [force], csp: null } : undefined;
    }
    case 'alliance': {
      const forces = all.filter((o) => o.parentId === org.id && o.kind === 'force').map(forceOf);
      const known = forces.filter((f): f is string => f !== undefined).sort();
      return known.length ? { organisation: org.name, forces: known, csp: null } : undefined;
    }
    case 'opcc': {
      const slug = org.id.replace(/-opcc$/, '');
      return forceName(slug) ? { organisation: org.name, forces: [slug], csp: null } : undefined;
    }
    case 'csp': {
      const parent = byId(org.parentId);
      const force = parent?.kind === 'force' ? forceOf(parent) : undefined;
      return force ? { organisation: org.name, forces: [force], csp: org.name.replace(CSP_SUFFIX, '') } : undefined;
    }
    default:
      return undefined;
  }
}

/** The broadest area among the user's organisations (an alliance before a force before a CSP). */
export function homeArea(memberOf: readonly string[], organisations: readonly OrganisationNode[]): HomeArea {
  const places = memberOf
    .map((id) => organisations.find((o) => o.id === id))
    .filter((o): o is OrganisationNode => o !== undefined)
    .sort((a, b) => (RANK[a.kind] ?? 9) - (RANK[b.kind] ?? 9))
    .map((o) => placeOf(o, organisations))
    .filter((p): p is HomeArea => p !== undefined);
  return places[0] ?? { organisation: null, forces: [], csp: null };
}
