/**
 * Upsert of indicator values by (series, organisation, period): a new key is added, the same
 * figure again changes nothing, and a corrected figure (value, unit, printed percentage or source)
 * replaces the old one, each replacement listed with what it was and what it became. An optional
 * field whose column the file does not have at all is kept as it was (a file of corrected values
 * without a published_pct column does not erase what the document printed); an empty cell in a
 * column the file has clears it.
 */
import { comparePeriods, periodOf } from './period.js';
import { valueKey, type IndicatorValue } from './types.js';

export interface FieldChange {
  readonly field: 'value' | 'unit' | 'publishedPct' | 'sourceName';
  readonly from: string | number | null;
  readonly to: string | number | null;
}

export interface ValueUpdate {
  readonly series: string;
  readonly organisation: string;
  readonly period: string;
  readonly changes: readonly FieldChange[];
}

export interface MergeResult<T extends IndicatorValue> {
  /** All values after the merge, sorted by series, organisation and period. */
  readonly values: T[];
  readonly added: number;
  readonly updated: readonly ValueUpdate[];
  readonly unchanged: number;
}

export interface MergeOptions {
  /** Optional fields the incoming file has no column for: kept from the stored value. */
  readonly absentFields?: readonly ('unit' | 'publishedPct' | 'sourceName')[];
}

export function mergeValues<T extends IndicatorValue>(
  existing: readonly T[],
  incoming: readonly T[],
  options: MergeOptions = {},
): MergeResult<T> {
  const byKey = new Map(existing.map((v) => [valueKey(v), v]));
  const absent = options.absentFields ?? [];
  let added = 0;
  let unchanged = 0;
  const updated: ValueUpdate[] = [];
  for (const given of incoming) {
    const key = valueKey(given);
    const old = byKey.get(key);
    let v = given;
    if (old !== undefined) for (const f of absent) if (old[f] !== undefined) v = { ...v, [f]: old[f] };
    if (old === undefined) {
      added++;
      byKey.set(key, v);
      continue;
    }
    const changes = diff(old, v);
    if (changes.length === 0) {
      unchanged++; // keep the old record, and so where it first came from
      continue;
    }
    updated.push({ series: v.series, organisation: v.organisation, period: v.period, changes });
    byKey.set(key, v);
  }
  return { values: sortValues([...byKey.values()]), added, updated, unchanged };
}

export function sortValues<T extends IndicatorValue>(values: T[]): T[] {
  return values.sort(
    (a, b) =>
      cmp(a.series, b.series) ||
      cmp(a.organisation, b.organisation) ||
      comparePeriods(periodOf(a.period), periodOf(b.period)),
  );
}

function diff(a: IndicatorValue, b: IndicatorValue): FieldChange[] {
  const changes: FieldChange[] = [];
  if (a.value !== b.value) changes.push({ field: 'value', from: a.value, to: b.value });
  if ((a.unit ?? null) !== (b.unit ?? null)) changes.push({ field: 'unit', from: a.unit ?? null, to: b.unit ?? null });
  if ((a.publishedPct ?? null) !== (b.publishedPct ?? null))
    changes.push({ field: 'publishedPct', from: a.publishedPct ?? null, to: b.publishedPct ?? null });
  if ((a.sourceName ?? null) !== (b.sourceName ?? null))
    changes.push({ field: 'sourceName', from: a.sourceName ?? null, to: b.sourceName ?? null });
  return changes;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
