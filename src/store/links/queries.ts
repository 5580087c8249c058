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
import type { IdentifierKind } from '../../domain/links/identifier.js';
import {
  readEvents,
  readHiddenHolders,
  readInvestigation,
  readInvestigations,
  readInvestigationsPlain,
  readSightings,
  type EventFilter,
  type LinkEventRow,
  type LinkInvestigation,
  type LinkInvestigationSummary,
  type SightingFilter,
} from './reads.js';

export type {
  EventFilter,
  LinkEventRow,
  LinkInvestigation,
  LinkInvestigationSummary,
  SightingFilter,
} from './reads.js';

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
  readonly purpose: 'xref' | 'network' | 'path' | 'search' | 'timeline' | 'export';
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
  return (await linkConsultation(store, actor, filter, query)).sightings;
}

/**
 * The sightings and the investigations they came from (for the marking an answer or an export
 * is handled at: the highest among them), with the consultation audited.
 */
export async function linkConsultation(
  store: Store,
  actor: Actor,
  filter: SightingFilter,
  query: LinkQuery,
): Promise<{ sightings: Sighting[]; investigations: LinkInvestigation[] }> {
  const db = dbOf(store);
  const sightings = await readSightings(db, actor, filter);
  const touched = new Set(sightings.map((s) => s.investigationId));
  // Without their counts: a count of every investigation's records on each consultation cost more than the query.
  const investigations = (await readInvestigationsPlain(db, actor)).filter((i) => touched.has(i.id));
  await audit(store, actor, investigations, { ...query, filter });
  return { sightings, investigations };
}

/**
 * The calls and messages of an identifier or of investigations, earliest first (a timeline), with
 * the investigations they came from; audited like every consultation.
 */
export async function linkEvents(
  store: Store,
  actor: Actor,
  filter: EventFilter,
  query: LinkQuery,
): Promise<{ events: LinkEventRow[]; investigations: LinkInvestigation[] }> {
  const db = dbOf(store);
  const events = await readEvents(db, actor, filter);
  const touched = new Set(events.map((e) => e.investigationId));
  const investigations = (await readInvestigationsPlain(db, actor)).filter((i) => touched.has(i.id));
  await audit(store, actor, investigations, { ...query, filter });
  return { events, investigations };
}

/** An organisation holding a searched identifier in an investigation the searcher may not see. */
export interface DeconflictionHit {
  readonly organisationId: string;
}

/**
 * Deconfliction without disclosure (issue 16): which organisations hold this identifier in
 * investigations the actor may not see, and nothing else about them. Every hit is audited for
 * both sides: for the owner (at its investigations' marking, naming them, the identifier and who
 * searched) and for the searcher (at OFFICIAL, naming only the identifier and the organisations
 * they were told to contact).
 */
export async function linkDeconfliction(
  store: Store,
  actor: Actor,
  kind: IdentifierKind,
  value: string,
): Promise<DeconflictionHit[]> {
  const db = dbOf(store);
  const hidden = await readHiddenHolders(db, actor, kind, value);
  if (hidden.length === 0) return [];
  const byOrg = new Map<string, typeof hidden>();
  for (const h of hidden) byOrg.set(h.organisationId, [...(byOrg.get(h.organisationId) ?? []), h]);
  const identifier = `${kind}:${value}`;
  for (const [org, list] of byOrg) {
    await writeAudit(db, actor, {
      action: 'deconflict',
      table: 'link_investigations',
      recordId: list.map((h) => h.investigationId).join(','),
      marking: highestMarking(list.map((h) => h.marking)),
      organisationId: org,
      after: {
        side: 'owner',
        identifier,
        investigations: list.map((h) => h.reference),
        searchedBy: actor.username,
        searcherOrganisations: actor.organisationIds,
      },
    });
  }
  await writeAudit(db, actor, {
    action: 'deconflict',
    table: 'link_investigations',
    recordId: '',
    marking: 'OFFICIAL',
    organisationId: actor.organisationIds[0] ?? null,
    after: { side: 'searcher', identifier, told: [...byOrg.keys()] },
  });
  return [...byOrg.keys()].map((organisationId) => ({ organisationId }));
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
