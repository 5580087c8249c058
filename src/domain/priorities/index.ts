/** Partners' priorities: the common taxonomy, the side-by-side matrix and congruence (pure). */
export {
  PRIORITY_TAXONOMY,
  TAXONOMY_IDS,
  isTaxonomyId,
  taxonomyEntry,
  inTaxonomyOrder,
  parseTaxonomyIds,
  taxonomyIdsForTheme,
} from './taxonomy.js';
export type { TaxonomyId, TaxonomyEntry } from './taxonomy.js';
export { parsePriorityPeriod } from './period.js';
export { buildPriorityMatrix } from './matrix.js';
export type { MatrixEntry, MatrixPartner, MatrixColumn, MatrixRow, PriorityMatrix } from './matrix.js';
export { congruence, alliancePriorities } from './congruence.js';
export type { Congruence, AlliancePriorities } from './congruence.js';
