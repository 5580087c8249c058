/**
 * Synthetic `Location` texts. police.uk anonymises every crime to a snap point named
 * "On or near <street or kind of place>"; the kinds of place below are ones police.uk uses
 * ("Parking Area", "Supermarket", "Nightclub", ...). The street names are made up from common
 * English parts, so no generated location is a real address.
 */
import type { Rng } from './rng.js';

const STREET_FIRST = [
  'Church',
  'Mill',
  'Station',
  'High',
  'Park',
  'Victoria',
  'Albert',
  'Queen',
  'King',
  'Grove',
  'Manor',
  'School',
  'Chapel',
  'Oak',
  'Elm',
  'Ash',
  'Beech',
  'Willow',
  'Meadow',
  'Orchard',
  'Brook',
  'Bridge',
  'Castle',
  'Hill',
  'Green',
  'Springfield',
  'Windsor',
  'York',
  'Alexandra',
  'New',
  'London',
  'Severn',
  'Avon',
  'Cherry',
  'Holly',
  'Hawthorn',
  'Rowan',
  'Cedar',
  'Laburnum',
  'Lime',
  'Poplar',
  'Sycamore',
  'Chestnut',
  'Abbey',
  'Priory',
  'Vicarage',
  'Rectory',
  'Farm',
  'Market',
  'Crown',
  'Swan',
  'Nelson',
  'Wellington',
  'Foxglove',
  'Bluebell',
  'Primrose',
  'Heather',
  'Lavender',
  'Kestrel',
  'Falcon',
  'Heron',
  'Mallard',
  'Skylark',
  'Wren',
  'Robin',
  'Bramble',
  'Fern',
  'Juniper',
  'Linden',
  'Maple',
  'Hazel',
] as const;

const STREET_KIND = [
  'Road',
  'Street',
  'Lane',
  'Close',
  'Avenue',
  'Drive',
  'Way',
  'Crescent',
  'Grove',
  'Gardens',
  'Place',
  'Walk',
  'Court',
  'View',
  'Rise',
  'Terrace',
  'Mews',
  'Square',
] as const;

const PLACES = [
  'Parking Area',
  'Supermarket',
  'Shopping Area',
  'Petrol Station',
  'Nightclub',
  'Sports/Recreation Area',
  'Park/Open Space',
  'Further/Higher Educational Building',
  'Hospital',
  'Police Station',
  'Bus/Coach Station',
  'Theatre/Concert Hall',
  'Pedestrian Subway',
] as const;

const A_ROADS = [
  'A38',
  'A44',
  'A49',
  'A5',
  'A442',
  'A456',
  'A46',
  'A423',
  'A444',
  'A452',
  'A435',
  'A422',
  'A449',
  'A41',
] as const;

/** One "On or near ..." text: mostly streets, some kinds of place and main roads. */
export function drawLocation(rng: Rng): string {
  const u = rng.float();
  if (u < 0.18) return `On or near ${rng.pick(PLACES)}`;
  if (u < 0.23) return `On or near ${rng.pick(A_ROADS)}`;
  if (u < 0.26) return `On or near ${rng.pick(STREET_FIRST)} Street`;
  return `On or near ${rng.pick(STREET_FIRST)} ${rng.pick(STREET_KIND)}`;
}
