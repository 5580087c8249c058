/**
 * One table read through one mapping into records and row-level rejects. Why rejects rather than
 * guesses: a link is evidence, so a row whose time cannot be read, or a call with no other party,
 * is reported with its file, line and column and the import refuses the whole file (the caller
 * decides; nothing is stored from a file with rejects). Decisions: a contact card with no
 * identifier is skipped and counted, not rejected (address books hold names only); a direction
 * the mapping does not list is "unknown"; an identifier that cannot be read as valid is kept and
 * flagged (the identifier rules in src/domain/links).
 */
import { readIdentifier, splitMulti, kindFromLabel, type Identifier } from '../domain/links/identifier.js';
import { DEFAULT_REGION, isRegion } from '../domain/links/phone.js';
import {
  RECORD_TYPES,
  counterpartRole,
  isEvent,
  type LinkRecord,
  type RecordParty,
  type RecordReject,
  type RecordType,
} from '../domain/links/records.js';
import type { Direction, LinkRole } from '../domain/links/sightings.js';
import { headerZone, readDuration, readTime, readZonedTime } from '../domain/links/timestamps.js';
import type { Mapping, MappingParty } from './mapping.js';
import { columnIndex, type Table } from './table.js';

export interface MappedTable {
  readonly source: string;
  readonly mapping: string;
  readonly records: LinkRecord[];
  readonly rejects: RecordReject[];
  /** Rows with nothing to link on (a contact card without a number, an empty row). */
  readonly skipped: number;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));
const firstName = (c: string | readonly string[]) => (typeof c === 'string' ? c : c[0]!);

function labelRole(label: string | undefined, type: RecordType): LinkRole | undefined {
  if (label === undefined) return undefined;
  const l = label.toLowerCase().replace(/^owner\s+/, '');
  if (l.startsWith('from')) return type === 'call' ? 'caller' : 'sender';
  if (l.startsWith('to') || l === 'cc' || l === 'bcc') return type === 'call' ? 'callee' : 'recipient';
  return undefined;
}

export function applyMapping(table: Table, mapping: Mapping, defaultRegion: string = DEFAULT_REGION): MappedTable {
  const at = (c: string | readonly string[] | undefined) => (c === undefined ? -1 : columnIndex(table, c));
  const timeAt = at(mapping.timestamp?.column);
  // AXIOM: the column's name says the zone and date format its values are written in.
  const zoned = timeAt >= 0 ? headerZone(table.headers[timeAt]!) : null;
  const dirAt = at(mapping.direction?.column);
  const durAt = at(mapping.duration?.column);
  const regionAt = at(mapping.region?.column);
  const nameAt = mapping.name.map((n) => at(n)).filter((i) => i >= 0);
  const parties = mapping.parties.map((p) => ({ p, i: at(p.column) })).filter((x) => x.i >= 0);
  const owners = mapping.owner.map((p) => ({ p, i: at(p.column) })).filter((x) => x.i >= 0);
  const values = new Map(Object.entries(mapping.direction?.values ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const records: LinkRecord[] = [];
  const rejects: RecordReject[] = [];
  let skipped = 0;
  const typeAt = at(mapping.recordColumn);

  for (const { line, cells } of table.rows) {
    if (cells.every((c) => text(c).trim() === '')) {
      skipped++;
      continue;
    }
    const reject = (field: string, reason: string) => rejects.push({ source: table.source, line, field, reason });
    let type: RecordType = mapping.record;
    if (typeAt >= 0) {
      const named = text(cells[typeAt]).trim().toLowerCase();
      if (!(RECORD_TYPES as readonly string[]).includes(named)) {
        reject(table.headers[typeAt]!, `"${named}" is not one of ${RECORD_TYPES.join(', ')}`);
        continue;
      }
      type = named as RecordType;
    }
    const rowRegion = regionAt >= 0 ? text(cells[regionAt]).trim() : '';
    const region = rowRegion !== '' && isRegion(rowRegion) ? rowRegion.toUpperCase() : defaultRegion;

    let at: string | null = null;
    if (timeAt >= 0) {
      const t =
        zoned !== null ? readZonedTime(cells[timeAt], zoned) : readTime(cells[timeAt], mapping.timestamp?.epoch);
      if (!t.ok) {
        reject(table.headers[timeAt]!, t.reason);
        continue;
      }
      at = t.at;
    }
    let durationS: number | null = null;
    if (durAt >= 0) {
      const d = readDuration(cells[durAt]);
      if (!d.ok) {
        reject(table.headers[durAt]!, d.reason);
        continue;
      }
      durationS = d.seconds;
    }
    const direction: Direction =
      mapping.direction?.value ??
      (dirAt >= 0 ? (values.get(text(cells[dirAt]).trim().toLowerCase()) ?? 'unknown') : 'unknown');

    const found: RecordParty[] = [];
    const seen = new Set<string>();
    const add = (id: Identifier | undefined, role: LinkRole) => {
      if (id === undefined) return;
      const k = `${role}|${id.kind}|${id.key}`;
      if (seen.has(k)) return;
      seen.add(k);
      found.push({ identifier: id, role });
    };
    const roleOf = (p: MappingParty, label: string | undefined): LinkRole => {
      if (type === 'owner') return 'owner';
      const fromLabel = p.roleFromLabel ? labelRole(label, type) : undefined;
      if (fromLabel !== undefined) return fromLabel;
      if (p.role !== 'counterpart') return p.role;
      return isEvent(type) ? counterpartRole(type, direction) : 'contact';
    };
    for (const { p, i } of parties) {
      const cell = text(cells[i]);
      const items = p.multi ? splitMulti(cell) : [{ label: undefined, value: cell }];
      for (const item of items) {
        if (p.roleFromLabel && /^owner\s/i.test(item.label ?? '')) {
          add(readIdentifier(item.value, p.kind ?? kindFromLabel(item.label), region), 'owner');
          continue;
        }
        add(readIdentifier(item.value, p.kind ?? kindFromLabel(item.label), region), roleOf(p, item.label));
      }
    }
    for (const { p, i } of owners) add(readIdentifier(text(cells[i]), p.kind, region), 'owner');

    const others = found.filter((f) => f.role !== 'owner');
    if (others.length === 0) {
      if (isEvent(type)) {
        reject(
          parties.map((x) => table.headers[x.i]).join(' / ') || firstName(mapping.parties[0]!.column),
          'no other party',
        );
      } else if (type === 'owner' && found.length > 0) {
        records.push({ type, source: table.source, line, name: null, at, direction, durationS, parties: found });
      } else skipped++;
      continue;
    }
    const name =
      nameAt
        .map((i) => text(cells[i]).trim())
        .filter((n) => n !== '')
        .join(' ') || null;
    records.push({ type, source: table.source, line, name, at, direction, durationS, parties: found });
  }
  return { source: table.source, mapping: mapping.id, records, rejects, skipped };
}
