/**
 * Blocks of the document model as Word content (the `docx` package): headings with bookmarks,
 * paragraphs with real Word footnotes, bulleted and numbered lists, tables (repeated header row,
 * group rows spanning the table, shaded cells, fixed column widths) and charts as SVG pictures
 * with a PNG fallback, followed by the table of their figures.
 */
import {
  Bookmark,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  AlignmentType,
  type ParagraphChild,
} from 'docx';
import { createHash } from 'node:crypto';
import type { Block, ChartBlock, Inline, TableBlock, TableCell as ModelCell } from '../model.js';

/** Usable width of an A4 page with 17 mm side margins, in twentieths of a point. */
export const CONTENT_TWIPS = 11906 - 2 * 964;
/** The same width in pixels at 96 per inch (pictures are sized in pixels). */
const CONTENT_PX = Math.round((CONTENT_TWIPS / 1440) * 96);

export interface DocxBlockOptions {
  /** PNG of each chart by id; a chart without one is left out (its table stays). */
  readonly pngs: ReadonlyMap<string, Uint8Array>;
  /** A fresh instance number for each numbered list, so each starts at 1. */
  nextListInstance(): number;
  /** The footnotes already referenced, in document order (a second reference is not a new note). */
  readonly cited?: Set<number>;
}

/**
 * Runs of text and footnote markers. A note cited again (the same source twice) is its number in
 * superscript, as the HTML and PDF print it: a second Word footnote reference to the same note is
 * a new, empty note to LibreOffice (numbered on from there, so every later note was off by one).
 */
export function runsOf(runs: readonly Inline[], size?: number, cited?: Set<number>): ParagraphChild[] {
  return runs.flatMap((r, i) =>
    'footnote' in r
      ? [
          // Markers side by side are separated ("7,8", never "78").
          ...(i > 0 && 'footnote' in runs[i - 1]! ? [new TextRun({ text: ',', superScript: true })] : []),
          cited?.has(r.footnote)
            ? new TextRun({ text: String(r.footnote), superScript: true })
            : (cited?.add(r.footnote), new FootnoteReferenceRun(r.footnote)),
        ]
      : [new TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, ...(size ? { size } : {}) })],
  );
}

export function blockDocx(b: Block, o: DocxBlockOptions): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: [new Bookmark({ id: bookmarkId(b.id), children: [new TextRun(b.text)] })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          children: runsOf(b.runs, b.style === 'method' ? 16 : undefined, o.cited),
          style: b.style === 'method' ? 'Method' : undefined,
          ...(b.style === 'emphasis' ? { indent: { left: 360 } } : {}),
        }),
      ];
    case 'list': {
      const instance = b.ordered ? o.nextListInstance() : 0;
      return b.items.map(
        (item) =>
          new Paragraph({
            children: runsOf(item, undefined, o.cited),
            ...(b.ordered ? { numbering: { reference: 'ordered', level: 0, instance } } : { bullet: { level: 0 } }),
          }),
      );
    }
    case 'table':
      return tableDocx(b, o);
    case 'chart':
      return chartDocx(b, o);
  }
}

/**
 * Word bookmark names: letters, digits and underscores, at most 40 characters, starting with a
 * letter; a longer anchor keeps its start and a hash of the whole, so two never share a name.
 */
export function bookmarkId(id: string): string {
  const name = `h_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
  return name.length <= 40 ? name : `${name.slice(0, 31)}_${createHash('sha1').update(id).digest('hex').slice(0, 8)}`;
}

/**
 * Column widths in twips: the table's proportions, except that no column is narrower than the
 * longest word of its header or cells (LibreOffice breaks a word that does not fit mid-word:
 * "Ran|k", "Day|s", "Warwicksh|ire"); what such a column needs is taken from the others in proportion to their room above
 * their own minimum. `size` is the header's type size in half-points.
 */
export function columnWidths(
  columns: readonly { readonly header: string; readonly width?: number }[],
  size: number,
  total = CONTENT_TWIPS,
  cells: readonly (readonly string[])[] = [],
): number[] {
  const weight = columns.reduce((a, c) => a + (c.width ?? 1), 0);
  const wanted = columns.map((c) => ((c.width ?? 1) / weight) * total);
  // As LibreOffice sets them (DejaVu Sans), a bold header averages under 0.72 em a character and
  // regular text under 0.62; a cell's side margins are 108 twips each, and a little more spare.
  const longest = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  const em = (size / 2) * 20;
  const min = columns.map(
    (c, i) => Math.max(longest(c.header) * 0.72 * em, ...cells.map((r) => longest(r[i] ?? '') * 0.62 * em)) + 240,
  );
  if (min.reduce((a, b) => a + b, 0) > total) return wanted.map(Math.round);
  const short = wanted.reduce((a, w, i) => a + Math.max(0, min[i]! - w), 0);
  const room = wanted.reduce((a, w, i) => a + Math.max(0, w - min[i]!), 0);
  return wanted.map((w, i) => Math.round(w < min[i]! ? min[i]! : w - (short * (w - min[i]!)) / room));
}

function tableDocx(t: TableBlock, o: DocxBlockOptions): Array<Paragraph | Table> {
  const size = t.compact ? 14 : 17;
  const plain = t.rows.map((r) =>
    r.map((c) => (c.spanAll ? '' : c.runs.map((x) => ('text' in x ? x.text : '')).join(''))),
  );
  const widths = columnWidths(t.columns, size, CONTENT_TWIPS, plain);
  const align = (a: string) =>
    a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { fill: 'E8EEF5', type: ShadingType.CLEAR, color: 'auto' },
          children: [
            new Paragraph({ alignment: align(c.align), children: [new TextRun({ text: c.header, bold: true, size })] }),
          ],
        }),
    ),
  });
  const row = (cells: readonly ModelCell[]) =>
    new TableRow({
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            ...(c.spanAll
              ? { columnSpan: t.columns.length }
              : { width: { size: widths[i] ?? 0, type: WidthType.DXA } }),
            ...(c.fill
              ? { shading: { fill: c.fill.replace('#', '').toUpperCase(), type: ShadingType.CLEAR, color: 'auto' } }
              : {}),
            children: [
              new Paragraph({
                alignment: c.spanAll ? AlignmentType.LEFT : align(t.columns[i]?.align ?? 'left'),
                children: runsOf(
                  c.runs.map((r) => ('text' in r && (c.bold || c.spanAll) ? { ...r, bold: true } : r)),
                  size,
                  o.cited,
                ),
              }),
            ],
          }),
      ),
    });
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: t.caption, bold: true })] }),
    new Table({
      width: { size: CONTENT_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [header, ...t.rows.map(row)],
    }),
    new Paragraph({ children: [], spacing: { after: 120 } }),
  ];
}

function chartDocx(c: ChartBlock, o: DocxBlockOptions): Array<Paragraph | Table> {
  const png = o.pngs.get(c.id);
  const out: Array<Paragraph | Table> = [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: c.caption, bold: true })] }),
  ];
  if (png !== undefined && c.svg !== undefined) {
    const width = Math.min(CONTENT_PX, c.width);
    const height = Math.round((c.height / c.width) * width);
    out.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(c.svg.replace(/^<svg /, `<svg width="${c.width}" height="${c.height}" `), 'utf8'),
            fallback: { type: 'png', data: png },
            transformation: { width, height },
            altText: { name: c.id, title: c.caption, description: c.description },
          }),
        ],
      }),
    );
  }
  return [...out, ...tableDocx(c.table, o)];
}
