/** The category harm weights an analysis uses, by the index name a user types. */
import { usageError } from '../errors.js';
import { CATEGORY_INDEXES, type CategoryIndex, type WeightsTable } from '../domain/harm/weights.js';
import { loadCategoryWeights } from '../harm-data/load-weights.js';

export { CATEGORY_INDEXES } from '../domain/harm/weights.js';

export function categoryWeights(index: string): WeightsTable {
  if (!(CATEGORY_INDEXES as readonly string[]).includes(index)) {
    throw usageError(`--index: '${index}' is not one of ${CATEGORY_INDEXES.join(', ')}`);
  }
  return loadCategoryWeights(index as CategoryIndex);
}
