/**
 * Reading link analysis data under the marking rule. Every query starts from the investigations
 * the actor may see (`visibleFrom(..., 'link_investigations')`) and joins their devices,
 * identifiers and events to it, so nothing seized in an investigation the actor may not see is
 * ever read, counted or matched. A hidden investigation is "not found". Sightings are aggregated
 * in SQL (one row per investigation, device, identifier and role), so a million calls reach the
 * domain as a few thousand rows. Each read of OFFICIAL-SENSITIVE or above is audited (reads.ts
 * callers: the functions in writes.ts and search.ts record it, with what was asked).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { notFoundError, inputError } from '../../errors.js';
import type { IdentifierKind, IdentifierStatus } from '../../domain/links/identifier.js';
import type { EventType, LinkRole, Sighting } from '../../domain/links/sightings.js';
import type { Actor } from '../core/actor.js';
import { unfilteredFrom, visibleFrom } from '../core/marked.js';
import { markedFields, toInt, toIsoOrNull, type MarkedFields } from '../core/rows.js';
import type { Database } from '../core/schema.js';
import type { LinkInvestigationsTable } from './tables.js';

export interface LinkInvestigation extends MarkedFields {
  readonly id: number;
  readonly reference: string;
  readonly title: string;
}

export interface LinkInvestigationSummary extends LinkInvestigation {
  readonly devices: number;
  readonly identifiers: number;
  readonly events: number;
}

export function toInvestigation(row: Selectable<LinkInvestigationsTable>): LinkInvestigation {
  return { id: row.id, reference: row.reference, title: row.title, ...markedFields(row) };
}

const visible = (db: Kysely<Database>, actor: Actor) => visibleFrom(db, actor, 'link_investigations');

/** One investigation by id or reference ("OP-ALDER", or "org/OP-ALDER" when two forces use one). */
export async function readInvestigation(
  db: Kysely<Database>,
  actor: Actor,
  which: string | number,
): Promise<LinkInvestigation> {
  let q = visible(db, actor).selectAll();
  const text = String(which).trim();
  if (typeof which === 'number' || /^\d+$/.test(text)) {
    // A number with a leading zero or beyond the id column (07700900123) is a phone number, no id.
    const id = Number(text);
    if (!/^[1-9]\d*$/.test(text) || id > 2_147_483_647)
      throw notFoundError(`There is no investigation ${text} that you can see.`);
    q = q.where('id', '=', id);
  } else if (text.includes('/')) {
    const at = text.indexOf('/');
    q = q.where('organisation_id', '=', text.slice(0, at)).where('reference', '=', text.slice(at + 1));
  } else q = q.where('reference', '=', text);
  const rows = await q.execute();
  if (rows.length === 0) throw notFoundError(`There is no investigation ${text} that you can see.`);
  if (rows.length > 1) {
    const organisations = [...new Set(rows.map((r) => r.organisation_id))];
    // One organisation's reference may be used once per marking (migration 017): then the id says which.
    throw inputError(
      organisations.length > 1
        ? `${text} names investigations of ${organisations.join(' and ')}; say which, as ORGANISATION/${text}.`
        : `${text} names ${rows.length} investigations you can see (ids ${rows.map((r) => r.id).join(', ')}), each at its own marking: use the id instead.`,
    );
  }
  return toInvestigation(rows[0]!);
}

/** The investigations the actor may see, without their counts (for an audit row or a marking). */
export async function readInvestigationsPlain(db: Kysely<Database>, actor: Actor): Promise<LinkInvestigation[]> {
  const rows = await visible(db, actor).selectAll().orderBy('organisation_id').orderBy('reference').execute();
  return rows.map(toInvestigation);
}

export async function readInvestigations(db: Kysely<Database>, actor: Actor): Promise<LinkInvestigationSummary[]> {
  const rows = await visible(db, actor)
    .selectAll('link_investigations')
    .select((eb) => [
      eb
        .selectFrom('link_devices')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('link_devices.investigation_id', '=', 'link_investigations.id')
        .as('devices'),
      eb
        .selectFrom('link_identifiers')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('link_identifiers.investigation_id', '=', 'link_investigations.id')
        .as('identifiers'),
      eb
        .selectFrom('link_events')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('link_events.investigation_id', '=', 'link_investigations.id')
        .as('events'),
    ])
    .orderBy('link_investigations.organisation_id')
    .orderBy('link_investigations.reference')
    .execute();
  return rows.map((r) => ({
    ...toInvestigation(r),
    devices: toInt(r.devices ?? 0),
    identifiers: toInt(r.identifiers ?? 0),
    events: toInt(r.events ?? 0),
  }));
}

export interface SightingFilter {
  /** Only these investigations (ids), among those visible. */
  readonly investigationIds?: readonly number[] | undefined;
  /** Calls and messages from/to (ISO date or time; `to` is inclusive of its day when a date). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Which records count: contact and owner entries, calls, messages (default all). */
  readonly types?: readonly ('contact' | 'owner' | EventType)[] | undefined;
  /** Only this identifier value (a search). */
  readonly value?: string | undefined;
}

interface SightingRow {
  investigation_id: number;
  reference: string;
  device_id: number;
  label: string;
  kind: string;
  value: string;
  status: string;
  role: string;
  n: number | string;
  first: Date | string | null;
  last: Date | string | null;
}

const toSighting = (r: SightingRow): Sighting => ({
  investigationId: r.investigation_id,
  investigation: r.reference,
  deviceId: r.device_id,
  device: r.label,
  kind: r.kind as IdentifierKind,
  key: r.value,
  status: r.status as IdentifierStatus,
  role: r.role as LinkRole,
  count: toInt(r.n),
  first: toIsoOrNull(r.first),
  last: toIsoOrNull(r.last),
});

function when(what: string, text: string): Date {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw inputError(`${what}: '${text}' is not a date (YYYY-MM-DD) or an ISO 8601 time.`);
  return d;
}

const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to);

/** The sightings the actor may see: per investigation, device, identifier and role, counted. */
export async function readSightings(db: Kysely<Database>, actor: Actor, f: SightingFilter = {}): Promise<Sighting[]> {
  const types = new Set(f.types ?? ['contact', 'owner', 'call', 'message']);
  const inv = visible(db, actor).select(['link_investigations.id', 'link_investigations.reference']);
  const ids = f.investigationIds;
  const out: Sighting[] = [];
  const roles = (['contact', 'owner'] as const).filter((t) => types.has(t));
  if (roles.length > 0) {
    let q = db
      .selectFrom('link_identifiers as x')
      .innerJoin(inv.as('i'), 'i.id', 'x.investigation_id')
      .innerJoin('link_devices as d', 'd.id', 'x.device_id')
      .select([
        'x.investigation_id',
        'i.reference',
        'x.device_id',
        'd.label',
        'x.kind',
        'x.value',
        'x.status',
        'x.role',
        sql<number>`count(*)::int`.as('n'),
        sql<null>`NULL::timestamptz`.as('first'),
        sql<null>`NULL::timestamptz`.as('last'),
      ])
      .where('x.role', 'in', roles)
      .groupBy([
        'x.investigation_id',
        'i.reference',
        'x.device_id',
        'd.label',
        'x.kind',
        'x.value',
        'x.status',
        'x.role',
      ]);
    if (ids !== undefined) q = q.where('x.investigation_id', 'in', ids.length === 0 ? [-1] : [...ids]);
    if (f.value !== undefined) q = q.where('x.value', '=', f.value);
    for (const r of await q.execute()) out.push(toSighting(r as SightingRow));
  }
  const events = (['call', 'message'] as const).filter((t) => types.has(t));
  if (events.length > 0) {
    let q = db
      .selectFrom('link_events as e')
      .innerJoin(inv.as('i'), 'i.id', 'e.investigation_id')
      .innerJoin('link_devices as d', 'd.id', 'e.device_id')
      .select([
        'e.investigation_id',
        'i.reference',
        'e.device_id',
        'd.label',
        'e.kind',
        'e.value',
        'e.status',
        'e.role',
        sql<number>`count(*)::int`.as('n'),
        sql<Date | null>`min(e.at)`.as('first'),
        sql<Date | null>`max(e.at)`.as('last'),
      ])
      .where('e.type', 'in', events)
      .groupBy([
        'e.investigation_id',
        'i.reference',
        'e.device_id',
        'd.label',
        'e.kind',
        'e.value',
        'e.status',
        'e.role',
      ]);
    if (ids !== undefined) q = q.where('e.investigation_id', 'in', ids.length === 0 ? [-1] : [...ids]);
    if (f.from !== undefined) q = q.where('e.at', '>=', when('--from', f.from));
    if (f.to !== undefined) q = q.where('e.at', '<=', when('--to', endOf(f.to)));
    if (f.value !== undefined) q = q.where('e.value', '=', f.value);
    for (const r of await q.execute()) out.push(toSighting(r as SightingRow));
  }
  return out;
}

/** The investigations (visible) that hold any of these identifier values: for a search. */
export async function readInvestigationsHolding(
  db: Kysely<Database>,
  actor: Actor,
  value: string,
): Promise<LinkInvestigation[]> {
  const rows = await visible(db, actor)
    .selectAll('link_investigations')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('link_identifiers')
            .select('id')
            .whereRef('link_identifiers.investigation_id', '=', 'link_investigations.id')
            .where('link_identifiers.value', '=', value),
        ),
        eb.exists(
          eb
            .selectFrom('link_events')
            .select('id')
            .whereRef('link_events.investigation_id', '=', 'link_investigations.id')
            .where('link_events.value', '=', value),
        ),
      ]),
    )
    .orderBy('reference')
    .execute();
  return rows.map(toInvestigation);
}

/** One call or message party, for a timeline: when, which way, on which device, whom. */
export interface LinkEventRow {
  readonly investigationId: number;
  readonly investigation: string;
  readonly deviceId: number;
  readonly device: string;
  readonly type: EventType;
  readonly direction: string;
  readonly at: string | null;
  readonly durationS: number | null;
  readonly role: LinkRole;
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly raw: string;
  readonly status: IdentifierStatus;
  readonly source: string;
  readonly line: number;
}

export interface EventFilter extends SightingFilter {
  /** At most this many events, earliest first (the caller says when there were more). */
  readonly limit: number;
}

/**
 * The calls and messages the actor may see, earliest first: with `value`, those whose other party
 * is that identifier and those on a device whose owner it is (the contacts of a number); else those
 * of the investigations in `investigationIds` (or all visible). Events without a time come last.
 */
export async function readEvents(db: Kysely<Database>, actor: Actor, f: EventFilter): Promise<LinkEventRow[]> {
  const inv = visible(db, actor).select(['link_investigations.id', 'link_investigations.reference']);
  const types = (f.types ?? ['call', 'message']).filter((t): t is EventType => t === 'call' || t === 'message');
  if (types.length === 0) return [];
  let q = db
    .selectFrom('link_events as e')
    .innerJoin(inv.as('i'), 'i.id', 'e.investigation_id')
    .innerJoin('link_devices as d', 'd.id', 'e.device_id')
    .select([
      'e.investigation_id',
      'i.reference',
      'e.device_id',
      'd.label',
      'e.type',
      'e.direction',
      'e.at',
      'e.duration_s',
      'e.role',
      'e.kind',
      'e.value',
      'e.raw',
      'e.status',
      'e.source',
      'e.line',
    ])
    .where('e.type', 'in', types);
  const ids = f.investigationIds;
  if (ids !== undefined) q = q.where('e.investigation_id', 'in', ids.length === 0 ? [-1] : [...ids]);
  if (f.from !== undefined) q = q.where('e.at', '>=', when('from', f.from));
  if (f.to !== undefined) q = q.where('e.at', '<=', when('to', endOf(f.to)));
  const value = f.value;
  if (value !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('e.value', '=', value),
        eb(
          'e.device_id',
          'in',
          eb
            .selectFrom('link_identifiers as o')
            .select('o.device_id')
            .where('o.role', '=', 'owner')
            .where('o.value', '=', value),
        ),
      ]),
    );
  const rows = await q
    .orderBy(sql`e.at IS NULL`)
    .orderBy('e.at')
    .orderBy('e.id')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({
    investigationId: r.investigation_id,
    investigation: r.reference,
    deviceId: r.device_id,
    device: r.label,
    type: r.type as EventType,
    direction: r.direction,
    at: toIsoOrNull(r.at),
    durationS: r.duration_s,
    role: r.role as LinkRole,
    kind: r.kind as IdentifierKind,
    value: r.value,
    raw: r.raw,
    status: r.status as IdentifierStatus,
    source: r.source,
    line: r.line,
  }));
}

/** An investigation the actor may not see: only what deconfliction needs to route a contact. */
export interface HiddenHolder {
  readonly investigationId: number;
  readonly reference: string;
  readonly organisationId: string;
  readonly marking: MarkedFields['marking'];
}

/**
 * Deconfliction (issue 16): the investigations the actor may NOT see that hold this identifier
 * (as a contact, an owner or a party to a call or message). Read unfiltered on purpose, and only
 * here: the caller tells the actor no more than that a match exists and whom to contact, and
 * audits the hit for both sides.
 */
export async function readHiddenHolders(
  db: Kysely<Database>,
  actor: Actor,
  kind: IdentifierKind,
  value: string,
): Promise<HiddenHolder[]> {
  const rows = await unfilteredFrom(db, 'link_investigations')
    .select(['id', 'reference', 'organisation_id', 'marking'])
    .where('id', 'not in', visible(db, actor).select('link_investigations.id'))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('link_identifiers')
            .select('link_identifiers.id')
            .whereRef('link_identifiers.investigation_id', '=', 'link_investigations.id')
            .where('link_identifiers.kind', '=', kind)
            .where('link_identifiers.value', '=', value)
            .where('link_identifiers.status', '<>', 'service'),
        ),
        eb.exists(
          eb
            .selectFrom('link_events')
            .select('link_events.id')
            .whereRef('link_events.investigation_id', '=', 'link_investigations.id')
            .where('link_events.kind', '=', kind)
            .where('link_events.value', '=', value)
            .where('link_events.status', '<>', 'service'),
        ),
      ]),
    )
    .orderBy('organisation_id')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    investigationId: r.id,
    reference: r.reference,
    organisationId: r.organisation_id,
    marking: r.marking as MarkedFields['marking'],
  }));
}

/**
 * Investigations the actor may NOT see, by id, with only what deconfliction needs (an
 * investigation's page: which organisations to name as contacts, and the owner's audit row).
 * Read unfiltered on purpose, like readHiddenHolders; ids the actor can see are left out.
 */
export async function readHiddenInvestigations(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly number[],
): Promise<HiddenHolder[]> {
  if (ids.length === 0) return [];
  const rows = await unfilteredFrom(db, 'link_investigations')
    .select(['id', 'reference', 'organisation_id', 'marking'])
    .where('id', 'in', [...ids])
    .where('id', 'not in', visible(db, actor).select('link_investigations.id'))
    .orderBy('organisation_id')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    investigationId: r.id,
    reference: r.reference,
    organisationId: r.organisation_id,
    marking: r.marking as MarkedFields['marking'],
  }));
}
