/** Synthetic incidents and missing-person episodes for the alliance demo (see README.md). */
export { generateDemand, type DemandDataset, type DemandOptions } from './incidents.js';
export { demandTable } from './table.js';
export { writeDemandFiles, INCIDENT_HEADER, MISSING_HEADER, type DemandFile } from './write-csv.js';
export type { DemandColumns } from './columns.js';
export type { EpisodeRow } from './missing-episodes.js';
