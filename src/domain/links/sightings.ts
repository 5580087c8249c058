/**
 * A sighting: one identifier seen on one device of one investigation, in one role, with how often
 * and when. Why this shape: cross-referencing and the network need only these counts, so the store
 * aggregates a million call records into sightings in SQL and the domain never sees the records.
 */
import type { IdentifierKind, IdentifierStatus } from './identifier.js';

/**
 * Owner of the device, a contact in its address book, the other party of a call or message
 * (caller or callee, sender or recipient; `party` when the export does not say which way).
 */
export const LINK_ROLES = ['owner', 'contact', 'caller', 'callee', 'sender', 'recipient', 'party'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const EVENT_TYPES = ['call', 'message'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DIRECTIONS = ['incoming', 'outgoing', 'missed', 'unknown'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Sighting {
  readonly investigationId: number;
  /** The investigation's reference ("OP-ALDER"). */
  readonly investigation: string;
  readonly deviceId: number;
  /** The device's label within its investigation ("EXH-JB-01"). */
  readonly device: string;
  readonly kind: IdentifierKind;
  readonly key: string;
  readonly status: IdentifierStatus;
  readonly role: LinkRole;
  /** Records behind it (contact entries, calls, messages). */
  readonly count: number;
  /** First and last time seen (ISO), null when no record carried a time (a contact card). */
  readonly first: string | null;
  readonly last: string | null;
}

/** The one key of an identifier across kinds: `phone:+447700900123`. */
export const identifierNode = (s: Pick<Sighting, 'kind' | 'key'>): string => `${s.kind}:${s.key}`;

export const earlier = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a < b ? a : b;
export const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b;
