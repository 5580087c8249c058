/**
 * The PDF, printed by Chromium from the document's HTML: A4 from the stylesheet's @page, colours
 * printed exactly, and header and footer templates that print the protective marking on every
 * page (inline styles with an explicit font size: the templates are isolated from the page's
 * stylesheet) with the page number and total. The contents get real page numbers by printing
 * twice: the first print tells where each heading fell (its PDF destination), the second prints
 * those numbers; a third is made only if the numbers moved a heading.
 */
import type { ReportDocument } from '../model.js';
import { outline } from '../model.js';
import type { PrintingBrowser } from '../browser.js';
import { esc } from './escape.js';
import { renderHtml } from './html.js';
import { destinationPages, pdfinfoAvailable } from './pdf-destinations.js';
import { PAGE } from './styles.js';

export interface PdfResult {
  readonly bytes: Uint8Array;
  /** Heading id -> the page it is printed on; empty when pdfinfo is not available. */
  readonly headingPages: ReadonlyMap<string, number>;
  readonly passes: number;
  /** For the build log: what could not be done and why. */
  readonly notes: readonly string[];
}

const MAX_PASSES = 3;

export async function renderPdf(doc: ReportDocument, browser: PrintingBrowser): Promise<PdfResult> {
  const page = await browser.context.newPage();
  try {
    const print = async (pages: ReadonlyMap<string, number> | undefined): Promise<Uint8Array> => {
      await page.setContent(renderHtml(doc, { forPdf: true, ...(pages ? { pages } : {}) }), { waitUntil: 'load' });
      return page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        outline: true,
        tagged: true,
        headerTemplate: header(doc),
        footerTemplate: footer(doc),
        margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide },
      });
    };
    if (!(await pdfinfoAvailable())) {
      return {
        bytes: await print(undefined),
        headingPages: new Map(),
        passes: 1,
        notes: [
          'pdfinfo (poppler-utils) is not installed: the contents have no page numbers (apt-get install -y poppler-utils)',
        ],
      };
    }
    const ids = outline(doc).map((h) => h.id);
    // The first print reserves room for three-digit numbers, so filling them in moves nothing.
    let pages: Map<string, number> = new Map(ids.map((id) => [id, 888]));
    let bytes = await print(pages);
    for (let pass = 1; pass <= MAX_PASSES; pass += 1) {
      const found = await destinationPages(bytes);
      const next = new Map(ids.map((id) => [id, found.get(id) ?? 0]));
      if (pass > 1 && same(next, pages)) return { bytes, headingPages: next, passes: pass, notes: missing(next) };
      pages = next;
      bytes = await print(pages);
    }
    return {
      bytes,
      headingPages: pages,
      passes: MAX_PASSES + 1,
      notes: ['the contents page numbers did not settle after three prints; check them', ...missing(pages)],
    };
  } finally {
    await page.close();
  }
}

const same = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
const missing = (pages: ReadonlyMap<string, number>) =>
  [...pages].filter(([, p]) => p === 0).map(([id]) => `no page found for heading #${id}`);

const FONT = "font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; color: #1b1b1b;";

function header(doc: ReportDocument): string {
  return `<div style="${FONT} font-size: 10pt; font-weight: bold; width: 100%; text-align: center; letter-spacing: 0.5px; padding-top: 2mm;">${esc(doc.meta.marking)}</div>`;
}

function footer(doc: ReportDocument): string {
  const m = doc.meta;
  return (
    `<div style="${FONT} font-size: 8pt; width: 100%; padding: 0 ${PAGE.marginSide} 2mm; display: flex; align-items: flex-end;">` +
    `<span style="flex: 1.6; text-align: left; font-size: 7.5pt; color: #4d4d4d;">${esc(`${m.title}, ${m.versionLabel}`)}</span>` +
    `<span style="flex: 1; text-align: center; font-size: 10pt; font-weight: bold;">${esc(m.marking)}</span>` +
    `<span style="flex: 0.9; text-align: right; font-size: 8pt;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}
