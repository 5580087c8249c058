/**
 * One force-month of street-level crime: how many crimes each LSOA gets in each category (a
 * Poisson count around an expected volume built from the real category mix, the district's share,
 * the LSOA's weight, the season, the trend and any planted step), and the CSV rows for them,
 * ordered as police.uk orders them (by LSOA name; within an LSOA, ASB first).
 */
import { CATEGORY_NAMES } from '../domain/crime/categories.js';
import type { AreaLsoa } from './area-table.js';
import {
  ASB_LABEL,
  CRIME_TYPES,
  REAL_CATEGORY_COUNTS_2018_03,
  type AllianceForce,
  type CrimeType,
} from './category-mix.js';
import { districtProfile, MONTHLY_STREET_ROWS } from './districts.js';
import { monthText, parseMonthIndex } from './month-index.js';
import { OUT_OF_AREA_RATE } from './out-of-area.js';
import { drawTimeline, lastOutcomeAsOf } from './outcome-timeline.js';
import { CATEGORY_CONCENTRATION, buildPlaces, pickPoint, type Place } from './places.js';
import { poisson } from './poisson.js';
import { Rng } from './rng.js';
import { deseasonalisedShares, timeFactor } from './seasonality.js';

/** A planted change: the expected volume of one district x category is multiplied from a month on. */
export interface PlantStep {
  readonly force: string;
  readonly district: string;
  /** `Crime type` label (`Shoplifting`) or API slug (`shoplifting`). */
  readonly category: string;
  readonly fromMonth: string;
  readonly factor: number;
}

export interface StreetModel {
  readonly force: AllianceForce;
  readonly forceName: string;
  readonly places: readonly Place[];
  /** Expected crimes per place x category at the anchor month, before time effects. */
  readonly baseLambda: Float64Array;
}

/** An outcome event waiting for its month's outcomes file. */
export interface PendingOutcome {
  readonly monthIndex: number;
  readonly lsoaName: string;
  /** The CSV line (with its LF). */
  readonly line: string;
}

export interface StreetMonth {
  readonly text: string;
  readonly rows: number;
  readonly outcomes: readonly PendingOutcome[];
}

const N_CATEGORIES = CRIME_TYPES.length;
const ASB_INDEX = CRIME_TYPES.indexOf(ASB_LABEL);

export function buildStreetModel(
  seed: number,
  force: AllianceForce,
  forceName: string,
  area: readonly AreaLsoa[],
): StreetModel {
  const places = buildPlaces(seed, force, area);
  const shares = deseasonalisedShares(REAL_CATEGORY_COUNTS_2018_03[force]);
  const base = MONTHLY_STREET_ROWS[force];
  const ooaRate = OUT_OF_AREA_RATE[force];
  const districts = [...new Set(places.filter((p) => !p.outOfArea).map((p) => p.district))];
  const districtTotal = districts.reduce((a, d) => a + districtProfile(d).rows, 0);
  const ooaWeight = places.filter((p) => p.outOfArea).reduce((a, p) => a + p.weight, 0);
  // Sum of weight^exponent per district and category, to share each district's volume out.
  const sums = new Map<string, number[]>();
  for (const p of places) {
    if (p.outOfArea) continue;
    const s = sums.get(p.district) ?? new Array<number>(N_CATEGORIES).fill(0);
    CRIME_TYPES.forEach((c, j) => (s[j] = (s[j] ?? 0) + p.weight ** CATEGORY_CONCENTRATION[c]));
    sums.set(p.district, s);
  }
  const baseLambda = new Float64Array(places.length * N_CATEGORIES);
  places.forEach((p, i) => {
    CRIME_TYPES.forEach((c, j) => {
      const share = shares[j] as number;
      const lambda = p.outOfArea
        ? base * ooaRate * share * (p.weight / ooaWeight)
        : base *
          (1 - ooaRate) *
          share *
          (districtProfile(p.district).rows / districtTotal) *
          (p.weight ** CATEGORY_CONCENTRATION[c] / (sums.get(p.district)?.[j] ?? 1));
      baseLambda[i * N_CATEGORIES + j] = lambda;
    });
  });
  return { force, forceName, places, baseLambda };
}

/** Plant steps with their category as a `Crime type` label (slugs accepted), checked. */
export function resolvePlantSteps(steps: readonly PlantStep[]): PlantStep[] {
  return steps.map((s) => {
    const label = (CATEGORY_NAMES as Readonly<Record<string, string>>)[s.category] ?? s.category;
    if (!(CRIME_TYPES as readonly string[]).includes(label))
      throw new Error(`plantStep: unknown category ${s.category}`);
    parseMonthIndex(s.fromMonth);
    if (!(s.factor >= 0)) throw new Error(`plantStep: factor must be >= 0, got ${s.factor}`);
    return { ...s, category: label };
  });
}

function plantFactor(
  steps: readonly PlantStep[],
  force: string,
  district: string,
  category: CrimeType,
  month: string,
): number {
  let f = 1;
  for (const s of steps)
    if (s.force === force && s.district === district && s.category === category && month >= s.fromMonth) f *= s.factor;
  return f;
}

/**
 * Rows of one force-month; `asOfIndex` is the month the archive is "generated" (last outcomes).
 * `plantSteps` must come from `resolvePlantSteps`.
 */
export function generateStreetMonth(
  model: StreetModel,
  seed: number,
  monthIndex: number,
  asOfIndex: number,
  plantSteps: readonly PlantStep[] = [],
): StreetMonth {
  const month = monthText(monthIndex);
  const rng = Rng.derive(seed, 'street', model.force, month);
  const time = CRIME_TYPES.map((c) => timeFactor(c, monthIndex));
  const prefix = `,${month},${model.forceName},${model.forceName},`;
  const parts: string[] = [];
  const outcomes: PendingOutcome[] = [];
  let rows = 0;
  const crimes: string[] = [];
  model.places.forEach((place, i) => {
    crimes.length = 0;
    for (let j = 0; j < N_CATEGORIES; j++) {
      const category = CRIME_TYPES[j] as CrimeType;
      let lambda = (model.baseLambda[i * N_CATEGORIES + j] as number) * (time[j] as number);
      if (plantSteps.length > 0 && !place.outOfArea)
        lambda *= plantFactor(plantSteps, model.force, place.district, category, month);
      const n = poisson(rng, lambda);
      for (let k = 0; k < n; k++) {
        const point = pickPoint(rng, place);
        if (j === ASB_INDEX) {
          parts.push(`${prefix}${point},${category},,\n`);
          continue;
        }
        const id = rng.hex64();
        const timeline = drawTimeline(rng, category, monthIndex);
        crimes.push(`${id}${prefix}${point},${category},${lastOutcomeAsOf(timeline, asOfIndex)},\n`);
        for (const e of timeline.events) {
          if (e.monthIndex > asOfIndex) continue;
          const line = `${id},${monthText(e.monthIndex)},${model.forceName},${model.forceName},${point},${e.label}\n`;
          outcomes.push({ monthIndex: e.monthIndex, lsoaName: place.lsoaName, line });
        }
      }
      rows += n;
    }
    rng.shuffle(crimes);
    for (const c of crimes) parts.push(c);
  });
  return { text: parts.join(''), rows, outcomes };
}
