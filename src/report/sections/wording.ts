/**
 * Statements written from the statistics, in one place so every part says it the same way:
 * "a significant rise of 12.3% (q = 0.003)" only where the E-test, adjusted for the number of
 * comparisons (Benjamini-Hochberg), says so; otherwise the change is given and called not
 * significant. Percentages are rounded by the one display rule (src/domain/indicators/percent.ts).
 */
import { CATEGORY_NAMES, isCategorySlug } from '../../domain/crime/categories.js';
import { formatPct } from '../../domain/indicators/percent.js';
import type { Comparison } from '../../analytics/trend-comparison.js';
import { plural } from '../../domain/plural.js';

export function formatQ(q: number | null): string {
  if (q === null) return 'q n/a';
  return q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`;
}

/** A q-value in a table cell: 0.003, < 0.001, or blank. */
export const qText = (q: number | null): string => (q === null ? '' : q < 0.001 ? '< 0.001' : q.toFixed(3));

/** "a significant rise of 12.3% (q = 0.003)", "a fall of 2.0%, not significant (q = 0.410)". */
export function changeWords(c: Pick<Comparison, 'percentChange' | 'qValue' | 'flag' | 'change'>): string {
  if (c.flag === 'insufficient-data' || c.change === null)
    return 'not compared (the warehouse does not hold every month the comparison needs)';
  const pct = c.percentChange === null ? '' : ` of ${formatPct(Math.abs(c.percentChange), 1, false)}`;
  if (c.flag === 'significantly-above') return `a significant rise${pct} (${formatQ(c.qValue)})`;
  if (c.flag === 'significantly-below') return `a significant fall${pct} (${formatQ(c.qValue)})`;
  if (c.change === 0) return 'no change';
  const direction = c.change > 0 ? 'a rise' : 'a fall';
  return `${direction}${pct}, not significant (${formatQ(c.qValue)})`;
}

/** A reason the snapshot library wrote ("... (q = 6.4e-11)") with its q-value written as everywhere else. */
export const reasonWords = (reason: string): string =>
  reason.replace(/\(q = ([0-9.e+-]+)\)/, (_, q: string) => `(${formatQ(Number(q))})`);

/** "+12.3%, q = 0.003": a change in brackets after a name. */
export function compactChange(c: Pick<Comparison, 'percentChange' | 'qValue'>): string {
  return `${c.percentChange === null ? 'n/a' : formatPct(c.percentChange)}, ${formatQ(c.qValue)}`;
}

/** Missing force-months as ranges: "warwickshire 2014-04 to 2016-03 (24 months)". */
export function missingWords(missing: ReadonlyArray<{ force: string; month: string }>): string {
  const byForce = new Map<string, string[]>();
  for (const m of missing) byForce.set(m.force, [...(byForce.get(m.force) ?? []), m.month]);
  return [...byForce]
    .map(([force, months]) => {
      const sorted = [...months].sort();
      return sorted.length === 1
        ? `${force} ${sorted[0]}`
        : `${force} ${plural(sorted.length, 'month')} between ${sorted[0]} and ${sorted[sorted.length - 1]}`;
    })
    .join('; ');
}

/**
 * The flag as a table shows it. The words follow the test: only a significant difference is called
 * above or below; a difference the test does not support is "no significant difference", whatever
 * its size (the percentage beside it gives its direction).
 */
export const FLAG_WORDS: Readonly<Record<Comparison['flag'], string>> = {
  'significantly-above': 'significantly above',
  above: 'no significant difference',
  similar: 'no significant difference',
  below: 'no significant difference',
  'significantly-below': 'significantly below',
  'insufficient-data': 'not compared',
};

/** A month of a series against its control limits, in words (no raw flags in a document). */
export const SERIES_FLAG_WORDS: Readonly<Record<string, string>> = {
  above: 'above the upper limit',
  below: 'below the lower limit',
  within: 'within the limits',
  'insufficient-data': 'no baseline yet',
  'no-data': 'not published',
};

export const categoryName = (slug: string): string => (isCategorySlug(slug) ? CATEGORY_NAMES[slug] : slug);

export const pct = (x: number | null, signed = true): string => (x === null ? '' : formatPct(x, 1, signed));
export const share = (x: number | null): string => (x === null ? '' : formatPct(x * 100, 1, false));

/** "North Warwickshire and South Warwickshire", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
