/**
 * Where and how much crime each alliance district gets in the synthetic data.
 *
 * `rows`: real in-area street rows of the district in the police.uk files 2018-03 + 2018-04 of its
 * force (`../shared/data/police-uk/2018-0{3,4}/2018-0{3,4}-{west-mercia,warwickshire}-street.csv`,
 * rows whose LSOA-name prefix is the district); used only as relative shares within the force.
 *
 * `lat`/`lon`/`sdLat`/`sdLon`: APPROXIMATE district centres and spreads in degrees (the median and
 * standard deviation of the 2018-03 points, rounded). They only place SYNTHETIC points near the
 * right town; they are not boundaries and no generated point is a real crime location.
 */
import type { AllianceForce } from './category-mix.js';

export interface DistrictProfile {
  readonly rows: number;
  readonly lat: number;
  readonly lon: number;
  readonly sdLat: number;
  readonly sdLon: number;
}

export const DISTRICT_PROFILES: Readonly<Record<string, DistrictProfile>> = {
  Bromsgrove: { rows: 1300, lat: 52.34, lon: -2.06, sdLat: 0.03, sdLon: 0.07 },
  Herefordshire: { rows: 2685, lat: 52.06, lon: -2.72, sdLat: 0.09, sdLon: 0.12 },
  'Malvern Hills': { rows: 913, lat: 52.13, lon: -2.31, sdLat: 0.07, sdLon: 0.08 },
  Redditch: { rows: 1429, lat: 52.3, lon: -1.94, sdLat: 0.013, sdLon: 0.023 },
  Shropshire: { rows: 4014, lat: 52.71, lon: -2.73, sdLat: 0.15, sdLon: 0.19 },
  'Telford and Wrekin': { rows: 3734, lat: 52.68, lon: -2.46, sdLat: 0.03, sdLon: 0.035 },
  Worcester: { rows: 2437, lat: 52.2, lon: -2.22, sdLat: 0.01, sdLon: 0.018 },
  Wychavon: { rows: 1748, lat: 52.11, lon: -2.05, sdLat: 0.09, sdLon: 0.11 },
  'Wyre Forest': { rows: 1958, lat: 52.38, lon: -2.26, sdLat: 0.02, sdLon: 0.03 },
  'North Warwickshire': { rows: 955, lat: 52.57, lon: -1.6, sdLat: 0.05, sdLon: 0.07 },
  'Nuneaton and Bedworth': { rows: 2520, lat: 52.52, lon: -1.47, sdLat: 0.023, sdLon: 0.023 },
  Rugby: { rows: 1438, lat: 52.37, lon: -1.26, sdLat: 0.02, sdLon: 0.04 },
  'Stratford-on-Avon': { rows: 1462, lat: 52.2, lon: -1.71, sdLat: 0.06, sdLon: 0.15 },
  Warwick: { rows: 2146, lat: 52.29, lon: -1.54, sdLat: 0.024, sdLon: 0.042 },
};

/** A district not listed (a user's own area table): middling volume, a point in the Midlands. */
export const UNKNOWN_DISTRICT: DistrictProfile = { rows: 1000, lat: 52.4, lon: -1.9, sdLat: 0.05, sdLon: 0.08 };

export function districtProfile(district: string): DistrictProfile {
  return DISTRICT_PROFILES[district] ?? UNKNOWN_DISTRICT;
}

/**
 * Average street rows a month per force at the trend anchor (2018-03), all categories:
 * police.uk had West Mercia at 9,748 / 10,542 and Warwickshire at 4,225 / 4,363 in 2018-03 / 04.
 */
export const MONTHLY_STREET_ROWS: Readonly<Record<AllianceForce, number>> = {
  'west-mercia': 10_000,
  warwickshire: 4_300,
};

/** Stop-and-search rows a month (real 2018-03 / 04: West Mercia 266 / 342, Warwickshire 122 / 191). */
export const MONTHLY_STOP_SEARCHES: Readonly<Record<AllianceForce, number>> = {
  'west-mercia': 250,
  warwickshire: 150,
};
