/**
 * Footnotes for sources, numbered once in the order the document cites them (the seed numbers
 * its sources 1, 2, 3 ... through the document). The same source cited twice keeps its first
 * number, so a reader finds one entry per source.
 */
import type { Footnote } from './model.js';

export class Footnotes {
  private readonly byText = new Map<string, number>();
  readonly list: Footnote[] = [];

  /** The number of a source, given it the first time it is cited. */
  cite(text: string): number {
    const key = text.trim();
    const known = this.byText.get(key);
    if (known !== undefined) return known;
    const number = this.list.length + 1;
    this.byText.set(key, number);
    this.list.push({ number, text: key });
    return number;
  }
}
