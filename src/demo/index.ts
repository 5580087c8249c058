/**
 * The synthetic police.uk data generator: what `stra demo`, tests and benchmarks import.
 */
export { generateAllianceDataset, type AllianceOptions } from './alliance.js';
export { generateNationalDataset, DEFAULT_NATIONAL_ROWS, type NationalOptions } from './national.js';
export type { GeneratedDataset, GeneratedFile } from './dataset.js';
export type { PlantStep } from './street-rows.js';
export { ALLIANCE_FORCES, CRIME_TYPES, type AllianceForce, type CrimeType } from './category-mix.js';
export { OUT_OF_AREA_CODES } from './out-of-area.js';
export { HEADERS, OUTCOMES_HEADER, STOP_AND_SEARCH_HEADER, STREET_HEADER, type FileKind } from './police-uk-format.js';
export { loadAreaTable, type AreaLsoa } from './area-table.js';
export { allianceAreaTablePath } from './alliance-area-table.js';
