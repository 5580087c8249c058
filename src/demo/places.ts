/**
 * The synthetic geography of one force: its LSOAs (real codes and names from the area table,
 * plus the real out-of-area LSOAs), a crime weight for each, and a few snap points per LSOA that
 * its crimes share, as police.uk's anonymised map points are shared. Built once per force from
 * its own random stream, so it is the same for every month.
 *
 * Skew: LSOA weights are lognormal (sigma 0.75) and the top 2% of LSOAs (town centres) get 2.5x;
 * each category then raises the weight to its own power, so shoplifting and theft from the
 * person crowd into town centres while burglary and vehicle crime spread out. The real 2018 files
 * show the same: the top 1% of LSOAs carry about 10-13% of all crime but 30-35% of shoplifting.
 */
import type { AreaLsoa } from './area-table.js';
import type { AllianceForce, CrimeType } from './category-mix.js';
import { csvField } from './csv-writer.js';
import { districtProfile } from './districts.js';
import { OUT_OF_AREA_LSOAS } from './out-of-area.js';
import { Rng } from './rng.js';
import { drawLocation } from './street-names.js';

/** Exponent applied to an LSOA's weight per category (1 = like all crime). */
export const CATEGORY_CONCENTRATION: Readonly<Record<CrimeType, number>> = {
  'Anti-social behaviour': 1,
  'Bicycle theft': 1.1,
  Burglary: 0.7,
  'Criminal damage and arson': 0.9,
  Drugs: 1.2,
  'Other crime': 1,
  'Other theft': 1.1,
  'Possession of weapons': 1.2,
  'Public order': 1.3,
  Robbery: 1.2,
  Shoplifting: 1.8,
  'Theft from the person': 1.6,
  'Vehicle crime': 0.8,
  'Violence and sexual offences': 1.1,
};

const LSOA_SIGMA = 0.75;
const TOWN_CENTRE_SHARE = 0.02;
const TOWN_CENTRE_BOOST = 2.5;
const LSOA_RADIUS_DEG = 0.004;

export interface Place {
  readonly lsoaCode: string;
  readonly lsoaName: string;
  readonly district: string;
  readonly outOfArea: boolean;
  readonly weight: number;
  /** CSV text `Longitude,Latitude,Location,LSOA code,LSOA name` of each snap point. */
  readonly points: readonly string[];
  readonly lat: number;
  readonly lon: number;
}

function makePoints(
  rng: Rng,
  lsoa: { code: string; name: string },
  lat: number,
  lon: number,
  weight: number,
): string[] {
  const k = Math.min(25, 3 + Math.floor(weight * 3));
  const points: string[] = [];
  for (let i = 0; i < k; i++) {
    const pLat = lat + rng.normal() * LSOA_RADIUS_DEG;
    const pLon = lon + rng.normal() * LSOA_RADIUS_DEG * 1.6;
    points.push(
      `${pLon.toFixed(6)},${pLat.toFixed(6)},${csvField(drawLocation(rng))},${lsoa.code},${csvField(lsoa.name)}`,
    );
  }
  return points;
}

/** The places of one force, sorted by LSOA name as police.uk sorts its street files. */
export function buildPlaces(seed: number, force: AllianceForce, area: readonly AreaLsoa[]): Place[] {
  const rng = Rng.derive(seed, 'places', force);
  const own = area.filter((a) => a.force === force);
  const weights = own.map(() => rng.lognormal(LSOA_SIGMA));
  const cutoff = [...weights].sort((a, b) => b - a)[Math.floor(own.length * TOWN_CENTRE_SHARE)] ?? Infinity;
  const places: Place[] = own.map((a, i) => {
    const base = weights[i] as number;
    const weight = base > cutoff ? base * TOWN_CENTRE_BOOST : base;
    const d = districtProfile(a.district);
    // Town centres sit near the district centre; others spread over the district.
    const spread = base > cutoff ? 0.3 : 1;
    const lat = d.lat + rng.normal() * d.sdLat * spread;
    const lon = d.lon + rng.normal() * d.sdLon * spread;
    const name = a.lsoaName || a.lsoaCode;
    return {
      lsoaCode: a.lsoaCode,
      lsoaName: name,
      district: a.district,
      outOfArea: false,
      weight,
      lat,
      lon,
      points: makePoints(rng, { code: a.lsoaCode, name }, lat, lon, weight),
    };
  });
  for (const o of OUT_OF_AREA_LSOAS[force]) {
    const district = o.name.replace(/ \d{3}[A-Z]$/, '');
    places.push({
      lsoaCode: o.code,
      lsoaName: o.name,
      district,
      outOfArea: true,
      weight: o.seen,
      lat: o.lat,
      lon: o.lon,
      points: makePoints(rng, o, o.lat, o.lon, 0),
    });
  }
  places.sort((a, b) => (a.lsoaName < b.lsoaName ? -1 : a.lsoaName > b.lsoaName ? 1 : 0));
  return places;
}

/** A snap point of the place, favouring its first points (busy streets recur). */
export function pickPoint(rng: Rng, place: Place): string {
  const u = rng.float();
  return place.points[Math.floor(u * u * place.points.length)] as string;
}
