/**
 * Harm weights: the tables that turn counts of crime into harm.
 *
 * A weights table belongs to one harm index and is keyed either by Home Office offence code (what
 * force extracts and the Home Office police recorded crime tables carry) or by police.uk street
 * category (what data.police.uk carries). Every weight records where it came from and how it was
 * derived, so a report can say which number it used. A key may be present with no weight
 * (`weight: null`), e.g. anti-social behaviour or fraud: that means "no published weight exists",
 * and harm calculations report such counts instead of counting them as zero.
 *
 * Pure: no I/O. Loading the shipped CSV files is in `src/harm-data/load-weights.ts`.
 */
import { inputError } from '../../errors.js';

/**
 * Which harm index a table belongs to.
 * - `ons-css`: ONS Crime Severity Score weights (sentencing-based, per offence).
 * - `cchi-median` / `cchi-mean`: Cambridge Crime Harm Index days per police.uk category, derived
 *   from subgroup medians / means of the CCHI sheet (volume-weighted; see data/harm/README.md).
 * - `cchi-offence`: the official per-offence Cambridge Crime Harm Index, loaded by a force that
 *   holds the sheet (days of imprisonment per offence).
 */
export type HarmIndex = 'ons-css' | 'cchi-median' | 'cchi-mean' | 'cchi-offence';

export const HARM_INDEXES: readonly HarmIndex[] = ['ons-css', 'cchi-median', 'cchi-mean', 'cchi-offence'];

/** The indexes with a weight per police.uk category, which the trends explorer and evidence use. */
export const CATEGORY_INDEXES = ['cchi-median', 'cchi-mean', 'ons-css'] as const satisfies readonly HarmIndex[];
export type CategoryIndex = (typeof CATEGORY_INDEXES)[number];

/** What the keys of a weights table are. */
export type WeightKeyKind = 'offence-code' | 'policeuk-category';

/** Plain-language name and unit of each index, for report headings. */
export const HARM_INDEX_INFO: Readonly<Record<HarmIndex, { readonly name: string; readonly unit: string }>> = {
  'ons-css': {
    name: 'ONS Crime Severity Score weights',
    unit: 'ONS severity weight (sentence-based, roughly days of custody equivalent) per offence',
  },
  'cchi-median': {
    name: 'Cambridge Crime Harm Index, category weights from subgroup medians',
    unit: 'CCHI days per offence',
  },
  'cchi-mean': {
    name: 'Cambridge Crime Harm Index, category weights from subgroup means',
    unit: 'CCHI days per offence',
  },
  'cchi-offence': {
    name: 'Cambridge Crime Harm Index, official per-offence values',
    unit: 'CCHI days per offence',
  },
};

export function isHarmIndex(value: string): value is HarmIndex {
  return (HARM_INDEXES as readonly string[]).includes(value);
}

/** One weight. `weight: null` means there is no published weight for this key. */
export interface HarmWeight {
  /** Offence code (e.g. `8N`) or police.uk category row key (e.g. `burglary`). */
  readonly key: string;
  readonly weight: number | null;
  /** Where the number comes from (publisher, file, edition). */
  readonly source: string;
  /** How it was derived from the published figures (or why there is none). */
  readonly derivation: string;
}

export interface WeightsTable {
  readonly index: HarmIndex;
  readonly keyKind: WeightKeyKind;
  /** Edition / vintage of the weights, to be printed with any result. */
  readonly edition: string;
  /** The unit of one weight. */
  readonly unit: string;
  readonly weights: ReadonlyMap<string, HarmWeight>;
}

export interface WeightsTableInit {
  readonly index: HarmIndex;
  readonly keyKind: WeightKeyKind;
  readonly edition: string;
  readonly unit?: string;
  readonly weights: Iterable<HarmWeight>;
}

/**
 * Build a weights table, refusing duplicate keys, empty keys, and weights that are not finite
 * non-negative numbers (a weight of zero is allowed but must be written as 0, never implied).
 */
export function makeWeightsTable(init: WeightsTableInit): WeightsTable {
  const weights = new Map<string, HarmWeight>();
  for (const w of init.weights) {
    if (w.key.trim() === '') throw inputError(`Harm weights (${init.index}): empty key`);
    if (weights.has(w.key)) {
      throw inputError(`Harm weights (${init.index}): key "${w.key}" appears twice`, { key: w.key });
    }
    if (w.weight !== null && (!Number.isFinite(w.weight) || w.weight < 0)) {
      throw inputError(
        `Harm weights (${init.index}): weight for "${w.key}" must be a finite number >= 0, got ${w.weight}`,
        {
          key: w.key,
        },
      );
    }
    weights.set(w.key, w);
  }
  return {
    index: init.index,
    keyKind: init.keyKind,
    edition: init.edition,
    unit: init.unit ?? HARM_INDEX_INFO[init.index].unit,
    weights,
  };
}

/** The weight for a key, `null` when the key has no published weight, `undefined` when unknown. */
export function weightOf(table: WeightsTable, key: string): number | null | undefined {
  const w = table.weights.get(key);
  return w === undefined ? undefined : w.weight;
}
