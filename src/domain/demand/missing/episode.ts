/**
 * A missing-person episode: one report of one person going missing, from the report to being
 * found (or still missing when the data were extracted).
 *
 * The person is known only by a pseudonym (a keyed hash made when the data are read; the raw
 * reference is never kept): enough to count repeat episodes of the same person, useless to
 * identify them. Risk grades follow the College of Policing's approved practice (high, medium,
 * low; "no apparent risk" replaced the older "absent" category). Ages are kept as bands.
 */
import type { IncidentTime } from '../incident.js';

export const RISKS = ['high', 'medium', 'low', 'no-apparent-risk', 'unknown'] as const;
export type Risk = (typeof RISKS)[number];

export const AGE_BANDS = ['0-11', '12-14', '15-17', '18-24', '25-39', '40-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Where the person went missing from. */
export const ADDRESS_TYPES = [
  'home',
  'care-home',
  'foster-care',
  'hospital',
  'supported-accommodation',
  'other',
  'unknown',
] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

export interface MissingEpisode {
  readonly id: string;
  /** Pseudonym of the person (keyed hash), never the force's own reference. */
  readonly person: string;
  readonly reported: IncidentTime;
  /** Null while still missing. */
  readonly found: IncidentTime | null;
  readonly risk: Risk;
  readonly ageBand: AgeBand;
  /** A child looked after by a local authority (in care); null when not recorded. */
  readonly lookedAfter: boolean | null;
  readonly addressType: AddressType;
  /** The place gone missing from, as the force references it (a care home's reference), if recorded. */
  readonly missingFrom: string | null;
  /** LSOA (or beat) of the place gone missing from, and of where the person was found. */
  readonly missingFromArea: string | null;
  readonly foundArea: string | null;
}

export function ageBandOf(years: number): AgeBand {
  if (!(years >= 0)) return 'unknown';
  if (years < 12) return '0-11';
  if (years < 15) return '12-14';
  if (years < 18) return '15-17';
  if (years < 25) return '18-24';
  if (years < 40) return '25-39';
  if (years < 60) return '40-59';
  return '60+';
}

export function isChild(band: AgeBand): boolean {
  return band === '0-11' || band === '12-14' || band === '15-17';
}

/** Hours missing, or null while still missing. */
export function hoursMissing(e: MissingEpisode): number | null {
  return e.found ? (e.found.utc - e.reported.utc) / 3_600_000 : null;
}
