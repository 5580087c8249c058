/**
 * What every section builder is given: the store and the capped actor it reads as, the
 * assessment, the warehouse and data period (when there is crime data), the indicator store, the
 * analyst's text (from the store), and the document's footnotes, anchors and markings. Why one object: builders
 * stay small functions of (context, log) with no I/O of their own beyond the library calls.
 */
import { highestMarking, type Marking } from '../domain/marking.js';
import type { Period } from '../domain/crime/periods.js';
import type { Actor, Assessment, Store } from '../store/index.js';
import type { IndicatorPaths } from '../indicators/store.js';
import type { Warehouse } from '../warehouse/reader.js';
import type { Footnotes } from './footnotes.js';
import type { DocumentText } from './text/stored-text.js';

export interface Force {
  readonly id: string;
  readonly name: string;
}

export interface BuildContext {
  readonly store: Store;
  /** The builder with clearance capped at the build's: every read goes through it. */
  readonly actor: Actor;
  /** The builder as they are: used only to count what the capped build left out. */
  readonly builder: Actor;
  readonly clearance: Marking;
  readonly assessment: Assessment;
  readonly previous: Assessment | null;
  readonly organisationName: string;
  readonly forces: readonly Force[];
  readonly warehouse: Warehouse | null;
  readonly dataPeriod: Period | null;
  /** The data period is a part year (fewer than 12 months): no comparison with an earlier year. */
  readonly partYear: boolean;
  /** The document's date (YYYY-MM-DD): the data period ends before it, and weights are those in force then. */
  readonly documentDate: string;
  readonly indicators: IndicatorPaths;
  readonly text: DocumentText;
  readonly footnotes: Footnotes;
  readonly anchors: Anchors;
  readonly markings: Markings;
}

/** The markings of everything placed in the document; the document prints the highest. */
export class Markings {
  private readonly seen: Marking[] = [];
  add(marking: Marking): void {
    this.seen.push(marking);
  }
  get highest(): Marking {
    return highestMarking(this.seen);
  }
}

/** Unique anchors for headings, tables and charts, readable in a URL. */
export class Anchors {
  private readonly used = new Set<string>();
  make(label: string): string {
    const base =
      label
        .toLowerCase()
        .replace(/&/g, 'and')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'part';
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
