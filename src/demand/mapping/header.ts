/**
 * Finds the mapping's columns in a file's header by name (case and surrounding spaces ignored),
 * never by position, so a re-ordered or extended export still reads correctly. A column the
 * mapping needs but the header lacks refuses the whole file, naming what is missing and what the
 * header has.
 */
import { inputError } from '../../errors.js';
import { noun } from '../../domain/plural.js';

/** Position of a column, or -1 when an optional column is absent. */
export type ColumnIndex = (name: string) => number;

export function indexHeader(
  file: string,
  header: readonly string[],
  needed: readonly string[],
  optional: readonly string[] = [],
): ColumnIndex {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (key === '') return; // trailing empty columns (e.g. "call_type,description,,,")
    if (positions.has(key)) throw inputError(`${file}, line 1: the header has the column '${h.trim()}' twice`);
    positions.set(key, i);
  });
  const missing = [...new Set(needed)].filter((n) => !positions.has(n.trim().toLowerCase()));
  if (missing.length > 0)
    throw inputError(
      `${file}, line 1: the mapping needs ${noun(missing.length, 'column')} ${missing.map((m) => `'${m}'`).join(', ')}, which the header does not have (it has ${header
        .filter((h) => h.trim() !== '')
        .map((h) => `'${h.trim()}'`)
        .join(', ')})`,
      { file, missing },
    );
  const known = new Set([...needed, ...optional].map((n) => n.trim().toLowerCase()));
  return (name) => {
    const key = name.trim().toLowerCase();
    if (!known.has(key)) throw new RangeError(`column '${name}' was not declared to indexHeader`);
    return positions.get(key) ?? -1;
  };
}
