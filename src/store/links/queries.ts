/**
 * The link analysis reads callers use, each audited. Why audited here: the Data Protection Act
 * 2018 Part 3 logging the product follows (PRODUCT.md, "Security model") asks that every
 * consultation of sensitive material be recorded, and the issue asks for every search (who looked
 * for which identifier). Each call writes one `read` row per organisation whose investigations it
 * touched, at the highest marking among them, naming the purpose (xref, network, path, search),
 * the filter and the identifiers asked for. A search that touches nothing is recorded too.
 */
import { highestMarking } from '../../domain/marking.js';
import type { Sighting } from '../../domain/links/sightings.js';
import type { Actor } from '../core/actor.js';
import { writeAudit } from '../core/audit.js';
import { dbOf, type Store } from '../core/store.js';
import {
  readInvestigation,
  readInvestigations,
  readSightings,
  type LinkInvestigation,
  type LinkInvestigationSummary,
  type SightingFilter,
} from './reads.js';

export type { LinkInvestigation, LinkInvestigationSummary, SightingFilter } from './reads.js';

export async function listLinkInvestigations(store: Store, actor: Actor): Promise<LinkInvestigationSummary[]> {
  const list = await readInvestigations(dbOf(store), actor);
  await audit(store, actor, list, { purpose: 'list' });
  return list;
}

export async function getLinkInvestigation(
  store: Store,
  actor: Actor,
  which: string | number,
): Promise<LinkInvestigation> {
  return readInvestigation(dbOf(store), actor, which);
}

export interface LinkQuery {
  readonly purpose: 'xref' | 'network' | 'path' | 'search' | 'export';
  /** What was asked for (the identifiers searched, the two ends of a path). */
  readonly asked?: Readonly<Record<string, unknown>>;
}

/** The sightings the actor may see under `filter`, with the consultation audited. */
export async function linkSightings(
  store: Store,
  actor: Actor,
  filter: SightingFilter,
  query: LinkQuery,
): Promise<Sighting[]> {
  const db = dbOf(store);
  const sightings = await readSightings(db, actor, filter);
  const touched = new Set(sightings.map((s) => s.investigationId));
  const investigations = (await readInvestigations(db, actor)).filter((i) => touched.has(i.id));
  await audit(store, actor, investigations, { ...query, filter });
  return sightings;
}

async function audit(
  store: Store,
  actor: Actor,
  investigations: readonly LinkInvestigation[],
  what: Readonly<Record<string, unknown>>,
): Promise<void> {
  const byOrg = new Map<string, LinkInvestigation[]>();
  for (const i of investigations) byOrg.set(i.organisationId, [...(byOrg.get(i.organisationId) ?? []), i]);
  const db = dbOf(store);
  if (byOrg.size === 0) {
    await writeAudit(db, actor, {
      action: 'read',
      table: 'link_investigations',
      recordId: '',
      marking: 'OFFICIAL',
      organisationId: actor.organisationIds[0] ?? null,
      after: { ...what, investigations: [] },
    });
    return;
  }
  for (const [org, list] of byOrg) {
    await writeAudit(db, actor, {
      action: 'read',
      table: 'link_investigations',
      recordId: list.map((i) => i.id).join(','),
      marking: highestMarking(list.map((i) => i.marking)),
      organisationId: org,
      after: { ...what, investigations: list.map((i) => i.reference) },
    });
  }
}
