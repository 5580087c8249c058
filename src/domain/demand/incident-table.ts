/**
 * Incidents held column by column in typed arrays, with codes as small integers.
 *
 * Why: a force has a million incidents a year or more, and a demand profile (hour x weekday, class,
 * area x grade) must come back in well under a tenth of a second, in the browser as on the server.
 * Scanning typed arrays does that; scanning a million objects does not. Built once from the
 * incidents (or, later, straight from a warehouse query), read by every profile.
 */
import type { Incident } from './incident.js';
import { DEMAND_CLASSES, GRADES, OUTCOMES } from './vocabulary.js';

const MS_PER_DAY = 86_400_000;

export interface IncidentTable {
  readonly size: number;
  /** Local calendar day, as days since 1970-01-01. */
  readonly day: Int32Array;
  /** Local minute of the day, 0..1439. */
  readonly minute: Int16Array;
  /** Index into DEMAND_CLASSES / GRADES / OUTCOMES. */
  readonly demandClass: Uint8Array;
  readonly grade: Uint8Array;
  readonly outcome: Uint8Array;
  /** 1 when crime-related: the record's own flag, else its class being crime. */
  readonly crime: Uint8Array;
  readonly mentalHealth: Uint8Array;
  /** Index into `areas`, -1 when the incident has no area. */
  readonly area: Int32Array;
  readonly areas: readonly string[];
  readonly openingCode: Int32Array;
  readonly openingCodes: readonly string[];
  /** Index into `closingCodes`, -1 when there is none. */
  readonly closingCode: Int32Array;
  readonly closingCodes: readonly string[];
  /** Minutes; NaN when not known. */
  readonly officerMinutes: Float64Array;
  /** Opening to closing, minutes; NaN when not known. */
  readonly durationMinutes: Float64Array;
  /** Opening to first arrival, minutes; NaN when not known. */
  readonly responseMinutes: Float64Array;
}

export function incidentTable(incidents: readonly Incident[]): IncidentTable {
  const n = incidents.length;
  const t = {
    size: n,
    day: new Int32Array(n),
    minute: new Int16Array(n),
    demandClass: new Uint8Array(n),
    grade: new Uint8Array(n),
    outcome: new Uint8Array(n),
    crime: new Uint8Array(n),
    mentalHealth: new Uint8Array(n),
    area: new Int32Array(n),
    openingCode: new Int32Array(n),
    closingCode: new Int32Array(n),
    officerMinutes: new Float64Array(n),
    durationMinutes: new Float64Array(n),
    responseMinutes: new Float64Array(n),
  };
  const classIndex = new Map(DEMAND_CLASSES.map((c, i) => [c as string, i]));
  const gradeIndex = new Map(GRADES.map((c, i) => [c as string, i]));
  const outcomeIndex = new Map(OUTCOMES.map((c, i) => [c as string, i]));
  const areas = new Dictionary();
  const opening = new Dictionary();
  const closing = new Dictionary();
  incidents.forEach((inc, i) => {
    const local = inc.opened.local;
    const day = Math.floor(local / MS_PER_DAY);
    t.day[i] = day;
    t.minute[i] = Math.floor((local - day * MS_PER_DAY) / 60_000);
    t.demandClass[i] = classIndex.get(inc.demandClass)!;
    t.grade[i] = gradeIndex.get(inc.grade)!;
    t.outcome[i] = outcomeIndex.get(inc.outcome)!;
    t.crime[i] = (inc.crimeRelated ?? inc.demandClass === 'crime') ? 1 : 0;
    t.mentalHealth[i] = inc.mentalHealth ? 1 : 0;
    t.area[i] = inc.area ? areas.index(inc.area.code) : -1;
    t.openingCode[i] = opening.index(inc.openingCode);
    t.closingCode[i] = inc.closingCode === null ? -1 : closing.index(inc.closingCode);
    t.officerMinutes[i] = inc.officerMinutes ?? Number.NaN;
    t.durationMinutes[i] = inc.closed ? (inc.closed.utc - inc.opened.utc) / 60_000 : Number.NaN;
    t.responseMinutes[i] = inc.arrived ? (inc.arrived.utc - inc.opened.utc) / 60_000 : Number.NaN;
  });
  return { ...t, areas: areas.values, openingCodes: opening.values, closingCodes: closing.values };
}

/** Local day number of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms))
    throw new RangeError(`'${date}' is not a date (YYYY-MM-DD)`);
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a local day number. */
export function dayLabel(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

class Dictionary {
  readonly values: string[] = [];
  private readonly positions = new Map<string, number>();
  index(value: string): number {
    let i = this.positions.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.positions.set(value, i);
    }
    return i;
  }
}
