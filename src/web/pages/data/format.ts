/** Small formatting helpers for the data page. */
import { forceDisplayName } from '../../../domain/crime/forces.js';
import { momentText } from '../../dates';

export const number = (n: number): string => n.toLocaleString('en-GB');

export const when = (iso: string): string => momentText(iso);

export const bytes = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 ** 2
      ? `${(n / 1024).toFixed(1)} KB`
      : n < 1024 ** 3
        ? `${(n / 1024 ** 2).toFixed(1)} MB`
        : `${(n / 1024 ** 3).toFixed(2)} GB`;

/**
 * A source as people know it: the file name, keeping the archive it came from
 * (`folder/2018-03.zip!2018-03/x.csv` → `2018-03.zip!2018-03/x.csv`).
 */
export function fileName(source: string): string {
  const [outer = source, ...inner] = source.split('!');
  const base = outer.split(/[\\/]/).pop() ?? outer;
  return inner.length === 0 ? base : `${base}!${inner.join('!')}`;
}

/** Police.uk force ids as proper names: `west-mercia` → `West Mercia Police`. */
export const forceName = (force: string | null): string => (force === null ? '–' : forceDisplayName(force));

export const STATUS_TEXT: Record<string, string> = {
  imported: 'imported',
  replaced: 'replaced an earlier copy',
  unchanged: 'unchanged (already loaded)',
  superseded: 'superseded by a newer file',
  refused: 'refused',
};
