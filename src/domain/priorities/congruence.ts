/**
 * Congruence of a partner's priorities with the alliance's: which alliance priorities the partner
 * shares, which it lacks, and which of its own the alliance does not hold, so the seed's
 * recommendation ("a common methodology for describing priorities ... congruent with the alliance
 * priorities") can be measured.
 *
 * The score is COVERAGE: the share of the alliance's priorities the partner also holds,
 * |shared| / |alliance|. Why not Jaccard (|shared| / |alliance ∪ partner|): the recommendation
 * asks partners to be congruent with the alliance, not to give up local priorities, and Jaccard
 * would mark a partner down for every local priority (a CSP with ASB and road safety beside all
 * the alliance's priorities would score below 1). Jaccard is reported beside it for anyone who
 * wants the symmetric measure. Both are null when there is nothing to divide by.
 */
import { inTaxonomyOrder, taxonomyIdsForTheme, type TaxonomyId } from './taxonomy.js';

export interface Congruence {
  /** Alliance priorities the partner also holds. */
  readonly shared: readonly TaxonomyId[];
  /** Alliance priorities the partner does not hold. */
  readonly lacking: readonly TaxonomyId[];
  /** Partner priorities the alliance does not hold. */
  readonly extra: readonly TaxonomyId[];
  /** |shared| / |alliance|: the score (null when the alliance holds none). */
  readonly coverage: number | null;
  /** |shared| / |alliance ∪ partner| (null when both are empty). */
  readonly jaccard: number | null;
}

export function congruence(alliance: Iterable<TaxonomyId>, partner: Iterable<TaxonomyId>): Congruence {
  const a = new Set(alliance);
  const p = new Set(partner);
  const shared = inTaxonomyOrder([...a].filter((id) => p.has(id)));
  const lacking = inTaxonomyOrder([...a].filter((id) => !p.has(id)));
  const extra = inTaxonomyOrder([...p].filter((id) => !a.has(id)));
  const union = shared.length + lacking.length + extra.length;
  return {
    shared,
    lacking,
    extra,
    coverage: a.size === 0 ? null : shared.length / a.size,
    jaccard: union === 0 ? null : shared.length / union,
  };
}

export interface AlliancePriorities {
  readonly taxonomyIds: readonly TaxonomyId[];
  /** Each Control Strategy theme and the ids it counts as (empty for an unmapped one). */
  readonly themes: ReadonlyArray<{ readonly theme: string; readonly taxonomyIds: readonly TaxonomyId[] }>;
  /** Themes with no taxonomy heading (police-internal ones): not counted either way. */
  readonly unmapped: readonly string[];
}

/** The alliance's priorities on the taxonomy, from its Control Strategy's priority themes. */
export function alliancePriorities(themes: readonly string[]): AlliancePriorities {
  const mapped = themes.map((theme) => ({ theme, taxonomyIds: taxonomyIdsForTheme(theme) }));
  return {
    taxonomyIds: inTaxonomyOrder(mapped.flatMap((m) => m.taxonomyIds)),
    themes: mapped,
    unmapped: mapped.filter((m) => m.taxonomyIds.length === 0).map((m) => m.theme),
  };
}
