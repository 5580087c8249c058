/**
 * Out-of-area rows: police.uk snaps some of a force's crimes to an LSOA of a neighbouring force
 * (a crime recorded by West Mercia that happened just over the Birmingham boundary). The
 * generator reproduces them at the real rate so that loaders and analyses must decide whether to
 * count them. The LSOAs are the real neighbouring-district LSOAs seen in the police.uk files
 * 2018-03 and 2018-04 of each force (rows within about 60 km of the force, the far-away few
 * dropped); `seen` is how many rows each had there, used as a weight. `lat`/`lon` are rounded
 * (3 decimals) points of those rows, used only to place synthetic points.
 */
import type { AllianceForce } from './category-mix.js';

export interface OutOfAreaLsoa {
  readonly code: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly seen: number;
}

/** Share of a force's street rows that are out of area (README: ~0.3% West Mercia, ~0.6% Warwickshire). */
export const OUT_OF_AREA_RATE: Readonly<Record<AllianceForce, number>> = {
  'west-mercia': 0.003,
  warwickshire: 0.006,
};

export const OUT_OF_AREA_LSOAS: Readonly<Record<AllianceForce, readonly OutOfAreaLsoa[]>> = {
  'west-mercia': [
    { code: 'E01008927', name: 'Birmingham 102D', lat: 52.429, lon: -2.015, seen: 7 },
    { code: 'E01008978', name: 'Birmingham 121B', lat: 52.404, lon: -1.893, seen: 6 },
    { code: 'E01008948', name: 'Birmingham 122D', lat: 52.407, lon: -1.886, seen: 2 },
    { code: 'E01009160', name: 'Birmingham 125E', lat: 52.395, lon: -2.015, seen: 5 },
    { code: 'E01009161', name: 'Birmingham 125F', lat: 52.402, lon: -2.033, seen: 1 },
    { code: 'E01009163', name: 'Birmingham 129B', lat: 52.384, lon: -2.002, seen: 1 },
    { code: 'E01009159', name: 'Birmingham 130A', lat: 52.4, lon: -2.007, seen: 2 },
    { code: 'E01009164', name: 'Birmingham 130B', lat: 52.393, lon: -2.014, seen: 1 },
    { code: 'E01022126', name: 'Cheltenham 009F', lat: 51.894, lon: -2.081, seen: 1 },
    { code: 'E01018498', name: 'Cheshire East 039E', lat: 53.094, lon: -2.464, seen: 1 },
    { code: 'E01009884', name: 'Dudley 013D', lat: 52.502, lon: -2.118, seen: 1 },
    { code: 'E01009828', name: 'Dudley 019D', lat: 52.491, lon: -2.145, seen: 1 },
    { code: 'E01009861', name: 'Dudley 033C', lat: 52.46, lon: -2.086, seen: 1 },
    { code: 'E01009856', name: 'Dudley 035A', lat: 52.455, lon: -2.144, seen: 1 },
    { code: 'E01009838', name: 'Dudley 037D', lat: 52.446, lon: -2.099, seen: 1 },
    { code: 'E01009812', name: 'Dudley 043E', lat: 52.433, lon: -2.085, seen: 1 },
    { code: 'E01022279', name: 'Gloucester 007B', lat: 51.849, lon: -2.214, seen: 1 },
    { code: 'E01022330', name: 'Gloucester 009C', lat: 51.85, lon: -2.256, seen: 1 },
    { code: 'E01029484', name: 'Lichfield 005B', lat: 52.683, lon: -1.803, seen: 1 },
    { code: 'E01029569', name: 'Newcastle-under-Lyme 016A', lat: 52.96, lon: -2.406, seen: 1 },
    { code: 'W01000434', name: 'Powys 007A', lat: 52.57, lon: -3.005, seen: 3 },
    { code: 'E01010072', name: 'Sandwell 021D', lat: 52.517, lon: -2.058, seen: 1 },
    { code: 'E01010062', name: 'Sandwell 026C', lat: 52.497, lon: -1.965, seen: 1 },
    { code: 'E01010181', name: 'Solihull 029B', lat: 52.388, lon: -1.854, seen: 1 },
    { code: 'E01029626', name: 'South Staffordshire 009A', lat: 52.637, lon: -2.237, seen: 1 },
    { code: 'E01014278', name: 'Stoke-on-Trent 021B', lat: 52.997, lon: -2.14, seen: 1 },
    { code: 'E01031213', name: 'Stratford-on-Avon 001A', lat: 52.283, lon: -1.895, seen: 2 },
    { code: 'E01031242', name: 'Stratford-on-Avon 003D', lat: 52.266, lon: -1.894, seen: 1 },
    { code: 'E01031189', name: 'Stratford-on-Avon 012A', lat: 52.164, lon: -1.899, seen: 1 },
    { code: 'E01031190', name: 'Stratford-on-Avon 012B', lat: 52.168, lon: -1.849, seen: 1 },
    { code: 'E01022461', name: 'Tewkesbury 002F', lat: 52.004, lon: -2.142, seen: 1 },
    { code: 'E01010535', name: 'Wolverhampton 032B', lat: 52.558, lon: -2.103, seen: 1 },
  ],
  warwickshire: [
    { code: 'E01009449', name: 'Birmingham 009A', lat: 52.559, lon: -1.826, seen: 1 },
    { code: 'E01009174', name: 'Birmingham 119C', lat: 52.409, lon: -2.002, seen: 2 },
    { code: 'E01033620', name: 'Birmingham 138A', lat: 52.476, lon: -1.901, seen: 1 },
    { code: 'E01033060', name: 'Bromsgrove 014E', lat: 52.326, lon: -1.992, seen: 2 },
    { code: 'E01028479', name: 'Cherwell 001A', lat: 52.133, lon: -1.363, seen: 1 },
    { code: 'E01028482', name: 'Cherwell 010B', lat: 51.991, lon: -1.368, seen: 1 },
    { code: 'E01022179', name: 'Cotswold 001A', lat: 52.011, lon: -1.765, seen: 1 },
    { code: 'E01022185', name: 'Cotswold 001E', lat: 52.089, lon: -1.772, seen: 2 },
    { code: 'E01009590', name: 'Coventry 002A', lat: 52.463, lon: -1.537, seen: 4 },
    { code: 'E01009584', name: 'Coventry 007D', lat: 52.455, lon: -1.461, seen: 1 },
    { code: 'E01009578', name: 'Coventry 008B', lat: 52.434, lon: -1.428, seen: 1 },
    { code: 'E01009718', name: 'Coventry 019E', lat: 52.41, lon: -1.454, seen: 1 },
    { code: 'E01009660', name: 'Coventry 021D', lat: 52.412, lon: -1.485, seen: 1 },
    { code: 'E01009638', name: 'Coventry 024C', lat: 52.412, lon: -1.509, seen: 1 },
    { code: 'E01009707', name: 'Coventry 033E', lat: 52.406, lon: -1.436, seen: 2 },
    { code: 'E01009538', name: 'Coventry 035D', lat: 52.391, lon: -1.442, seen: 2 },
    { code: 'E01009612', name: 'Coventry 035F', lat: 52.397, lon: -1.478, seen: 1 },
    { code: 'E01009541', name: 'Coventry 039C', lat: 52.377, lon: -1.462, seen: 1 },
    { code: 'E01009672', name: 'Coventry 040E', lat: 52.377, lon: -1.507, seen: 1 },
    { code: 'E01009668', name: 'Coventry 041C', lat: 52.382, lon: -1.526, seen: 1 },
    { code: 'E01009671', name: 'Coventry 042C', lat: 52.38, lon: -1.562, seen: 2 },
    { code: 'E01033058', name: 'Coventry 042F', lat: 52.386, lon: -1.567, seen: 1 },
    { code: 'E01032587', name: 'Coventry 043E', lat: 52.452, lon: -1.517, seen: 1 },
    { code: 'E01032968', name: 'Daventry 003F', lat: 52.33, lon: -1.205, seen: 1 },
    { code: 'E01026988', name: 'Daventry 007B', lat: 52.263, lon: -1.17, seen: 1 },
    { code: 'E01025816', name: 'Harborough 006D', lat: 52.454, lon: -1.242, seen: 2 },
    { code: 'E01029516', name: 'Lichfield 008A', lat: 52.696, lon: -1.619, seen: 1 },
    { code: 'E01025913', name: 'North West Leicestershire 012A', lat: 52.668, lon: -1.54, seen: 1 },
    { code: 'E01032265', name: 'Redditch 009B', lat: 52.288, lon: -1.886, seen: 2 },
    { code: 'E01032252', name: 'Redditch 010C', lat: 52.288, lon: -1.917, seen: 1 },
    { code: 'E01010238', name: 'Solihull 004D', lat: 52.492, lon: -1.735, seen: 2 },
    { code: 'E01010164', name: 'Solihull 017B', lat: 52.433, lon: -1.61, seen: 1 },
    { code: 'E01010167', name: 'Solihull 017D', lat: 52.352, lon: -1.694, seen: 3 },
    { code: 'E01010188', name: 'Solihull 028F', lat: 52.362, lon: -1.74, seen: 1 },
    { code: 'E01010189', name: 'Solihull 029E', lat: 52.353, lon: -1.774, seen: 1 },
    { code: 'E01029835', name: 'Tamworth 002A', lat: 52.634, lon: -1.7, seen: 1 },
    { code: 'E01029855', name: 'Tamworth 008A', lat: 52.61, lon: -1.639, seen: 7 },
    { code: 'E01029863', name: 'Tamworth 009D', lat: 52.612, lon: -1.683, seen: 1 },
    { code: 'E01029869', name: 'Tamworth 010E', lat: 52.598, lon: -1.664, seen: 1 },
    { code: 'E01032390', name: 'Wychavon 011A', lat: 52.116, lon: -1.772, seen: 2 },
    { code: 'E01032343', name: 'Wychavon 014A', lat: 52.093, lon: -1.947, seen: 1 },
  ],
};

/** Every out-of-area LSOA code the generator may write, for tests and loaders. */
export const OUT_OF_AREA_CODES: ReadonlySet<string> = new Set(
  Object.values(OUT_OF_AREA_LSOAS).flatMap((list) => list.map((l) => l.code)),
);
