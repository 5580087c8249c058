/**
 * Synthetic missing-person episodes for one force: a pool of people (children, children looked
 * after living in care homes, adults) with a heavy-tailed propensity to go missing, so that a few
 * people account for many episodes, as in real missing data; reports follow an evening profile and
 * a summer peak. SYNTHETIC: sizes and shares are plausible, not measured (see README.md).
 */
import { AliasTable } from '../alias.js';
import { poisson } from '../poisson.js';
import { Rng } from '../rng.js';
import { MISSING_PER_DAY } from './shapes.js';

export interface EpisodeRow {
  readonly id: string;
  /** The force's (synthetic) person reference: pseudonymised by the reader, as a real one would be. */
  readonly personRef: string;
  readonly force: string;
  /** Local wall-clock times (ms read with getUTC*); found is null while still missing. */
  readonly reportedLocal: number;
  readonly foundLocal: number | null;
  readonly risk: 'high' | 'medium' | 'low' | 'no-apparent-risk';
  readonly age: number;
  readonly lookedAfter: boolean;
  readonly addressType: 'home' | 'care-home' | 'foster-care' | 'hospital' | 'supported-accommodation' | 'other';
  readonly missingFromRef: string | null;
  readonly missingFromLsoa: string;
  readonly foundLsoa: string | null;
}

interface Person {
  readonly ref: string;
  readonly birthDay: number;
  readonly lookedAfter: boolean;
  readonly addressType: EpisodeRow['addressType'];
  readonly home: number;
  readonly careHome: number;
}

const SUMMER = [0.9, 0.9, 0.95, 1.0, 1.05, 1.1, 1.12, 1.08, 1.0, 0.98, 0.95, 0.97];
const EVENING_HOURS = [
  0.9, 0.75, 0.6, 0.45, 0.3, 0.25, 0.25, 0.35, 0.5, 0.65, 0.8, 0.9, 1.0, 1.05, 1.1, 1.2, 1.35, 1.5, 1.6, 1.65, 1.6, 1.5,
  1.35, 1.1,
];
const MS_DAY = 86_400_000;

export interface MissingForceOptions {
  readonly seed: number;
  readonly force: string;
  readonly prefix: string;
  /** LSOA codes of the force and a weight for each (where people live). */
  readonly lsoas: readonly string[];
  readonly weights: readonly number[];
  readonly firstDay: number;
  readonly lastDay: number;
  readonly scale: number;
}

export function generateMissingEpisodes(o: MissingForceOptions): EpisodeRow[] {
  const rng = Rng.derive(o.seed, 'missing', o.force);
  const perDay = (MISSING_PER_DAY[o.force] ?? 3) * o.scale;
  const homes = new AliasTable(o.weights as number[]);
  const careHomes = Array.from({ length: Math.max(3, Math.round(perDay * 2.5)) }, () => homes.sample(rng));
  const people: Person[] = [];
  const propensity: number[] = [];
  const poolSize = Math.max(20, Math.round(perDay * 365 * 0.55));
  for (let p = 0; p < poolSize; p++) {
    const child = rng.chance(0.55);
    const lookedAfter = child && rng.chance(0.3);
    const age = child ? 10 + rng.float() * 8 : 18 + Math.min(75, rng.exponential(18));
    const addressType: Person['addressType'] = lookedAfter
      ? rng.chance(0.85)
        ? 'care-home'
        : 'foster-care'
      : child
        ? rng.chance(0.92)
          ? 'home'
          : 'other'
        : rng.pick(['home', 'home', 'home', 'home', 'hospital', 'supported-accommodation', 'other'] as const);
    people.push({
      ref: `${o.prefix}/P${String(p + 1).padStart(6, '0')}`,
      birthDay: Math.round(o.firstDay - age * 365.25),
      lookedAfter,
      addressType,
      home: homes.sample(rng),
      careHome: rng.int(careHomes.length),
    });
    // Heavy tail: most people go missing once, a few (often children in care) many times.
    propensity.push(rng.lognormal(1.3) * (lookedAfter ? 5 : child ? 1.5 : 1));
  }
  const who = new AliasTable(propensity);
  const hours = new AliasTable(EVENING_HOURS);
  const rows: EpisodeRow[] = [];
  const asOf = (o.lastDay + 1) * MS_DAY;
  for (let day = o.firstDay; day <= o.lastDay; day++) {
    const month = new Date(day * MS_DAY).getUTCMonth();
    const n = poisson(rng, perDay * SUMMER[month]!);
    for (let k = 0; k < n; k++) {
      const person = people[who.sample(rng)]!;
      const reportedLocal = day * MS_DAY + hours.sample(rng) * 3_600_000 + rng.int(60) * 60_000;
      const hoursMissing = 0.5 + rng.lognormal(1.3) * 8;
      const found = reportedLocal + hoursMissing * 3_600_000;
      const risk = rng.chance(person.lookedAfter ? 0.22 : 0.14)
        ? 'high'
        : rng.chance(0.7)
          ? 'medium'
          : rng.chance(0.8)
            ? 'low'
            : 'no-apparent-risk';
      const fromCare = person.addressType === 'care-home';
      const place = fromCare ? careHomes[person.careHome]! : person.home;
      rows.push({
        id: `${o.prefix}-M${new Date(day * MS_DAY).toISOString().slice(0, 10).replace(/-/g, '')}-${k + 1}`,
        personRef: person.ref,
        force: o.force,
        reportedLocal,
        foundLocal: found < asOf ? found : null,
        risk,
        age: Math.max(0, Math.floor((day - person.birthDay) / 365.25)),
        lookedAfter: person.lookedAfter,
        addressType: person.addressType,
        missingFromRef: fromCare ? `${o.prefix}-CH-${String(person.careHome + 1).padStart(2, '0')}` : null,
        missingFromLsoa: o.lsoas[place]!,
        foundLsoa: found < asOf ? (rng.chance(0.5) ? o.lsoas[place]! : o.lsoas[homes.sample(rng)]!) : null,
      });
    }
  }
  return rows;
}
