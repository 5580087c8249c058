/**
 * Cross-reference, network and shortest path over what the actor may see. Why thin: the store
 * gives the visible sightings (and audits the consultation); the domain does the analysis. The
 * two ends of a path may be investigations (id or reference) or identifiers written any way
 * (`07911 123456`, `+447911123456`): an identifier is read with the same rules as the import.
 */
import { readIdentifier } from '../domain/links/identifier.js';
import {
  analyseNetwork,
  shortestPath,
  type Network,
  type NetworkLevel,
  type PathStep,
} from '../domain/links/network.js';
import { DEFAULT_REGION } from '../domain/links/phone.js';
import type { EventType } from '../domain/links/sightings.js';
import { crossReference, type XrefEntry } from '../domain/links/xref.js';
import { highestMarking, type Marking } from '../domain/marking.js';
import { StraError } from '../errors.js';
import {
  deconflictionContacts,
  getLinkInvestigation,
  linkConsultation,
  linkDeconfliction,
  linkEvents,
  linkInvestigationDetail,
  linkSightings,
  readRefusedImports,
  type RefusedImportRow,
  listOrganisations,
  type Actor,
  type InvestigationDetail,
  type LinkEventRow,
  type LinkInvestigation,
  type LinkQuery,
  type Store,
} from '../store/index.js';

export interface LinkFilter {
  /** Investigations (ids or references); all visible when left out. */
  readonly investigations?: readonly string[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly types?: readonly ('contact' | 'owner' | EventType)[] | undefined;
}

async function filterOf(store: Store, actor: Actor, f: LinkFilter) {
  const ids =
    f.investigations === undefined || f.investigations.length === 0
      ? undefined
      : await Promise.all(f.investigations.map(async (i) => (await getLinkInvestigation(store, actor, i)).id));
  return { investigationIds: ids, from: f.from, to: f.to, types: f.types };
}

/** The marking an answer drawn from these investigations is handled at (OFFICIAL when none). */
const markingOf = (list: readonly LinkInvestigation[]): Marking =>
  highestMarking(['OFFICIAL', ...list.map((i) => i.marking)]);

export type XrefFilter = LinkFilter & { byDevice?: boolean };

export async function linkXref(store: Store, actor: Actor, f: XrefFilter): Promise<XrefEntry[]> {
  return (await linkXrefMarked(store, actor, f)).entries;
}

/** The cross-reference with the marking it is handled at; `purpose` 'export' for a download. */
export async function linkXrefMarked(
  store: Store,
  actor: Actor,
  f: XrefFilter,
  purpose: LinkQuery['purpose'] = 'xref',
): Promise<{ entries: XrefEntry[]; marking: Marking }> {
  const { sightings, investigations } = await linkConsultation(store, actor, await filterOf(store, actor, f), {
    purpose,
    ...(purpose === 'export' ? { asked: { export: 'xref' } } : {}),
  });
  return {
    entries: crossReference(sightings, f.byDevice === true ? {} : { minDevices: Infinity }),
    marking: markingOf(investigations),
  };
}

export type NetworkFilter = LinkFilter & { level?: NetworkLevel; all?: boolean };

export async function linkNetwork(store: Store, actor: Actor, f: NetworkFilter): Promise<Network> {
  return (await linkNetworkMarked(store, actor, f)).network;
}

/** The network with the marking it is handled at; `purpose` 'export' for a download. */
export async function linkNetworkMarked(
  store: Store,
  actor: Actor,
  f: NetworkFilter,
  purpose: LinkQuery['purpose'] = 'network',
  format?: string,
): Promise<{ network: Network; marking: Marking }> {
  const { sightings, investigations } = await linkConsultation(store, actor, await filterOf(store, actor, f), {
    purpose,
    ...(purpose === 'export' ? { asked: { export: 'network', format } } : {}),
  });
  return {
    network: analyseNetwork(sightings, { level: f.level ?? 'investigation', all: f.all === true }),
    marking: markingOf(investigations),
  };
}

/** Most events a timeline answers at once. */
export const TIMELINE_LIMIT = 5000;

export interface Timeline {
  /** The identifier asked for (normalised), or null for investigations' timelines. */
  readonly identifier: string | null;
  readonly events: readonly LinkEventRow[];
  /** More events matched than were sent (narrow the dates). */
  readonly truncated: boolean;
  readonly marking: Marking;
}

/**
 * The calls and messages of one identifier (written any way: as the other party, or as the owner
 * of the device) or of investigations, earliest first, with the filter's dates and types.
 */
export async function linkTimeline(
  store: Store,
  actor: Actor,
  f: LinkFilter & { identifier?: string | undefined; region?: string | undefined },
  purpose: LinkQuery['purpose'] = 'timeline',
): Promise<Timeline> {
  const filter = await filterOf(store, actor, f);
  let value: string | undefined;
  let asked: Record<string, unknown> = {};
  if (f.identifier !== undefined && f.identifier.trim() !== '') {
    const id = readIdentifier(f.identifier, undefined, f.region ?? DEFAULT_REGION);
    if (id === undefined) throw new StraError('USAGE', `'${f.identifier}' holds no identifier to look for.`);
    value = id.key;
    asked = { identifier: `${id.kind}:${id.key}`, raw: f.identifier };
  } else if (filter.investigationIds === undefined) {
    throw new StraError('USAGE', 'Give an identifier or one or more investigations for a timeline.');
  }
  const { events, investigations } = await linkEvents(
    store,
    actor,
    { ...filter, value, limit: TIMELINE_LIMIT + 1 },
    { purpose, asked: purpose === 'export' ? { ...asked, export: 'timeline' } : asked },
  );
  return {
    identifier: value ?? null,
    events: events.slice(0, TIMELINE_LIMIT),
    truncated: events.length > TIMELINE_LIMIT,
    marking: markingOf(investigations),
  };
}

/** A path end as a node id: an investigation the actor may see, or an identifier. */
async function nodeOf(store: Store, actor: Actor, text: string, region: string): Promise<string> {
  try {
    return `investigation:${(await getLinkInvestigation(store, actor, text)).id}`;
  } catch (e) {
    if (!(e instanceof StraError) || e.code !== 'NOT_FOUND') throw e;
  }
  const id = readIdentifier(text, undefined, region);
  if (id === undefined)
    throw new StraError('USAGE', `'${text}' is neither an investigation you can see nor an identifier.`);
  return `${id.kind}:${id.key}`;
}

export async function linkPath(
  store: Store,
  actor: Actor,
  a: string,
  b: string,
  f: LinkFilter & { region?: string } = {},
): Promise<{ from: string; to: string; path: PathStep[] | null }> {
  const region = f.region ?? DEFAULT_REGION;
  const from = await nodeOf(store, actor, a, region);
  const to = await nodeOf(store, actor, b, region);
  const sightings = await linkSightings(store, actor, await filterOf(store, actor, f), {
    purpose: 'path',
    asked: { from, to },
  });
  return { from, to, path: shortestPath(sightings, from, to) };
}

/**
 * Where one identifier (written any way) was seen, among the investigations the actor may see:
 * every device, role, count and first/last time. The search itself is audited with the
 * identifier asked for, whether or not anything is found.
 */
export async function linkSearch(
  store: Store,
  actor: Actor,
  text: string,
  region: string = DEFAULT_REGION,
  deconfliction: Deconfliction = DEFAULT_DECONFLICTION,
): Promise<SearchAnswer> {
  const id = readIdentifier(text, undefined, region);
  if (id === undefined) throw new StraError('USAGE', `'${text}' holds no identifier to search for.`);
  const sightings = await linkSightings(
    store,
    actor,
    { value: id.key },
    { purpose: 'search', asked: { identifier: `${id.kind}:${id.key}`, raw: text } },
  );
  const mine = sightings.filter((s) => s.kind === id.kind);
  const [found] = crossReference(mine, { minInvestigations: 1, minDevices: 1 });
  const elsewhere =
    deconfliction.enabled && id.status !== 'service'
      ? await deconflict(store, actor, id.kind, id.key, deconfliction)
      : [];
  return { identifier: id.key, kind: id.kind, status: id.status, found: found ?? null, elsewhere };
}

/**
 * Deconfliction without disclosure (issue 16), as a deployment sets it: on or off, and whom the
 * searcher is told to contact in an owning organisation that has designated no contact of its own
 * (`stra links contact set`; by default "the deconfliction officer" of the organisation).
 */
export interface Deconfliction {
  readonly enabled: boolean;
  /** Who to contact in the owning organisation, e.g. "the deconfliction officer". */
  readonly contact: string;
}

export const DEFAULT_DECONFLICTION: Deconfliction = { enabled: true, contact: 'the deconfliction officer' };

/** A match in an investigation the searcher may not see: only who to contact. */
export interface WithheldMatch {
  readonly organisationId: string;
  readonly organisation: string;
  readonly contact: string;
  /** What the searcher is told, whole. */
  readonly message: string;
}

export interface SearchAnswer {
  readonly identifier: string;
  readonly kind: string;
  readonly status: string;
  readonly found: XrefEntry | null;
  /** Organisations holding it in investigations the searcher may not see (deconfliction). */
  readonly elsewhere: readonly WithheldMatch[];
}

async function deconflict(
  store: Store,
  actor: Actor,
  kind: Parameters<typeof linkDeconfliction>[2],
  value: string,
  d: Deconfliction,
): Promise<WithheldMatch[]> {
  const hits = await linkDeconfliction(store, actor, kind, value);
  if (hits.length === 0) return [];
  const names = new Map((await listOrganisations(store)).map((o) => [o.id, o.name]));
  const designated = await deconflictionContacts(store);
  return hits.map((h) => {
    const organisation = names.get(h.organisationId) ?? h.organisationId;
    // The organisation's designated contact when its administrator set one; else the deployment's.
    const own = designated.get(h.organisationId);
    const contact = own === undefined ? `${d.contact} of ${organisation}` : `${own} (${organisation})`;
    return {
      organisationId: h.organisationId,
      organisation,
      contact,
      message: `Another investigation holds this identifier; contact ${contact}.`,
    };
  });
}

/**
 * One investigation's page (store `linkInvestigationDetail`), with deconfliction as the
 * deployment sets it: each organisation holding some of its identifiers in an investigation the
 * reader may not see is told as whom to contact, like a search's hit.
 */
export async function linkInvestigationPage(
  store: Store,
  actor: Actor,
  which: string | number,
  d: Deconfliction = DEFAULT_DECONFLICTION,
): Promise<Omit<InvestigationDetail, 'hiddenHolders'> & { elsewhere: WithheldMatch[]; refused: RefusedImportRow[] }> {
  const { hiddenHolders, ...read } = await linkInvestigationDetail(store, actor, which, d.enabled);
  const detail = { ...read, refused: await readRefusedImports(store, actor, read.investigation.id) };
  if (hiddenHolders.length === 0) return { ...detail, elsewhere: [] };
  const names = new Map((await listOrganisations(store)).map((o) => [o.id, o.name]));
  const designated = await deconflictionContacts(store);
  const elsewhere = hiddenHolders.map((organisationId) => {
    const organisation = names.get(organisationId) ?? organisationId;
    const own = designated.get(organisationId);
    const contact = own === undefined ? `${d.contact} of ${organisation}` : `${own} (${organisation})`;
    return {
      organisationId,
      organisation,
      contact,
      message: `Another investigation holds identifiers of this one; contact ${contact}.`,
    };
  });
  return { ...detail, elsewhere };
}
