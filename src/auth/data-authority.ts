/**
 * Who may write which force's crime data (issue 13). The warehouse holds every force's crime in
 * one place, so an import is a write *for a force*, judged against the importer's roles:
 *
 * - **police.uk open data** for force F: an analyst or administrator of F, of the alliance F
 *   belongs to (F's parent organisation of kind `alliance`), or of the deployment's national data
 *   organisation (`STRA_NATIONAL_DATA_ORG`), if it designates one.
 * - **a force's own extract** for force F: an analyst or administrator of F only. The force comes
 *   from the extract's `force` column (every value is checked) or from `--force`.
 * - **Home Office PRC tables** (every force's counts for a year): the national data organisation
 *   only.
 *
 * A force organisation's id is its police.uk force id (`west-mercia`). Pure: the caller reads
 * the files and the organisations.
 */
import type { Actor } from '../store/index.js';

export interface OrganisationNode {
  readonly id: string;
  readonly kind: string;
  readonly parentId: string | null;
}

/** What one file would write: its source (police-uk, force-extract, prc) and force, if any. */
export interface ImportTarget {
  readonly file: string;
  readonly source: string;
  readonly force: string | null;
}

const WRITERS = ['analyst', 'admin'];

/** The organisations where the actor may write data (analyst or admin there). */
export const writerOrganisations = (actor: Actor): Set<string> =>
  new Set(actor.organisationIds.filter((o) => (actor.roles[o] ?? []).some((r) => WRITERS.includes(r))));

/** Why the actor may not write this file's data, or null when they may. */
export function importRefusal(
  actor: Actor,
  organisations: readonly OrganisationNode[],
  target: ImportTarget,
  nationalDataOrganisation?: string,
): string | null {
  const writes = writerOrganisations(actor);
  const national = nationalDataOrganisation !== undefined && writes.has(nationalDataOrganisation);
  const who = actor.username;
  if (target.source === 'prc') {
    return national
      ? null
      : `${target.file}: a Home Office PRC table holds every force's counts; only the national data organisation${nationalDataOrganisation === undefined ? ' (none is designated: STRA_NATIONAL_DATA_ORG)' : ` (${nationalDataOrganisation})`} may import it, and ${who} is not an analyst there.`;
  }
  const force = target.force;
  if (force === null) return null; // rows without a force are rejected by the import itself
  if (writes.has(force)) return null;
  if (target.source === 'force-extract')
    return `${target.file}: ${force}'s own extract can be imported only by an analyst or administrator of ${force}; ${who} is not one.`;
  const alliance = organisations.find((o) => o.id === organisations.find((f) => f.id === force)?.parentId);
  if (alliance?.kind === 'alliance' && writes.has(alliance.id)) return null;
  if (national) return null;
  return `${target.file}: police.uk data for ${force} can be imported only by an analyst or administrator of ${force}${alliance?.kind === 'alliance' ? ` or of ${alliance.id}` : ''}${nationalDataOrganisation === undefined ? '' : ` or of ${nationalDataOrganisation}`}; ${who} is not one.`;
}

/**
 * Why the actor may not read force F's incidents or missing episodes (a force's own data, not open
 * data), or null when they may: a member of F in any role, or of the alliance F belongs to (F's
 * parent organisation of kind `alliance`). Other forces, CSPs and partners are refused. The
 * answers are aggregates at OFFICIAL, so every clearance suffices.
 */
export function demandReadRefusal(
  actor: Actor,
  organisations: readonly OrganisationNode[],
  force: string,
): string | null {
  const mine = new Set(actor.organisationIds);
  if (mine.has(force)) return null;
  const alliance = organisations.find((o) => o.id === organisations.find((f) => f.id === force)?.parentId);
  if (alliance?.kind === 'alliance' && mine.has(alliance.id)) return null;
  return `${force}'s incidents and missing-person episodes are its own data: only users of ${force}${alliance?.kind === 'alliance' ? ` or of ${alliance.id}` : ''} may read them.`;
}

/** What of force F's demand (incidents, missing episodes) a user may read: all of it, one CSP's, or nothing. */
export type DemandReadScope =
  | { readonly scope: 'force' }
  | { readonly scope: 'csp'; readonly csp: string }
  | { readonly scope: 'none'; readonly refusal: string };

const CSP_SUFFIX = / Community Safety Partnership$/;

/**
 * Who may read aggregates of force F's incidents and missing episodes (issue 17's decision; no
 * route returns an incident or episode row to anyone):
 *
 * - members of F, or of the alliance F belongs to, in any role: the whole force;
 * - members of F's Office of the Police and Crime Commissioner (kind `opcc`, id `F-opcc` or a child
 *   of F): the whole force, as it holds the force to account over exactly this demand;
 * - members of a community safety partnership whose parent is F: their own CSP only (incidents and
 *   episodes placed in it by LSOA), never the rest of the force;
 * - anyone else (other forces, partners, other forces' CSPs): refused.
 */
export function demandReadScope(
  actor: Actor,
  organisations: readonly (OrganisationNode & { readonly name?: string })[],
  force: string,
): DemandReadScope {
  if (demandReadRefusal(actor, organisations, force) === null) return { scope: 'force' };
  const mine = organisations.filter((o) => actor.organisationIds.includes(o.id));
  if (mine.some((o) => o.kind === 'opcc' && (o.id === `${force}-opcc` || o.parentId === force)))
    return { scope: 'force' };
  const csp = mine.find((o) => o.kind === 'csp' && o.parentId === force);
  if (csp) return { scope: 'csp', csp: (csp.name ?? csp.id).replace(CSP_SUFFIX, '') };
  return { scope: 'none', refusal: demandReadRefusal(actor, organisations, force)! };
}
