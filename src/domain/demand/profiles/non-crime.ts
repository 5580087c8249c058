/**
 * How much of the demand is not crime: the share of incidents not crime-related (by the record's
 * own flag, else by its class), and how it divides between the non-crime classes the Strategic
 * Assessment names (concern for welfare, mental health, missing people, anti-social behaviour,
 * road traffic) and the rest.
 */
import type { IncidentTable } from '../incident-table.js';
import { DEMAND_CLASSES, type DemandClass } from '../vocabulary.js';
import { select, type Selection } from './selection.js';

export interface NonCrimeDemand {
  readonly total: number;
  readonly crime: number;
  readonly notCrime: number;
  readonly shareNotCrime: number;
  /** Non-crime incidents by class, largest first. */
  readonly byClass: { readonly demandClass: DemandClass; readonly count: number; readonly shareOfAll: number }[];
}

export function nonCrimeDemand(table: IncidentTable, selection: Selection = {}): NonCrimeDemand {
  const { from, to, count: total } = select(table, selection);
  const byClass = new Float64Array(DEMAND_CLASSES.length);
  let crime = 0;
  for (let i = 0; i < table.size; i++) {
    const d = table.day[i]!;
    if (d < from || d > to) continue;
    if (table.crime[i]) crime++;
    else byClass[table.demandClass[i]!]!++;
  }
  return {
    total,
    crime,
    notCrime: total - crime,
    shareNotCrime: total > 0 ? (total - crime) / total : Number.NaN,
    byClass: DEMAND_CLASSES.map((demandClass, c) => ({
      demandClass,
      count: byClass[c]!,
      shareOfAll: total > 0 ? byClass[c]! / total : Number.NaN,
    }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count),
  };
}
