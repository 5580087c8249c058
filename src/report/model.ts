/**
 * The Strategic Assessment as data: one document model that the HTML, PDF and DOCX renderers all
 * read, so the three formats can never disagree. Why plain data: section builders are tested on
 * what they produce without a browser or Word, and the build log can point at any figure.
 *
 * Decisions: footnotes are numbered once, in document order, at build time (renderers never
 * renumber); a chart always carries the table of the numbers it draws, so every format can show
 * the figures and a reader without the picture loses nothing; the document's marking is the
 * highest marking of the records it contains, never the clearance it was built for.
 */
import type { Marking } from '../domain/marking.js';

/** A run of text inside a paragraph, list item or cell. */
export type Inline =
  { readonly text: string; readonly bold?: boolean; readonly italic?: boolean } | { readonly footnote: number };

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 2 = a subsection (the section title itself is level 1), 3 = a minor heading. */
  readonly level: 2 | 3;
  readonly text: string;
  /** Anchor for the contents and PDF destinations; unique in the document. */
  readonly id: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly Inline[];
  /** Small print under a chart or table: how it was computed. */
  readonly style?: 'normal' | 'method' | 'emphasis';
}

export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: ReadonlyArray<readonly Inline[]>;
}

export interface TableCell {
  readonly runs: readonly Inline[];
  readonly bold?: boolean;
  /** Background colour (#rrggbb), e.g. a heat-map cell's rating; text stays dark. */
  readonly fill?: string;
  /** Spans every column: a group heading row inside the table. */
  readonly spanAll?: boolean;
}

export interface TableColumn {
  readonly header: string;
  readonly align: 'left' | 'right' | 'center';
  /** Relative width (any unit); columns without one share what is left. */
  readonly width?: number;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: ReadonlyArray<readonly TableCell[]>;
  /** Wide tables (many columns) print in a smaller type. */
  readonly compact?: boolean;
  /** "Table 7": set when the document's tables are numbered (the caption starts with it). */
  readonly number?: string;
  /** The id of the build-log entry this table's figures come from (its anchor in build-log.html). */
  readonly trace?: string;
}

export interface ChartBlock {
  readonly kind: 'chart';
  readonly id: string;
  readonly caption: string;
  /** The ECharts option (a shared specification from src/charts). */
  readonly option: Record<string, unknown>;
  readonly width: number;
  readonly height: number;
  /** What the chart shows, in words (alt text). */
  readonly description: string;
  /** The numbers behind the chart. */
  readonly table: TableBlock;
  /** Filled in by the build: the chart drawn as SVG (ECharts server-side rendering). */
  readonly svg?: string;
  /** "Figure 3": set when the document's figures are numbered (the caption starts with it). */
  readonly number?: string;
  /** The id of the build-log entry this chart's figures come from (its anchor in build-log.html). */
  readonly trace?: string;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | ChartBlock;

export interface Section {
  readonly id: string;
  /** "Section 4" (numbered in document order), or null for the front matter and contents. */
  readonly number: string | null;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface Footnote {
  readonly number: number;
  readonly text: string;
}

export interface DocumentMeta {
  readonly title: string;
  readonly organisation: string;
  readonly assessmentId: number;
  readonly period: string;
  readonly versionLabel: string;
  readonly status: string;
  readonly purpose: string | null;
  readonly author: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** The highest marking of everything the document contains. */
  readonly marking: Marking;
  /** The clearance the document was built for (records above it were left out). */
  readonly clearance: Marking;
  /** The data period the crime figures cover and why, e.g. "2016/17 (April 2016 to March 2017): ...". */
  readonly dataPeriod: string | null;
  /** Material of the assessment above the build's clearance was withheld (the contents page says so). */
  readonly withheld: boolean;
}

export interface ReportDocument {
  readonly meta: DocumentMeta;
  readonly sections: readonly Section[];
  readonly footnotes: readonly Footnote[];
}

/**
 * The blocks with each table and chart not yet traced traced to the build-log entry `id` (the
 * figure entry the builder logged for them), so their numbers link to it in the HTML.
 */
export function traced<B extends Block>(
  blocks: readonly B[],
  id: string,
  only: (b: TableBlock | ChartBlock) => boolean = () => true,
): B[] {
  return blocks.map((b) =>
    (b.kind === 'table' || b.kind === 'chart') && b.trace === undefined && only(b)
      ? ({ ...b, trace: id, ...(b.kind === 'chart' ? { table: { ...b.table, trace: id } } : {}) } as B)
      : b,
  );
}

/** Text helpers for builders: most runs are plain. */
export const text = (value: string): Inline => ({ text: value });
export const bold = (value: string): Inline => ({ text: value, bold: true });
export const italic = (value: string): Inline => ({ text: value, italic: true });
export const para = (...runs: Inline[]): ParagraphBlock => ({ kind: 'paragraph', runs });
export const method = (...runs: Inline[]): ParagraphBlock => ({ kind: 'paragraph', runs, style: 'method' });
export const cell = (value: string | number | null, extra: Omit<TableCell, 'runs'> = {}): TableCell => ({
  runs: [{ text: value === null ? '' : typeof value === 'number' ? value.toLocaleString('en-GB') : value }],
  ...extra,
});

/** Every heading in the document, in order: the section titles (level 1) and their subsections. */
export function outline(doc: Pick<ReportDocument, 'sections'>): Array<{ id: string; level: 1 | 2; text: string }> {
  const out: Array<{ id: string; level: 1 | 2; text: string }> = [];
  for (const s of doc.sections) {
    out.push({ id: s.id, level: 1, text: sectionTitle(s) });
    for (const b of s.blocks) if (b.kind === 'heading' && b.level === 2) out.push({ id: b.id, level: 2, text: b.text });
  }
  return out;
}

/**
 * The contents page's notice in a build below the assessment's highest marking: that material above
 * the document's clearance is withheld, never what or how much, so a reader knows this is not the
 * whole assessment and why its numbered lists may differ from the full version's.
 */
export function withheldNotice(meta: Pick<DocumentMeta, 'withheld' | 'clearance'>): string | null {
  return meta.withheld
    ? `This version is for readers cleared to ${meta.clearance}. Material of this assessment marked above ${meta.clearance} is withheld from it; numbered items are numbered over what this version shows.`
    : null;
}

export const sectionTitle = (s: Pick<Section, 'number' | 'title'>): string =>
  s.number === null ? s.title : `${s.number}: ${s.title}`;
