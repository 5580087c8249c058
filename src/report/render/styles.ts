/**
 * The document's one stylesheet, inlined in the HTML (no network). Print rules follow the Chromium
 * pitfalls noted in STACK.md: an @page size the PDF printer honours (preferCSSPageSize), margins
 * that leave room for the marking in the header and footer, tables and figures kept whole where
 * they fit, table headers repeated on each page, colours printed exactly (heat-map cells).
 */
export const PAGE = { size: 'A4', marginTop: '22mm', marginBottom: '22mm', marginSide: '17mm' } as const;

export const DOCUMENT_CSS = `
@page { size: ${PAGE.size}; margin: ${PAGE.marginTop} ${PAGE.marginSide} ${PAGE.marginBottom} ${PAGE.marginSide}; }
:root { --ink: #1b1b1b; --muted: #4d4d4d; --rule: #c8c8c8; --band: #e8eef5; --accent: #1d4e89; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); font: 10.5pt/1.45 Arial, "Liberation Sans", Helvetica, sans-serif; }
main { max-width: 180mm; margin: 0 auto; padding: 0 4mm; }
h1, h2, h3 { color: var(--accent); line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
p { margin: 0 0 2.6mm; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
a { color: inherit; text-decoration: none; }
sup.fn a { color: var(--accent); font-size: 7.5pt; }
a.trace { color: var(--accent); text-decoration: underline dotted; }
sup.fn { margin-left: 0.6pt; }
/* Long URLs and file names wrap inside the page rather than running off its edge. */
aside.notes li { overflow-wrap: anywhere; }
section.doc-section p, section.doc-section li { overflow-wrap: break-word; }
table.data td { overflow-wrap: break-word; }
.marking-bar { display: none; position: fixed; left: 0; right: 0; text-align: center; font-weight: bold; font-size: 10pt; letter-spacing: 0.05em; background: #fff; padding: 1mm 0; }
.marking-bar.top { top: 0; border-bottom: 1px solid var(--rule); }
.marking-bar.bottom { bottom: 0; border-top: 1px solid var(--rule); }
body.screen main { padding-top: 10mm; padding-bottom: 10mm; }
.title-page { break-after: page; page-break-after: always; padding-top: 30mm; }
.title-page .organisation { font-size: 13pt; color: var(--muted); margin-bottom: 6mm; }
.title-page h1 { font-size: 26pt; margin-bottom: 12mm; }
table.meta { border-collapse: collapse; width: 100%; }
table.meta th { text-align: left; width: 38mm; vertical-align: top; padding: 2mm 3mm 2mm 0; border-bottom: 1px solid var(--rule); }
table.meta td { padding: 2mm 0; border-bottom: 1px solid var(--rule); }
nav.contents { break-after: page; page-break-after: always; }
nav.contents ol { list-style: none; padding: 0; margin: 0; }
nav.contents li { display: flex; align-items: baseline; margin: 0 0 1.6mm; }
nav.contents li.level-2 { padding-left: 7mm; font-size: 10pt; }
nav.contents li.level-1 { font-weight: bold; margin-top: 2.5mm; }
nav.contents .dots { flex: 1; border-bottom: 1px dotted #8c8c8c; margin: 0 2mm; transform: translateY(-1.2mm); }
nav.contents .page { min-width: 8mm; text-align: right; font-variant-numeric: tabular-nums; }
nav.contents p.withheld { margin-top: 6mm; font-style: italic; font-size: 10pt; }
section.doc-section { break-before: page; page-break-before: always; }
figure { margin: 3mm 0 5mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption, caption { font-weight: bold; font-size: 9.5pt; text-align: left; padding: 0 0 1.5mm; color: var(--ink); }
table.data { border-collapse: collapse; width: 100%; margin: 2mm 0 5mm; font-size: 9pt; }
table.data.compact { font-size: 7.6pt; }
table.data thead { display: table-header-group; }
table.data th { background: var(--band); text-align: left; vertical-align: bottom; padding: 1.4mm 1.6mm; border: 1px solid var(--rule); }
table.data td { padding: 1.2mm 1.6mm; border: 1px solid var(--rule); vertical-align: top; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data thead { break-after: avoid; page-break-after: avoid; }
table.data tbody tr:first-child, table.data tbody tr:nth-child(2) { break-before: avoid; page-break-before: avoid; }
table.data tr.caption-row th { background: none; border: none; padding: 0 0 1.5mm; font-size: 9.5pt; }
table.data.compact tr.caption-row th { font-size: 9pt; }
figure + table.data { break-before: avoid; }
table.data.short { break-inside: avoid; page-break-inside: avoid; }
table.data .right { text-align: right; font-variant-numeric: tabular-nums; }
table.data .center { text-align: center; }
table.data td.group { font-weight: bold; }
p.method { font-size: 8.5pt; color: var(--muted); }
p.emphasis { font-style: italic; }
aside.notes { margin-top: 6mm; border-top: 1px solid var(--rule); padding-top: 2mm; font-size: 8.5pt; color: var(--muted); break-inside: avoid; }
aside.notes ol { padding-left: 5mm; }
@media print { body.screen main { padding: 0; } }
@media screen { .marking-bar { display: block; } body { background: #f3f3f3; } main { background: #fff; padding: 10mm 12mm; margin: 12mm auto; } }
`;

/**
 * The marking and page numbers in the page margins when the HTML itself is printed (Chromium 131+
 * and other CSS paged-media printers). The PDF renderer leaves this out and prints its own header
 * and footer templates instead, so the marking is never printed twice.
 */
export function marginBoxesCss(marking: string): string {
  const text = `"${marking.replace(/"/g, '')}"`;
  const box = 'font: bold 10pt Arial, "Liberation Sans", sans-serif; color: #1b1b1b;';
  return `@page { @top-center { content: ${text}; ${box} } @bottom-center { content: ${text}; ${box} } @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8.5pt Arial, "Liberation Sans", sans-serif; color: #4d4d4d; } }`;
}
