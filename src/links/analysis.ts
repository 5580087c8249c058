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
import { StraError } from '../errors.js';
import { getLinkInvestigation, linkSightings, type Actor, type Store } from '../store/index.js';

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

export async function linkXref(
  store: Store,
  actor: Actor,
  f: LinkFilter & { byDevice?: boolean },
): Promise<XrefEntry[]> {
  const sightings = await linkSightings(store, actor, await filterOf(store, actor, f), { purpose: 'xref' });
  return crossReference(sightings, f.byDevice === true ? {} : { minDevices: Infinity });
}

export async function linkNetwork(
  store: Store,
  actor: Actor,
  f: LinkFilter & { level?: NetworkLevel; all?: boolean },
): Promise<Network> {
  const sightings = await linkSightings(store, actor, await filterOf(store, actor, f), { purpose: 'network' });
  return analyseNetwork(sightings, { level: f.level ?? 'investigation', all: f.all === true });
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
): Promise<{ identifier: string; kind: string; status: string; found: XrefEntry | null }> {
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
  return { identifier: id.key, kind: id.kind, status: id.status, found: found ?? null };
}
