/**
 * Protective markings (Government Security Classifications) and the one visibility rule.
 *
 * Why: every stored record carries a marking and every read path must apply the same rule, so
 * the rule lives here, once, as a pure function the store's policy layer calls. Decisions: a
 * marking is a closed union (never a bare string), parsed strictly at the edges; visibility needs
 * BOTH enough clearance AND organisational reach (own organisation or an explicit share), so two
 * organisations' records at the same marking never see each other by rank alone.
 */
import { inputError } from '../errors.js';

export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'] as const;
export type Marking = (typeof MARKINGS)[number];

/** Position in the lattice: OFFICIAL 0 < OFFICIAL-SENSITIVE 1 < SECRET 2. */
export function markingRank(marking: Marking): number {
  return MARKINGS.indexOf(marking);
}

export function isMarking(value: unknown): value is Marking {
  return typeof value === 'string' && (MARKINGS as readonly string[]).includes(value);
}

/** Strict parse: exact spelling only (no case folding, no "PROTECT"), so typos never downgrade. */
export function parseMarking(value: unknown): Marking {
  if (isMarking(value)) return value;
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  throw inputError(`Unknown protective marking ${shown}: use one of ${MARKINGS.join(', ')} (exact spelling).`, {
    value,
  });
}

/**
 * A derived product (report, export, combined score) carries the highest marking of its inputs.
 * With no inputs it holds no marked content, so it is OFFICIAL, the floor of the lattice.
 */
export function highestMarking(markings: Iterable<Marking>): Marking {
  let highest: Marking = 'OFFICIAL';
  for (const m of markings) {
    if (markingRank(m) > markingRank(highest)) highest = m;
  }
  return highest;
}

export interface Reader {
  readonly clearance: Marking;
  readonly organisationIds: readonly string[];
}

export interface MarkedRecord {
  readonly marking: Marking;
  readonly organisationId: string;
  readonly sharedWith?: readonly string[];
}

/** The visibility rule: clearance covers the marking AND the record is the reader's or shared. */
export function canSee(reader: Reader, record: MarkedRecord): boolean {
  if (markingRank(record.marking) > markingRank(reader.clearance)) return false;
  const mine = new Set(reader.organisationIds);
  if (mine.has(record.organisationId)) return true;
  return (record.sharedWith ?? []).some((id) => mine.has(id));
}
