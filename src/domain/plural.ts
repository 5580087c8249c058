/**
 * A count with its noun, the plural right: "1 threat", "4 threats", "2 analyses". Why a function:
 * the document and its build log are read by chief officers and analysts, and "4 threat(s)" reads
 * like a program's output.
 */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "4 OFFICIAL-SENSITIVE threats", or "1 OFFICIAL-SENSITIVE threat and 2 SECRET threats". */
export function pluralByGroup(counts: ReadonlyArray<readonly [string, number]>, one: string, many = `${one}s`): string {
  const parts = counts.map(([group, n]) => `${n.toLocaleString('en-GB')} ${group} ${n === 1 ? one : many}`);
  return parts.length <= 1 ? (parts[0] ?? `0 ${many}`) : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The noun alone, singular or plural by the count: "column 'x'", "columns 'x', 'y'". */
export const noun = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);
