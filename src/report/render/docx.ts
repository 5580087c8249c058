/**
 * The document as a Word file, for analysts to edit the final text: the same title page,
 * contents, sections, tables and charts as the HTML and PDF (one model), the protective marking
 * in the header and footer of every page with page numbers, sources as real Word footnotes.
 * The contents lists the headings, each linked to its bookmark with a PAGEREF field for its page:
 * Word and LibreOffice both fill the numbers in when the file is opened (fields are set to update),
 * since only they know where their pages break. (A Word TOC field with cached entries printed its
 * own field code as text in LibreOffice.)
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TabStopType,
  LeaderType,
  InternalHyperlink,
  SimpleField,
  TextRun,
  WidthType,
  ShadingType,
  TableRow,
  TableCell,
  BorderStyle,
} from 'docx';
import { outline, sectionTitle, withheldNotice, type ReportDocument } from '../model.js';
import { blockDocx, bookmarkId, CONTENT_TWIPS, runsOf } from './docx-blocks.js';
import { longDate } from '../dates.js';

const FONT = 'Arial';

export async function renderDocx(doc: ReportDocument, pngs: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const m = doc.meta;
  let listInstance = 0;
  const options = { pngs, nextListInstance: () => ++listInstance, cited: new Set<number>() };
  const body: Array<Paragraph | Table> = [...titlePage(doc), new Paragraph({ children: [new PageBreak()] })];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Contents')] }));
  for (const h of outline(doc))
    body.push(
      new Paragraph({
        indent: { left: h.level === 2 ? 400 : 0 },
        spacing: { before: h.level === 1 ? 120 : 0, after: 40 },
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TWIPS, leader: LeaderType.DOT }],
        children: [
          new InternalHyperlink({
            anchor: bookmarkId(h.id),
            children: [new TextRun({ text: h.text, bold: h.level === 1 })],
          }),
          new TextRun({ children: ['\t'] }),
          new SimpleField(`PAGEREF ${bookmarkId(h.id)} \\h`, ''),
        ],
      }),
    );
  const notice = withheldNotice(m);
  if (notice !== null)
    body.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: notice, italics: true })] }));
  for (const s of doc.sections) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new Bookmark({ id: bookmarkId(s.id), children: [new TextRun(sectionTitle(s))] })],
      }),
    );
    for (const b of s.blocks) body.push(...blockDocx(b, options));
  }
  const marking = (size: number) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: m.marking, bold: true, size, font: FONT })],
    });
  const document = new Document({
    creator: m.author,
    title: `${m.title} (${m.versionLabel})`,
    description: `Protective marking: ${m.marking}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21 },
          paragraph: { spacing: { after: 100, line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [
        { id: 'Method', name: 'Method', basedOn: 'Normal', run: { size: 16, color: '4D4D4D' } },
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          run: { size: 19, bold: true },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
        // Headings stay with what follows them: never stranded at the foot of a page.
        ...(['Heading1', 'Heading2', 'Heading3'] as const).map((id, i) => ({
          id,
          name: `Heading ${i + 1}`,
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: [32, 26, 22][i], bold: true, color: '1D4E89' },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: [240, 200, 160][i], after: 80 } },
        })),
      ],
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    footnotes: Object.fromEntries(
      doc.footnotes.map((f) => [
        String(f.number),
        { children: [new Paragraph({ children: runsOf([{ text: f.text }], 16) })] },
      ]),
    ),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1247, bottom: 1247, left: 964, right: 964, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [marking(20)] }) },
        footers: {
          default: new Footer({
            children: [
              marking(20),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${m.title}, ${m.versionLabel}. Page `, size: 15, font: FONT }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 15, font: FONT }),
                  new TextRun({ text: ' of ', size: 15, font: FONT }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15, font: FONT }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return pack(document);
}

function titlePage(doc: ReportDocument): Array<Paragraph | Table> {
  const m = doc.meta;
  const rows: Array<[string, string]> = [
    ['Protective marking', m.marking],
    ['Version', m.versionLabel],
    ...(m.purpose === null ? [] : [['Purpose', m.purpose] as [string, string]]),
    ['Author', m.author],
    ['Date', longDate(m.date)],
    ...(m.dataPeriod === null ? [] : [['Crime data', m.dataPeriod] as [string, string]]),
  ];
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'C8C8C8' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return [
    new Paragraph({
      spacing: { before: 1600, after: 200 },
      children: [new TextRun({ text: m.organisation, size: 26, color: '4D4D4D' })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 600 }, children: [new TextRun({ text: m.title })] }),
    new Table({
      width: { size: CONTENT_TWIPS, type: WidthType.DXA },
      columnWidths: [2400, CONTENT_TWIPS - 2400],
      borders: { top: none, left: none, right: none, bottom: line, insideHorizontal: line, insideVertical: none },
      rows: rows.map(
        ([k, v]) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: 2400, type: WidthType.DXA },
                shading: { fill: 'FFFFFF', type: ShadingType.CLEAR, color: 'auto' },
                children: [new Paragraph({ children: [new TextRun({ text: k, bold: true })] })],
              }),
              new TableCell({
                width: { size: CONTENT_TWIPS - 2400, type: WidthType.DXA },
                children: [new Paragraph(v)],
              }),
            ],
          }),
      ),
    }),
  ];
}

/**
 * The file zipped as Packer.toBuffer does, but with the pictures stored rather than deflated:
 * PNGs are compressed already, and deflating them again in JavaScript took most of the time spent
 * writing the file. Reaches docx's own compiler (private in its types; docx is pinned exactly).
 */
async function pack(document: Document): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: { compile(d: Document, p: undefined, o: []): Zip } }).compiler;
  if (compiler === undefined) return new Uint8Array(await Packer.toBuffer(document));
  const zip = compiler.compile(document, undefined, []);
  for (const [name, file] of Object.entries(zip.files))
    if (name.startsWith('word/media/')) file.options.compression = 'STORE';
  return zip.generateAsync({
    type: 'uint8array',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    compression: 'DEFLATE',
  });
}

interface Zip {
  readonly files: Record<string, { options: { compression: string | null } }>;
  generateAsync(o: { type: 'uint8array'; mimeType: string; compression: 'DEFLATE' }): Promise<Uint8Array>;
}
