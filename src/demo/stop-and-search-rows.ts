/**
 * One force-month of stop and search: encounters (sometimes a group of people searched together
 * at one time and place) with the real mix of powers, objects, people and outcomes, dated in UK
 * local time and written in UTC as police.uk does, so a BST month's file starts with rows dated
 * the last evening of the month before. Rows are ordered by date, as in the real files.
 */
import { WeightedChoice } from './alias.js';
import { csvField } from './csv-writer.js';
import { districtProfile, MONTHLY_STOP_SEARCHES } from './districts.js';
import type { AllianceForce } from './category-mix.js';
import { monthText } from './month-index.js';
import { poisson } from './poisson.js';
import { Rng } from './rng.js';
import { daysFactor } from './seasonality.js';
import {
  AGE_RANGES,
  ETHNICITIES,
  GENDERS,
  GROUP_SIZES,
  HOURS,
  NEW_OUTCOME_LABELS_FROM,
  NO_LOCATION_SHARE,
  OLD_OUTCOME_LABELS,
  POWERS,
  REMOVALS,
  SEARCH_OUTCOMES,
  SEARCH_TYPES,
} from './stop-and-search-mix.js';

const types = WeightedChoice.fromEntries(SEARCH_TYPES);
const genders = WeightedChoice.fromEntries(GENDERS);
const ages = WeightedChoice.fromEntries(AGE_RANGES);
const ethnicities = new WeightedChoice(
  ETHNICITIES.map(([s, o]) => [s, o] as const),
  ETHNICITIES.map((e) => e[2]),
);
const powers = new WeightedChoice(
  POWERS.map(([l, o]) => [l, o] as const),
  POWERS.map((p) => p[2]),
);
const outcomes = new WeightedChoice(
  SEARCH_OUTCOMES.map(([o, l]) => [o, l] as const),
  SEARCH_OUTCOMES.map((o) => o[2]),
);
const removals = WeightedChoice.fromEntries(REMOVALS);
const hours = new WeightedChoice(
  HOURS.map((_, h) => h),
  HOURS,
);
const groupSizes = new WeightedChoice([1, 2, 3, 4], GROUP_SIZES);
const MEAN_GROUP = GROUP_SIZES.reduce((a, p, i) => a + p * (i + 1), 0);

/** The UTC millisecond of the last Sunday of a month at 01:00 UTC (when UK clocks change). */
function lastSunday0100(year: number, month0: number): number {
  const last = new Date(Date.UTC(year, month0 + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** UTC time of a UK wall-clock time given as if it were UTC (ms). */
export function ukLocalToUtc(localAsUtcMs: number): number {
  const year = new Date(localAsUtcMs).getUTCFullYear();
  const bstStart = lastSunday0100(year, 2);
  const bstEnd = lastSunday0100(year, 9);
  const guess = localAsUtcMs - 3_600_000;
  return guess >= bstStart && guess < bstEnd ? guess : localAsUtcMs;
}

export interface DistrictWeight {
  readonly district: string;
  readonly weight: number;
}

export interface StopSearchMonth {
  readonly text: string;
  readonly rows: number;
}

export function generateStopAndSearchMonth(
  seed: number,
  force: AllianceForce,
  districts: readonly DistrictWeight[],
  monthIndex: number,
): StopSearchMonth {
  const year = Math.floor(monthIndex / 12);
  const month0 = monthIndex % 12;
  const month = monthText(monthIndex);
  const rng = Rng.derive(seed, 'stop-and-search', force, month);
  const where = new WeightedChoice(
    districts.map((d) => d.district),
    districts.map((d) => d.weight),
  );
  const days = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  const expected = MONTHLY_STOP_SEARCHES[force] * daysFactor(year, month0 + 1);
  const encounters = poisson(rng, expected / MEAN_GROUP);
  const oldLabels = month < NEW_OUTCOME_LABELS_FROM;
  const rows: { date: string; line: string }[] = [];
  for (let e = 0; e < encounters; e++) {
    const local = Date.UTC(year, month0, 1 + rng.int(days), hours.sample(rng), rng.int(60));
    const date = `${new Date(ukLocalToUtc(local)).toISOString().slice(0, 19)}+00:00`;
    let latLon = ',';
    if (!rng.chance(NO_LOCATION_SHARE)) {
      const d = districtProfile(where.sample(rng));
      latLon = `${(d.lat + rng.normal() * d.sdLat).toFixed(6)},${(d.lon + rng.normal() * d.sdLon).toFixed(6)}`;
    }
    const type = types.sample(rng);
    const [legislation, object] = powers.sample(rng);
    const people = groupSizes.sample(rng);
    for (let p = 0; p < people; p++) {
      const vehicleOnly = type === 'Vehicle search';
      const gender = vehicleOnly ? 'Other' : genders.sample(rng);
      const age = vehicleOnly ? '' : ages.sample(rng);
      const [selfDefined, officerDefined] = vehicleOnly ? ['', ''] : ethnicities.sample(rng);
      const [outcomeNew, linked] = outcomes.sample(rng);
      const outcome = oldLabels ? (OLD_OUTCOME_LABELS[outcomeNew] ?? outcomeNew) : outcomeNew;
      const fields = [
        type,
        date,
        '',
        '',
        latLon,
        gender,
        age,
        selfDefined,
        officerDefined,
        legislation,
        object,
        outcome,
        linked,
        removals.sample(rng),
      ];
      rows.push({ date, line: `${fields.map((f, i) => (i === 4 ? f : csvField(f))).join(',')}\n` });
    }
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { text: rows.map((r) => r.line).join(''), rows: rows.length };
}
