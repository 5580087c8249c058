/**
 * "A day in the life" of the force: the seed's demand diagram (Strategic Assessment, section 4:
 * the daily demand on the officer workforce) computed from data: average incidents, crimes,
 * arrests, missing-person reports and mental-health related incidents per day.
 *
 * Each figure says where it came from. Crimes are recorded crimes when the caller passes the count
 * for the same days, else crime-related incidents; missing reports are missing-person episodes when
 * passed, else missing-person incidents; arrests are incidents closed with an arrest, and are null
 * when the export records no outcomes (an arrest rate of zero would be false).
 */
import type { IncidentTable } from '../incident-table.js';
import { DEMAND_CLASSES, OUTCOMES } from '../vocabulary.js';
import { select, type Selection } from './selection.js';

export interface DailyFigure {
  readonly perDay: number | null;
  readonly total: number | null;
  readonly source: string;
}

export interface DayInTheLife {
  readonly days: number;
  readonly incidents: DailyFigure;
  readonly crimes: DailyFigure;
  readonly arrests: DailyFigure;
  readonly missingReports: DailyFigure;
  readonly mentalHealth: DailyFigure;
}

export interface DayInTheLifeExtras {
  /** Recorded crimes over the same days. */
  readonly recordedCrimes?: number;
  /** Missing-person episodes reported over the same days. */
  readonly missingEpisodes?: number;
}

const MISSING = DEMAND_CLASSES.indexOf('missing-person');
const ARREST = OUTCOMES.indexOf('arrest');
const UNKNOWN_OUTCOME = OUTCOMES.indexOf('unknown');

/** The tallies a day in the life is made of, over the selected incidents (what a warehouse query can sum). */
export interface DayTallies {
  /** Days the incident data cover. */
  readonly days: number;
  readonly incidents: number;
  readonly crimeRelated: number;
  readonly arrests: number;
  /** Incidents whose outcome is anything but 'unknown' (none: the export records no outcomes). */
  readonly outcomesKnown: number;
  readonly missingIncidents: number;
  readonly mentalHealth: number;
}

export function dayInTheLife(
  table: IncidentTable,
  selection: Selection = {},
  extras: DayInTheLifeExtras = {},
): DayInTheLife {
  const { from, to, days, count } = select(table, selection);
  let crime = 0;
  let arrests = 0;
  let outcomesKnown = 0;
  let missing = 0;
  let mentalHealth = 0;
  for (let i = 0; i < table.size; i++) {
    const d = table.day[i]!;
    if (d < from || d > to) continue;
    crime += table.crime[i]!;
    mentalHealth += table.mentalHealth[i]!;
    if (table.demandClass[i] === MISSING) missing++;
    const outcome = table.outcome[i]!;
    if (outcome !== UNKNOWN_OUTCOME) outcomesKnown++;
    if (outcome === ARREST) arrests++;
  }
  return dayInTheLifeFrom(
    {
      days: days.length,
      incidents: count,
      crimeRelated: crime,
      arrests,
      outcomesKnown,
      missingIncidents: missing,
      mentalHealth,
    },
    extras,
  );
}

/** The figures from tallies: each an average per covered day, saying where it came from. */
export function dayInTheLifeFrom(t: DayTallies, extras: DayInTheLifeExtras = {}): DayInTheLife {
  const n = t.days;
  const figure = (total: number | null, source: string): DailyFigure => ({
    perDay: total === null || n === 0 ? null : total / n,
    total,
    source,
  });
  return {
    days: n,
    incidents: figure(t.incidents, 'incidents opened'),
    crimes:
      extras.recordedCrimes !== undefined
        ? figure(extras.recordedCrimes, 'recorded crimes')
        : figure(t.crimeRelated, 'crime-related incidents'),
    arrests:
      t.outcomesKnown > 0
        ? figure(t.arrests, 'incidents closed with an arrest')
        : figure(null, 'not recorded in the incident data'),
    missingReports:
      extras.missingEpisodes !== undefined
        ? figure(extras.missingEpisodes, 'missing-person episodes reported')
        : figure(t.missingIncidents, 'missing-person incidents'),
    mentalHealth: figure(t.mentalHealth, 'incidents with a mental-health class or qualifier'),
  };
}
