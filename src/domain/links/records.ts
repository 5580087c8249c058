/**
 * What an import produces from any export, before it is stored: records (a contact card, a call,
 * a message, the device's own identifiers) holding identifiers already read, and rejects that name
 * the file, line and field. Why a shape of its own: every reader (iLEAPP, ALEAPP, Android
 * databases, Cellebrite XML and Excel, the OpenSTRA CSV) ends here, so the store has one way in.
 * Links are evidence: each record keeps its source line.
 */
import type { Identifier } from './identifier.js';
import type { Direction, EventType, LinkRole } from './sightings.js';

export const RECORD_TYPES = ['contact', 'call', 'message', 'owner'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface RecordParty {
  readonly identifier: Identifier;
  readonly role: LinkRole;
}

export interface LinkRecord {
  readonly type: RecordType;
  /** Where it came from: "calls.tsv", "contacts2.db [calls]", "report.xlsx [Contacts]". */
  readonly source: string;
  /** Line (text), row (sheet, JSON) or `_id` (database) of the record in its source. */
  readonly line: number;
  /** A contact's name as the device holds it. */
  readonly name: string | null;
  readonly at: string | null;
  readonly direction: Direction;
  readonly durationS: number | null;
  readonly parties: readonly RecordParty[];
}

export interface RecordReject {
  readonly source: string;
  readonly line: number;
  /** The column (or field) at fault. */
  readonly field: string;
  readonly reason: string;
}

export const isEvent = (type: RecordType): type is EventType => type === 'call' || type === 'message';

/** The role of the other party of an event, from its direction. */
export function counterpartRole(type: EventType, direction: Direction): LinkRole {
  if (direction === 'unknown') return 'party';
  const incoming = direction !== 'outgoing';
  if (type === 'call') return incoming ? 'caller' : 'callee';
  return incoming ? 'sender' : 'recipient';
}
