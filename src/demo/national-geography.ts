/**
 * Synthetic geography for the national benchmark: for each of the 43 forces, districts named
 * `<Force> <suffix>` and LSOAs named `<district> 001A` with codes from `E01500000`/`W01500000` up
 * (beyond every real 2011 code, so they can never be mistaken for real areas), lognormal crime
 * weights, and a few snap points per LSOA stored as ready-made CSV bytes so that writing a row is
 * copying bytes.
 */
import { AliasTable } from './alias.js';
import { csvField } from './csv-writer.js';
import { DISTRICT_SUFFIXES, WELSH_FORCES } from './national-forces.js';
import { Rng } from './rng.js';
import { drawLocation } from './street-names.js';

export const POINTS_PER_LSOA = 6;
const LSOAS_PER_DISTRICT = 150;
const LSOA_SIGMA = 0.75;

export interface NationalForceGeography {
  readonly slug: string;
  readonly lsoaCount: number;
  /** Picks an LSOA (index in name order) by crime weight. */
  readonly lsoaAlias: AliasTable;
  /** `Longitude,Latitude,Location,LSOA code,LSOA name,` of every point, LSOA-major (POINTS_PER_LSOA each). */
  readonly points: readonly Buffer[];
}

/** `avon-and-somerset` -> `Avon and Somerset`. */
export function forceTitle(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w === 'and' || w === 'of' ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

export function buildNationalForce(
  seed: number,
  slug: string,
  lsoaCount: number,
  firstCode: number,
): NationalForceGeography {
  const rng = Rng.derive(seed, 'national-geography', slug);
  const districts = Math.max(2, Math.min(DISTRICT_SUFFIXES.length, Math.round(lsoaCount / LSOAS_PER_DISTRICT)));
  const prefix = WELSH_FORCES.has(slug) ? 'W01' : 'E01';
  const title = forceTitle(slug);
  const centreLat = 51 + rng.float() * 3.5;
  const centreLon = -3.5 + rng.float() * 4.5;
  const lsoas: { code: string; name: string; lat: number; lon: number; weight: number }[] = [];
  for (let d = 0; d < districts; d++) {
    const district = `${title} ${DISTRICT_SUFFIXES[d] as string}`;
    const dLat = centreLat + rng.normal() * 0.15;
    const dLon = centreLon + rng.normal() * 0.25;
    const inDistrict = Math.floor(lsoaCount / districts) + (d < lsoaCount % districts ? 1 : 0);
    for (let i = 0; i < inDistrict; i++) {
      const msoa = String(Math.floor(i / 5) + 1).padStart(3, '0');
      const letter = 'ABCDE'.charAt(i % 5);
      lsoas.push({
        code: `${prefix}${String(firstCode + lsoas.length).padStart(6, '0')}`,
        name: `${district} ${msoa}${letter}`,
        lat: dLat + rng.normal() * 0.03,
        lon: dLon + rng.normal() * 0.05,
        weight: rng.lognormal(LSOA_SIGMA),
      });
    }
  }
  lsoas.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const texts: string[] = [];
  for (const l of lsoas) {
    for (let p = 0; p < POINTS_PER_LSOA; p++) {
      const lat = (l.lat + rng.normal() * 0.004).toFixed(6);
      const lon = (l.lon + rng.normal() * 0.0064).toFixed(6);
      texts.push(`${lon},${lat},${csvField(drawLocation(rng))},${l.code},${csvField(l.name)},`);
    }
  }
  return {
    slug,
    lsoaCount: lsoas.length,
    lsoaAlias: new AliasTable(lsoas.map((l) => l.weight)),
    points: texts.map((t) => Buffer.from(t)),
  };
}
