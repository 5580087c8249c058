/**
 * The document as one self-contained HTML file: inline stylesheet, charts as inline SVG, no
 * scripts and no network. The title page (as the seed's: marking, version, purpose, author,
 * date), the contents (with page numbers when the PDF renderer supplies them), the sections, and
 * each section's notes (the footnotes first cited in it). The marking is printed in the page
 * margins when the file is printed, and shown in a bar at the top and bottom on screen.
 */
import { longDate } from '../dates.js';
import {
  outline,
  sectionTitle,
  withheldNotice,
  type Block,
  type Inline,
  type ReportDocument,
  type Section,
} from '../model.js';
import { blockHtml, type TraceLinks } from './html-blocks.js';
import { esc } from './escape.js';
import { DOCUMENT_CSS, marginBoxesCss } from './styles.js';

export interface HtmlOptions {
  /** The PDF renderer prints its own header and footer: leave out the CSS margin boxes. */
  readonly forPdf?: boolean;
  /** Heading id -> page number, for the contents of the PDF. */
  readonly pages?: ReadonlyMap<string, number>;
  /**
   * The HTML build log's address relative to the document ("build-log.html"): each table and
   * figure number links to its entry there. Not for the PDF, which travels without the log.
   */
  readonly buildLog?: string;
}

export function renderHtml(doc: ReportDocument, o: HtmlOptions = {}): string {
  const m = doc.meta;
  const css = o.forPdf ? DOCUMENT_CSS : DOCUMENT_CSS + marginBoxesCss(m.marking);
  const bar = (where: string) =>
    `<div class="marking-bar ${where}" role="note" aria-label="Protective marking">${esc(m.marking)}</div>`;
  const cited = new Set<number>();
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="protective-marking" content="${esc(m.marking)}">
<title>${esc(`${m.title} (${m.versionLabel}) - ${m.marking}`)}</title>
<style>${css}</style>
</head>
<body class="${o.forPdf ? 'pdf' : 'screen'}">
${o.forPdf ? '' : bar('top')}
<main>
${titlePage(doc)}
${contents(doc, o.pages)}
${doc.sections.map((s) => sectionHtml(s, doc, cited, o.forPdf ? {} : { ...(o.buildLog ? { buildLog: o.buildLog } : {}) })).join('\n')}
</main>
${o.forPdf ? '' : bar('bottom')}
</body>
</html>
`;
}

function titlePage(doc: ReportDocument): string {
  const m = doc.meta;
  const rows: Array<[string, string]> = [
    ['Protective marking', m.marking],
    ['Version', m.versionLabel],
    ...(m.purpose === null ? [] : [['Purpose', m.purpose] as [string, string]]),
    ['Author', m.author],
    ['Date', longDate(m.date)],
    ...(m.dataPeriod === null ? [] : [['Crime data', m.dataPeriod] as [string, string]]),
  ];
  return `<header class="title-page" id="title">
<div class="organisation">${esc(m.organisation)}</div>
<h1>${esc(m.title)}</h1>
<table class="meta">${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>
</header>`;
}

function contents(doc: ReportDocument, pages: ReadonlyMap<string, number> | undefined): string {
  const items = outline(doc).map((h) => {
    const page = pages?.get(h.id);
    const number = pages === undefined ? '' : `<span class="dots"></span><span class="page">${page ?? ''}</span>`;
    return `<li class="level-${h.level}"><a href="#${esc(h.id)}">${esc(h.text)}</a>${number}</li>`;
  });
  const notice = withheldNotice(doc.meta);
  return `<nav class="contents" aria-labelledby="contents-title"><h1 id="contents-title">Contents</h1><ol>${items.join('')}</ol>${notice === null ? '' : `<p class="withheld">${esc(notice)}</p>`}</nav>`;
}

function sectionHtml(s: Section, doc: ReportDocument, cited: Set<number>, links: TraceLinks): string {
  const fresh = footnotesIn(s.blocks).filter((n) => !cited.has(n));
  for (const n of fresh) cited.add(n);
  const notes =
    fresh.length === 0
      ? ''
      : `<aside class="notes" aria-label="Notes"><ol>${fresh
          .map((n) => {
            const note = doc.footnotes.find((f) => f.number === n);
            return `<li value="${n}" id="fn-${n}">${esc(note?.text ?? '')}</li>`;
          })
          .join('')}</ol></aside>`;
  return `<section class="doc-section" aria-labelledby="${esc(s.id)}"><h1 id="${esc(s.id)}">${esc(sectionTitle(s))}</h1>
${s.blocks.map((b) => blockHtml(b, links)).join('\n')}
${notes}
</section>`;
}

/** Footnote numbers cited in the blocks, in order of first citation. */
export function footnotesIn(blocks: readonly Block[]): number[] {
  const out: number[] = [];
  const take = (runs: readonly Inline[]) => {
    for (const r of runs) if ('footnote' in r && !out.includes(r.footnote)) out.push(r.footnote);
  };
  for (const b of blocks) {
    if (b.kind === 'paragraph') take(b.runs);
    else if (b.kind === 'list') b.items.forEach(take);
    else if (b.kind === 'table') b.rows.forEach((row) => row.forEach((c) => take(c.runs)));
    else if (b.kind === 'chart') b.table.rows.forEach((row) => row.forEach((c) => take(c.runs)));
  }
  return out;
}
