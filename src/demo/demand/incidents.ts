/**
 * `generateDemand`: seeded synthetic incidents and missing-person episodes for the alliance demo,
 * linked to the synthetic crime of src/demo (same seed, same places).
 *
 * Recipe (README.md has it in full): for each force and day, the expected crime and ASB incidents
 * are the synthetic street crime's own expected volumes (street-rows.ts: LSOA weights, category mix,
 * seasonality, trend) spread over the month's days, and they fall in LSOAs in proportion to that
 * crime; the other classes are sized against the force's crime, with their own seasons, and spread
 * over LSOAs more evenly (by the square root of the crime weight, a stand-in for population);
 * missing-person incidents are the missing episodes' reports. Each class has its own weekday and
 * hour-of-day shape, with Friday and Saturday nights busier for crime and ASB; grade, outcome,
 * units, arrival, officer time and closing follow the class and grade.
 */
import { DEMAND_CLASSES, type DemandClass } from '../../domain/demand/vocabulary.js';
import { ZoneClock } from '../../demand/time/zone-clock.js';
import { AliasTable } from '../alias.js';
import { loadAreaTable } from '../area-table.js';
import { ASB_LABEL, CRIME_TYPES, type AllianceForce } from '../category-mix.js';
import { parseMonthIndex } from '../month-index.js';
import { poisson } from '../poisson.js';
import { Rng } from '../rng.js';
import { timeFactor } from '../seasonality.js';
import { buildStreetModel } from '../street-rows.js';
import { emptyColumns, interner, nextRow, type DemandColumns } from './columns.js';
import { generateMissingEpisodes, type EpisodeRow } from './missing-episodes.js';
import { ARRIVAL_MEDIAN_MINUTES, PER_CRIME, SHAPES, WEEKEND_NIGHT_BOOST } from './shapes.js';

export interface DemandOptions {
  readonly seed: number;
  /** First and last month, `YYYY-MM`. */
  readonly from: string;
  readonly to: string;
  readonly forces?: readonly AllianceForce[];
  /** Multiplies every volume (1 = the demo's size, about 1,600 incidents a day for the alliance). */
  readonly scale?: number;
  readonly areaTable?: string;
}

export interface DemandDataset {
  readonly incidents: DemandColumns;
  readonly episodes: EpisodeRow[];
  /** Local days covered, first and last (days since 1970-01-01). */
  readonly firstDay: number;
  readonly lastDay: number;
}

const FORCE_NAMES: Readonly<Record<AllianceForce, string>> = {
  warwickshire: 'Warwickshire Police',
  'west-mercia': 'West Mercia Police',
};
export const FORCE_PREFIX: Readonly<Record<string, string>> = { warwickshire: 'WK', 'west-mercia': 'WM' };
const MS_DAY = 86_400_000;
const CLASS_INDEX = new Map(DEMAND_CLASSES.map((c, i) => [c, i]));

export async function generateDemand(o: DemandOptions): Promise<DemandDataset> {
  const forces = o.forces ?? (['warwickshire', 'west-mercia'] as const);
  const scale = o.scale ?? 1;
  const area = await loadAreaTable(o.areaTable);
  const firstMonth = parseMonthIndex(o.from);
  const lastMonth = parseMonthIndex(o.to);
  const firstDay = Date.UTC(Math.floor(firstMonth / 12), firstMonth % 12, 1) / MS_DAY;
  const lastDay = Date.UTC(Math.floor(lastMonth / 12), (lastMonth % 12) + 1, 0) / MS_DAY;
  const columns = emptyColumns(forces, Math.ceil((lastDay - firstDay + 1) * 1700 * scale));
  const areaIndex = interner(columns.areas);
  const codeIndex = interner(columns.codes);
  const clock = ZoneClock.of('Europe/London')!;
  const episodes: EpisodeRow[] = [];
  forces.forEach((force, f) => {
    const model = buildStreetModel(o.seed, force, FORCE_NAMES[force], area);
    const places = model.places.filter((p) => !p.outOfArea);
    const n = CRIME_TYPES.length;
    const asb = CRIME_TYPES.indexOf(ASB_LABEL);
    const placeIndex = places.map((p) => model.places.indexOf(p));
    const lambdaOf = (pi: number, c: number) => model.baseLambda[placeIndex[pi]! * n + c]!;
    const crimeWeight = places.map((_, i) =>
      CRIME_TYPES.reduce((a, _c, c) => (c === asb ? a : a + model.baseLambda[placeIndex[i]! * n + c]!), 0),
    );
    const asbWeight = places.map((_, i) => model.baseLambda[placeIndex[i]! * n + asb]!);
    const spreadWeight = crimeWeight.map((w) => Math.sqrt(w));
    const where = {
      crime: new AliasTable(crimeWeight),
      asb: new AliasTable(asbWeight),
      spread: new AliasTable(spreadWeight),
    };
    const lsoa = places.map((p) => areaIndex(p.lsoaCode));
    const anchorCrimeDaily = crimeWeight.reduce((a, b) => a + b, 0) / (365.25 / 12);
    const rng = Rng.derive(o.seed, 'demand', force);
    const tables = classTables();
    const monthlyCrime = new Map<number, { crime: number; asb: number }>();
    const monthVolumes = (mi: number) => {
      let v = monthlyCrime.get(mi);
      if (!v) {
        let crime = 0;
        let asbTotal = 0;
        CRIME_TYPES.forEach((c, j) => {
          const total = places.reduce((a, _p, i) => a + lambdaOf(i, j), 0) * timeFactor(c, mi);
          if (j === asb) asbTotal += total;
          else crime += total;
        });
        v = { crime, asb: asbTotal };
        monthlyCrime.set(mi, v);
      }
      return v;
    };
    const emit = (cls: DemandClass, local: number, placeI: number, r: Rng) =>
      writeIncident(columns, tables, cls, local, f, lsoa[placeI]!, r, clock, codeIndex);
    // Missing episodes first: their reports are the missing-person incidents.
    const forceEpisodes = generateMissingEpisodes({
      seed: o.seed,
      force,
      prefix: FORCE_PREFIX[force]!,
      lsoas: places.map((p) => p.lsoaCode),
      weights: spreadWeight,
      firstDay,
      lastDay,
      scale,
    });
    const lsoaPlace = new Map(places.map((p, i) => [p.lsoaCode, i]));
    let e = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      const date = new Date(day * MS_DAY);
      const mi = date.getUTCFullYear() * 12 + date.getUTCMonth();
      const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      const weekday = (date.getUTCDay() + 6) % 7;
      const volumes = monthVolumes(mi);
      for (const cls of DEMAND_CLASSES) {
        if (cls === 'missing-person') continue;
        const shape = SHAPES[cls];
        const base =
          cls === 'crime'
            ? volumes.crime / daysInMonth
            : cls === 'anti-social-behaviour'
              ? volumes.asb / daysInMonth
              : anchorCrimeDaily * PER_CRIME[cls]! * shape.months[date.getUTCMonth()]!;
        const count = poisson(rng, base * scale * tables[cls].weekday[weekday]!);
        const placeTable = cls === 'crime' ? where.crime : cls === 'anti-social-behaviour' ? where.asb : where.spread;
        const hourTable = tables[cls].hours[shape.nightEconomy ? nightVariant(weekday) : 0]!;
        for (let k = 0; k < count; k++) {
          const local = day * MS_DAY + hourTable.sample(rng) * 3_600_000 + rng.int(3600) * 1000;
          emit(cls, local, placeTable.sample(rng), rng);
        }
      }
      for (; e < forceEpisodes.length && forceEpisodes[e]!.reportedLocal < (day + 1) * MS_DAY; e++) {
        const ep = forceEpisodes[e]!;
        emit('missing-person', ep.reportedLocal + rng.int(600) * 1000, lsoaPlace.get(ep.missingFromLsoa) ?? 0, rng);
      }
    }
    episodes.push(...forceEpisodes);
  });
  return { incidents: columns, episodes, firstDay, lastDay };
}

/** 0: no boost; 1: Friday or Saturday evening; 2: Saturday or Sunday small hours; 3: both (Saturday). */
function nightVariant(weekday: number): number {
  return (weekday === 4 || weekday === 5 ? 1 : 0) + (weekday === 5 || weekday === 6 ? 2 : 0);
}

interface ClassTables {
  readonly weekday: number[];
  readonly hours: AliasTable[];
  readonly grades: AliasTable;
  readonly outcomes: AliasTable;
}

function classTables(): Record<DemandClass, ClassTables> {
  const out = {} as Record<DemandClass, ClassTables>;
  for (const cls of DEMAND_CLASSES) {
    const s = SHAPES[cls];
    const mean = s.weekdays.reduce((a, b) => a + b, 0) / 7;
    const variant = (evening: boolean, morning: boolean) =>
      new AliasTable(
        s.hours.map((w, h) => w * ((evening && h >= 18) || (morning && h < 6) ? WEEKEND_NIGHT_BOOST[h]! : 1)),
      );
    out[cls] = {
      weekday: s.weekdays.map((w) => w / mean),
      hours: [variant(false, false), variant(true, false), variant(false, true), variant(true, true)],
      grades: new AliasTable([...s.grades]),
      outcomes: new AliasTable([...s.outcomes]),
    };
  }
  return out;
}

function writeIncident(
  c: DemandColumns,
  tables: Record<DemandClass, ClassTables>,
  cls: DemandClass,
  wall: number,
  force: number,
  area: number,
  rng: Rng,
  clock: ZoneClock,
  code: (value: string) => number,
): void {
  let local = wall;
  let instant = clock.instantOf(local);
  if (!instant.ok) {
    // The hour the clocks skip (01:00-02:00 on the last Sunday of March) has no incidents.
    local += 3_600_000;
    instant = clock.instantOf(local);
  }
  const shape = SHAPES[cls];
  const i = nextRow(c);
  const t = tables[cls];
  const grade = t.grades.sample(rng);
  const units = grade === 0 ? 1 + Math.min(5, poisson(rng, 0.8)) : grade === 1 ? 1 + Math.min(3, poisson(rng, 0.2)) : 1;
  const arrival = grade < 3 ? ARRIVAL_MEDIAN_MINUTES[grade]! * rng.lognormal(0.6) : Number.NaN;
  const officer = grade === 3 ? 0 : shape.officerMinutes * rng.lognormal(0.8) * units;
  c.force[i] = force;
  c.local[i] = local;
  c.utc[i] = instant.ok ? instant.utc : local;
  c.area[i] = area;
  c.demandClass[i] = CLASS_INDEX.get(cls)!;
  c.grade[i] = grade;
  c.outcome[i] = t.outcomes.sample(rng);
  const opened =
    shape.openedAs && rng.chance(shape.openedAs.share) ? rng.pick(shape.openedAs.codes) : rng.pick(shape.openingCodes);
  c.opening[i] = code(opened);
  c.closing[i] = code(rng.pick(shape.closingCodes));
  c.crime[i] = rng.chance(shape.crimeRelated) ? 1 : 0;
  c.mentalHealth[i] = rng.chance(shape.mentalHealth) ? 1 : 0;
  c.units[i] = units;
  c.arrivedAfter[i] = arrival;
  c.officerMinutes[i] = officer;
  c.closedAfter[i] = grade === 3 ? 45 * rng.lognormal(0.6) : arrival + officer / units + 20 * rng.lognormal(0.5);
}
