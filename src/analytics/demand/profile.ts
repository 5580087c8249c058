/**
 * A force's demand profile from the warehouse: the incidents read back (load-demand.ts) into the
 * columnar table and every profile of src/domain/demand computed on it, with the coverage the
 * averages rest on. One function for the CLI, the web page and the document.
 */
import { dayLabel } from '../../domain/demand/incident-table.js';
import { breakdown, crossTab, type Breakdown, type CrossTab } from '../../domain/demand/profiles/breakdown.js';
import { changeOnLastYear, yearEarlier, type ChangeOnLastYear } from '../../domain/demand/profiles/change.js';
import { dayInTheLife, type DayInTheLife } from '../../domain/demand/profiles/day-in-the-life.js';
import { hourWeekProfile, type HourWeekProfile } from '../../domain/demand/profiles/hour-week.js';
import { nonCrimeDemand, type NonCrimeDemand } from '../../domain/demand/profiles/non-crime.js';
import { timeSpent, type TimeSpent } from '../../domain/demand/profiles/time-spent.js';
import type { MonthCoverage } from '../../warehouse/demand/coverage.js';
import { loadIncidentTable, warehouseCoverage } from '../../warehouse/demand/load-demand.js';
import type { Warehouse } from '../../warehouse/reader.js';

export interface DemandProfileOptions {
  readonly force: string;
  readonly from?: string;
  readonly to?: string;
  /** Only the incidents in one community safety partnership (by LSOA). */
  readonly csp?: string;
  /** Rows kept in the code and area lists (default 15). */
  readonly top?: number;
}

export interface DemandProfile {
  readonly force: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly incidents: number;
  readonly days: number;
  readonly coverage: MonthCoverage[];
  readonly hourWeek: HourWeekProfile;
  readonly byClass: Breakdown;
  readonly byGrade: Breakdown;
  readonly byOutcome: Breakdown;
  readonly byOpeningCode: Breakdown;
  readonly byClosingCode: Breakdown;
  readonly nonCrime: NonCrimeDemand;
  readonly areaByGrade: CrossTab;
  readonly timeSpent: TimeSpent;
  readonly dayInTheLife: DayInTheLife;
  /** Against the same dates a year earlier; null when the warehouse holds none of them. */
  readonly changeOnLastYear: ChangeOnLastYear | null;
  readonly changeUnavailable: string | null;
}

export async function demandProfile(
  wh: Warehouse,
  warehouseDir: string,
  options: DemandProfileOptions,
): Promise<DemandProfile> {
  const top = options.top ?? 15;
  const table = await loadIncidentTable(wh, { force: options.force, ...(options.csp ? { csp: options.csp } : {}) });
  const sel = { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  const hourWeek = hourWeekProfile(table, sel);
  const cut = (b: Breakdown): Breakdown => ({ ...b, rows: b.rows.slice(0, top) });
  const area = crossTab(table, 'area', 'grade', sel);
  const keep = Math.min(top, area.rows.length);
  let first: string | null = options.from ?? null;
  let last: string | null = options.to ?? null;

  let count = 0;
  for (let i = 0; i < table.size; i++) {
    const d = dayLabel(table.day[i]!);
    if ((options.from && d < options.from) || (options.to && d > options.to)) continue;
    count++;
    if (!options.from && (first === null || d < first)) first = d;
    if (!options.to && (last === null || d > last)) last = d;
  }
  const days = hourWeek.days;
  let change: ChangeOnLastYear | null = null;
  let changeUnavailable: string | null = null;
  if (first && last) {
    const pf = yearEarlier(first);
    const pt = yearEarlier(last);
    const previous = breakdown(table, 'class', { from: pf, to: pt });
    if (previous.total > 0) change = changeOnLastYear(table, { from: first, to: last, by: 'class' });
    else
      changeUnavailable = `no incidents of ${options.force}${options.csp ? ` in ${options.csp}` : ''} are held for ${pf} to ${pt}, the same dates a year earlier`;
  }
  return {
    force: options.force,
    from: first,
    to: last,
    incidents: count,
    days,
    coverage: await warehouseCoverage(wh, warehouseDir, 'incidents', options.force),
    hourWeek,
    byClass: breakdown(table, 'class', sel),
    byGrade: breakdown(table, 'grade', sel),
    byOutcome: breakdown(table, 'outcome', sel),
    byOpeningCode: cut(breakdown(table, 'openingCode', sel)),
    byClosingCode: cut(breakdown(table, 'closingCode', sel)),
    nonCrime: nonCrimeDemand(table, sel),
    areaByGrade: {
      ...area,
      rows: area.rows.slice(0, keep),
      counts: area.counts.slice(0, keep),
      rowTotals: area.rowTotals.slice(0, keep),
    },
    timeSpent: timeSpent(table, sel),
    dayInTheLife: dayInTheLife(table, sel),
    changeOnLastYear: change,
    changeUnavailable,
  };
}
