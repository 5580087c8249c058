/**
 * Cross-reference: the identifiers seen in two or more investigations (or devices), with counts,
 * first and last seen, and the roles they were seen in. Why: this is recommendation 11 of the
 * seed ("converge seized mobile telephone numbers to understand the networks between
 * investigations"), and the analyst's first question of a new exhibit. Decisions: service
 * numbers never count (isLinkable); an invalid number counts on its best-effort key but the entry
 * says so (`flagged`), because a mis-keyed digit can make or break a link; the actor's view is
 * whatever sightings the store let them see, so nothing hidden is counted.
 */
import { isLinkable, type IdentifierKind } from './identifier.js';
import { earlier, identifierNode, later, type LinkRole, type Sighting } from './sightings.js';

export interface XrefPlace {
  readonly investigationId: number;
  readonly investigation: string;
  readonly deviceId: number;
  readonly device: string;
  readonly roles: readonly LinkRole[];
  readonly count: number;
  readonly first: string | null;
  readonly last: string | null;
}

export interface XrefEntry {
  readonly kind: IdentifierKind;
  readonly key: string;
  /** Some sighting read it as an invalid identifier. */
  readonly flagged: boolean;
  readonly investigations: number;
  readonly devices: number;
  /** Records behind it in all. */
  readonly count: number;
  readonly first: string | null;
  readonly last: string | null;
  /** Records per role. */
  readonly roles: Readonly<Partial<Record<LinkRole, number>>>;
  readonly places: readonly XrefPlace[];
}

export interface XrefOptions {
  /** Seen in this many investigations at least (default 2). */
  readonly minInvestigations?: number;
  /** Or on this many devices at least (default 2; Infinity to ask only for investigations). */
  readonly minDevices?: number;
}

export function crossReference(sightings: readonly Sighting[], options: XrefOptions = {}): XrefEntry[] {
  const minInv = options.minInvestigations ?? 2;
  const minDev = options.minDevices ?? 2;
  const byKey = new Map<string, Sighting[]>();
  for (const s of sightings) {
    if (!isLinkable(s)) continue;
    const k = identifierNode(s);
    const list = byKey.get(k);
    if (list === undefined) byKey.set(k, [s]);
    else list.push(s);
  }
  const out: XrefEntry[] = [];
  for (const list of byKey.values()) {
    const investigations = new Set(list.map((s) => s.investigationId)).size;
    const devices = new Set(list.map((s) => s.deviceId)).size;
    if (investigations < minInv && devices < minDev) continue;
    out.push(entryOf(list, investigations, devices));
  }
  return out.sort(
    (a, b) =>
      b.investigations - a.investigations ||
      b.devices - a.devices ||
      b.count - a.count ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function entryOf(list: readonly Sighting[], investigations: number, devices: number): XrefEntry {
  const roles: Partial<Record<LinkRole, number>> = {};
  const places = new Map<number, { place: XrefPlace; roles: Set<LinkRole> }>();
  let count = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const s of list) {
    roles[s.role] = (roles[s.role] ?? 0) + s.count;
    count += s.count;
    first = earlier(first, s.first);
    last = later(last, s.last);
    const p = places.get(s.deviceId);
    if (p === undefined) {
      places.set(s.deviceId, {
        roles: new Set([s.role]),
        place: { ...pick(s), roles: [], count: s.count, first: s.first, last: s.last },
      });
    } else {
      p.roles.add(s.role);
      p.place = {
        ...p.place,
        count: p.place.count + s.count,
        first: earlier(p.place.first, s.first),
        last: later(p.place.last, s.last),
      };
    }
  }
  const head = list[0]!;
  return {
    kind: head.kind,
    key: head.key,
    flagged: list.some((s) => s.status === 'invalid'),
    investigations,
    devices,
    count,
    first,
    last,
    roles,
    places: [...places.values()]
      .map(({ place, roles: r }) => ({ ...place, roles: [...r].sort() }))
      .sort((a, b) => a.investigation.localeCompare(b.investigation) || a.device.localeCompare(b.device)),
  };
}

const pick = (s: Sighting) => ({
  investigationId: s.investigationId,
  investigation: s.investigation,
  deviceId: s.deviceId,
  device: s.device,
});
