import type { TaxonomyEntry } from '../../../../api/index.js';
/** Short names for matrix columns ("Rugby CSP"), and taxonomy labels by id. */

export const shortName = (name: string): string => name.replace(/ Community Safety Partnership$/, ' CSP');

export const labelOf =
  (taxonomy: readonly TaxonomyEntry[] | undefined) =>
  (id: string): string =>
    taxonomy?.find((t) => t.id === id)?.label ?? id;
