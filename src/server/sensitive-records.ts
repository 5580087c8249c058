/**
 * Finding the records marked OFFICIAL-SENSITIVE or above in an answer (for the audit of reads,
 * disclosure-audit.ts): any object with a marking of that rank, by its owning organisation, with
 * up to 500 of their ids.
 */
import { markingRank, MARKINGS, type Marking } from '../domain/marking.js';

const SENSITIVE = markingRank('OFFICIAL-SENSITIVE');
const MAX_IDS = 500;

export interface Seen {
  marking: Marking;
  ids: (string | number)[];
}

/** The records marked OFFICIAL-SENSITIVE or above in an answer, by owning organisation. */
export type SensitiveRecords = ReadonlyMap<string | null, Seen>;

/** Records marked OFFICIAL-SENSITIVE or above anywhere in a JSON value, by organisation. */
export function sensitiveRecords(value: unknown, into = new Map<string | null, Seen>()): Map<string | null, Seen> {
  if (Array.isArray(value)) for (const v of value) sensitiveRecords(v, into);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const m = o['marking'];
    if (
      typeof m === 'string' &&
      (MARKINGS as readonly string[]).includes(m) &&
      markingRank(m as Marking) >= SENSITIVE
    ) {
      const org = typeof o['organisationId'] === 'string' ? o['organisationId'] : null;
      const seen = into.get(org) ?? { marking: m as Marking, ids: [] };
      if (markingRank(m as Marking) > markingRank(seen.marking)) seen.marking = m as Marking;
      const id = o['id'];
      if ((typeof id === 'number' || typeof id === 'string') && seen.ids.length < MAX_IDS) seen.ids.push(id);
      into.set(org, seen);
    }
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') sensitiveRecords(v, into);
  }
  return into;
}
