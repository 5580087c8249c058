/**
 * Where officer time goes, where the system records it: total hours by class, and typical times
 * from opening to arrival (response) and to closing (duration), as medians and 90th percentiles
 * (averages would be pulled by the few incidents left open for days).
 */
import type { IncidentTable } from '../incident-table.js';
import { DEMAND_CLASSES, GRADES, type DemandClass, type Grade } from '../vocabulary.js';
import { select, type Selection } from './selection.js';

export interface Spread {
  /** Incidents with the figure recorded. */
  readonly incidents: number;
  readonly median: number;
  readonly p90: number;
}

export interface TimeSpent {
  readonly total: number;
  /** Incidents with officer time recorded, and the hours. */
  readonly officer: {
    readonly incidents: number;
    readonly hours: number;
    readonly byClass: { readonly demandClass: DemandClass; readonly hours: number; readonly shareOfHours: number }[];
  };
  readonly responseMinutes: Spread & { readonly byGrade: { readonly grade: Grade; readonly spread: Spread }[] };
  readonly durationMinutes: Spread;
}

export function timeSpent(table: IncidentTable, selection: Selection = {}): TimeSpent {
  const { rows } = select(table, selection);
  const hoursByClass = new Float64Array(DEMAND_CLASSES.length);
  let officerIncidents = 0;
  let officerMinutes = 0;
  const response: number[] = [];
  const responseByGrade: number[][] = GRADES.map(() => []);
  const duration: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const minutes = table.officerMinutes[i]!;
    if (!Number.isNaN(minutes)) {
      officerIncidents++;
      officerMinutes += minutes;
      hoursByClass[table.demandClass[i]!]! += minutes / 60;
    }
    const r = table.responseMinutes[i]!;
    if (!Number.isNaN(r)) {
      response.push(r);
      responseByGrade[table.grade[i]!]!.push(r);
    }
    const d = table.durationMinutes[i]!;
    if (!Number.isNaN(d)) duration.push(d);
  }
  const hours = officerMinutes / 60;
  return {
    total: rows.length,
    officer: {
      incidents: officerIncidents,
      hours,
      byClass: DEMAND_CLASSES.map((demandClass, c) => ({
        demandClass,
        hours: hoursByClass[c]!,
        shareOfHours: hours > 0 ? hoursByClass[c]! / hours : Number.NaN,
      }))
        .filter((r) => r.hours > 0)
        .sort((a, b) => b.hours - a.hours),
    },
    responseMinutes: {
      ...spread(response),
      byGrade: GRADES.flatMap((grade, g) =>
        responseByGrade[g]!.length ? [{ grade, spread: spread(responseByGrade[g]!) }] : [],
      ),
    },
    durationMinutes: spread(duration),
  };
}

/** Median and 90th percentile (nearest rank). */
export function spread(values: number[]): Spread {
  if (values.length === 0) return { incidents: 0, median: Number.NaN, p90: Number.NaN };
  const s = Float64Array.from(values).sort();
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { incidents: s.length, median, p90: at(0.9) };
}
