/**
 * Rough relative sizes of the 43 territorial police forces of England and Wales, for the national
 * benchmark volume: approximate resident population served, in millions (mid-2010s, rounded; the
 * City of London is weighted up for its daytime population). Only the proportions matter; they
 * are approximate and make no claim about any force's real crime.
 */
export const NATIONAL_FORCE_SIZES: Readonly<Record<string, number>> = {
  'avon-and-somerset': 1.7,
  bedfordshire: 0.67,
  cambridgeshire: 0.85,
  cheshire: 1.05,
  'city-of-london': 0.1,
  cleveland: 0.57,
  cumbria: 0.5,
  derbyshire: 1.05,
  'devon-and-cornwall': 1.75,
  dorset: 0.77,
  durham: 0.64,
  'dyfed-powys': 0.52,
  essex: 1.8,
  gloucestershire: 0.63,
  'greater-manchester': 2.8,
  gwent: 0.59,
  hampshire: 2.0,
  hertfordshire: 1.18,
  humberside: 0.93,
  kent: 1.85,
  lancashire: 1.5,
  leicestershire: 1.1,
  lincolnshire: 0.75,
  merseyside: 1.42,
  metropolitan: 8.9,
  norfolk: 0.9,
  'north-wales': 0.7,
  'north-yorkshire': 0.82,
  northamptonshire: 0.75,
  northumbria: 1.46,
  nottinghamshire: 1.15,
  'south-wales': 1.33,
  'south-yorkshire': 1.4,
  staffordshire: 1.13,
  suffolk: 0.76,
  surrey: 1.19,
  sussex: 1.7,
  'thames-valley': 2.4,
  warwickshire: 0.57,
  'west-mercia': 1.28,
  'west-midlands': 2.9,
  'west-yorkshire': 2.3,
  wiltshire: 0.72,
};

/** Welsh forces get `W01` LSOA codes. */
export const WELSH_FORCES: ReadonlySet<string> = new Set(['dyfed-powys', 'gwent', 'north-wales', 'south-wales']);

/** LSOAs in England and Wales (2011): shared out over the forces by size. */
export const NATIONAL_LSOA_COUNT = 34_753;

/** Synthetic district names: `<Force> <suffix>`, e.g. `Kent Weald`. */
export const DISTRICT_SUFFIXES = [
  'Central', 'North', 'South', 'East', 'West', 'Vale', 'Moor', 'Forest', 'Heath', 'Downs', 'Fields', 'Marsh',
  'Dales', 'Hills', 'Coast', 'Borough', 'Riverside', 'Lakes', 'Wolds', 'Chase', 'Weald', 'Fens', 'Park',
  'Bridge', 'Cross', 'Green', 'Brook', 'Ford', 'Wood', 'Water', 'Stone', 'Castle', 'Abbey', 'Hall',
  'Marches', 'Valley', 'Uplands', 'Lowlands', 'Meadows', 'Gate',
] as const;
