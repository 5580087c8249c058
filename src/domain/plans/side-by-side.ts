/**
 * The comparison of two plans as text for a terminal: two columns of wrapped text, a heading per
 * pair of themes, as the seed's Appendix 1 is laid out. Pure (the width is passed in), so the CLI
 * and tests get the same layout.
 */
import type { ComparisonGroup } from './compare.js';

/** Splits text into lines of at most `width` characters, breaking at spaces (a longer word is cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    for (let rest = word; rest.length > 0;) {
      const room = line === '' ? width : width - line.length - 1;
      if (rest.length <= room) {
        line = line === '' ? rest : `${line} ${rest}`;
        rest = '';
      } else if (line !== '') {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  return line === '' && lines.length > 0 ? lines : [...lines, line];
}

export interface SideBySideOptions {
  /** Characters per column. */
  readonly width: number;
  /** Prefix each objective with its id ("[12] ..."), for pairing by hand. */
  readonly ids?: boolean;
}

function row(left: string, right: string, width: number): string[] {
  const [a, b] = [wrap(left, width), wrap(right, width)];
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) =>
    `${(a[i] ?? '').padEnd(width)} | ${b[i] ?? ''}`.trimEnd(),
  );
}

export function sideBySide(
  titles: readonly [string, string],
  groups: readonly ComparisonGroup[],
  o: SideBySideOptions,
): string {
  const rule = `${'-'.repeat(o.width)}-+-${'-'.repeat(o.width)}`;
  const shown = (x: { id: number; text: string } | null) =>
    x === null ? '' : o.ids === true ? `[${x.id}] ${x.text}` : x.text;
  const out = [...row(titles[0], titles[1], o.width), rule];
  for (const g of groups) {
    out.push(...row(g.themeA === null ? '' : `## ${g.themeA}`, g.themeB === null ? '' : `## ${g.themeB}`, o.width));
    for (const r of g.rows) out.push(...row(shown(r.a), shown(r.b), o.width));
    out.push(rule);
  }
  return out.join('\n') + '\n';
}
