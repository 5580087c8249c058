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

export interface LogEntry {
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

  figure(subject: string, detail: string, source: FigureSource, footnote?: number): void {
    this.entries.push({
      section: this.section,
      kind: 'figure',
      subject,
      detail,
      source,
      ...(footnote === undefined ? {} : { footnote }),
    });
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
