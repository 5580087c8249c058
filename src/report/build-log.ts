/**
 * The build log: what went into the document and where each figure came from (the library call
 * and its query, the data files and import ids, the store records), and what was left out and
 * why. Why a log beside the document and not notes inside it: the document is for its readers;
 * omissions above the build's clearance must not be hinted at in an OFFICIAL document, yet the
 * person who built it needs to know them. The log counts hidden records; it never quotes them.
 */
import type { Marking } from '../domain/marking.js';

/** A file a figure was computed from (one police.uk force-month, an indicator CSV, a text file). */
export interface SourceFile {
  readonly file: string;
  readonly importId?: string;
  readonly sha256?: string;
  readonly force?: string;
  readonly month?: string;
  readonly table?: string;
  readonly rows?: number;
}

export interface FigureSource {
  /** The library function that computed it, e.g. "performanceSnapshot". */
  readonly call: string;
  /** Its arguments (period, forces, areas, weights), as given. */
  readonly query?: unknown;
  readonly files?: readonly SourceFile[];
  readonly importIds?: readonly string[];
  /** Store records, e.g. "threats 12, 13, 14" or "risk register (7 risks)". */
  readonly records?: string;
  /** The method or test used, in words. */
  readonly method?: string;
}

export type LogKind = 'figure' | 'omitted' | 'note' | 'warning';

/** A numbered table or figure of the document that an entry backs, and its anchor there. */
export interface Shown {
  /** "Table 7", "Figure 3". */
  readonly number: string;
  /** The block's id in the document's HTML. */
  readonly anchor: string;
}

export interface LogEntry {
  /**
   * A figure's id, stable from build to build (the part and the subject, e.g.
   * "demand-table-recorded-crime-by-force"): the anchor of its entry in build-log.html, which the
   * document's table and figure numbers link to.
   */
  readonly id?: string;
  /** The section id, or "document". */
  readonly section: string;
  readonly kind: LogKind;
  /** What the entry is about: "Table 4.1 Recorded crime by force", "Chart: assessment summary". */
  readonly subject: string;
  readonly detail: string;
  /** The footnote that cites this source in the document, if any. */
  readonly footnote?: number;
  readonly source?: FigureSource;
  /** Left out because it is marked above the build's clearance: the document says material is withheld. */
  readonly aboveClearance?: boolean;
  /** The numbered tables and figures of the document this entry backs (filled in when they are numbered). */
  readonly shows?: readonly Shown[];
}

export interface BuildLog {
  readonly assessment: { readonly id: number; readonly period: string; readonly versionLabel: string };
  readonly builtBy: string;
  readonly builderClearance: Marking;
  readonly clearance: Marking;
  readonly marking: Marking;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly formats: readonly string[];
  readonly entries: readonly LogEntry[];
  readonly timings: Readonly<Record<string, number>>;
}

/** Collects entries as the sections are built. */
export class LogBook {
  constructor(
    private readonly section = 'document',
    readonly entries: LogEntry[] = [],
  ) {}

  /** The same book, writing under another section id. */
  for(section: string): LogBook {
    return new LogBook(section, this.entries);
  }

  /**
   * A figure and where it came from; returns the entry's id, which the builder puts on the tables
   * and charts it made from it (`trace`), so their numbers link here.
   */
  figure(subject: string, detail: string, source: FigureSource, footnote?: number): string {
    const id = this.freshId(`${this.section} ${subject}`);
    this.entries.push({
      id,
      section: this.section,
      kind: 'figure',
      subject,
      detail,
      source,
      ...(footnote === undefined ? {} : { footnote }),
    });
    return id;
  }

  /** Records that the entry `id` backs a numbered table or figure of the document. */
  shown(id: string, shown: Shown): void {
    const i = this.entries.findIndex((e) => e.id === id);
    const e = this.entries[i];
    if (e === undefined) return;
    this.entries[i] = { ...e, shows: [...(e.shows ?? []), shown] };
  }

  private freshId(label: string): string {
    const base =
      label
        .toLowerCase()
        .replace(/&/g, 'and')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 80)
        .replace(/-$/, '') || 'figure';
    const used = new Set(this.entries.map((e) => e.id));
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    return id;
  }

  omitted(subject: string, detail: string): void {
    this.entries.push({ section: this.section, kind: 'omitted', subject, detail });
  }

  /** Something left out because it is marked above the build's clearance. */
  withheld(subject: string, detail: string): void {
    this.entries.push({ section: this.section, kind: 'omitted', subject, detail, aboveClearance: true });
  }

  /** Whether anything was left out for being above the build's clearance. */
  get anyWithheld(): boolean {
    return this.entries.some((e) => e.aboveClearance === true);
  }

  note(subject: string, detail: string): void {
    this.entries.push({ section: this.section, kind: 'note', subject, detail });
  }

  warning(subject: string, detail: string): void {
    this.entries.push({ section: this.section, kind: 'warning', subject, detail });
  }
}

/**
 * The log as written beside the document. The kept files are read by anyone cleared to the
 * document's marking, so an entry about material above that marking says only that some was left
 * out: never which records, how many or at what marking (issue 15: "never what or how much").
 * The builder, who is cleared to it, still sees the full entry in the log returned in process.
 */
export function logForKeeping(log: BuildLog): BuildLog {
  return {
    ...log,
    entries: log.entries.map((e) =>
      e.aboveClearance === true
        ? { ...e, detail: `material marked above the build's clearance ${log.clearance} left out.` }
        : e,
    ),
  };
}
