/**
 * One incident (a call for service or an officer-initiated event), as OpenSTRA keeps it whatever
 * system it came from. Times are kept twice: the instant (UTC milliseconds) for durations and
 * ordering, and the local wall clock of the force's time zone (milliseconds, read with getUTC*),
 * because demand is planned by local hour and day.
 */
import type { DemandClass, Grade, Outcome } from './vocabulary.js';

export interface IncidentTime {
  readonly utc: number;
  readonly local: number;
}

export interface IncidentArea {
  readonly kind: 'lsoa' | 'beat';
  readonly code: string;
}

export interface Incident {
  readonly id: string;
  readonly opened: IncidentTime;
  readonly arrived: IncidentTime | null;
  readonly closed: IncidentTime | null;
  /** The incident type when opened (the call taker's code). */
  readonly openingCode: string;
  /** The incident type when closed (the final classification), when the system records one. */
  readonly closingCode: string | null;
  /** The result (disposition) code, e.g. arrest made, report taken. */
  readonly disposition: string | null;
  readonly demandClass: DemandClass;
  readonly grade: Grade;
  readonly outcome: Outcome;
  readonly area: IncidentArea | null;
  /** True or false when the record says so, null when it does not. */
  readonly crimeRelated: boolean | null;
  readonly mentalHealth: boolean;
  /** Officer time spent, in minutes, when the system records it. */
  readonly officerMinutes: number | null;
  /** Unit rows collapsed into this incident (1 when the source has one row per incident). */
  readonly units: number;
}
