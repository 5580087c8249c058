/**
 * The PDF, printed by Chromium from the document's HTML: A4 from the stylesheet's @page, colours
 * printed exactly, and header and footer templates that print the protective marking on every
 * page (inline styles with an explicit font size: the templates are isolated from the page's
 * stylesheet) with the page number and total. The contents get real page numbers by printing
 * twice: a draft print (no tags, outline, header or footer: a third of the cost, the same page
 * breaks) tells where each heading fell (its PDF destination); the numbers are then written into
 * the page already laid out, and the final print is made; a further draft and print only if the
 * numbers moved a heading. Why not lay the page out again for each print: setting the content
 * again costs as much as a draft print and changes nothing but the numbers.
 */
import type { Page } from 'playwright-core';
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
    const margin = { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide };
    const draft = () => page.pdf({ preferCSSPageSize: true, printBackground: true, margin });
    const final = () =>
      page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        outline: true,
        tagged: true,
        headerTemplate: header(doc),
        footerTemplate: footer(doc),
        margin,
      });
    if (!(await pdfinfoAvailable())) {
      await page.setContent(renderHtml(doc, { forPdf: true }), { waitUntil: 'load' });
      return {
        bytes: await final(),
        headingPages: new Map(),
        passes: 1,
        notes: [
          'pdfinfo (poppler-utils) is not installed: the contents have no page numbers (apt-get install -y poppler-utils)',
        ],
      };
    }
    const ids = outline(doc).map((h) => h.id);
    // The draft reserves room for three-digit numbers, so filling them in moves nothing; the final
    // print is checked, and printed again only if a heading moved all the same.
    await page.setContent(renderHtml(doc, { forPdf: true, pages: new Map(ids.map((id) => [id, 888])) }), {
      waitUntil: 'load',
    });
    let pages = pagesOf(ids, await destinationPages(await draft()));
    for (let pass = 2; pass <= MAX_PASSES + 1; pass += 1) {
      await writeContentsNumbers(page, pages);
      const bytes = await final();
      const printed = pagesOf(ids, await destinationPages(bytes));
      if (same(printed, pages)) return { bytes, headingPages: printed, passes: pass, notes: missing(printed) };
      if (pass === MAX_PASSES + 1)
        return {
          bytes,
          headingPages: printed,
          passes: pass,
          notes: ['the contents page numbers did not settle after four prints; check them', ...missing(printed)],
        };
      pages = printed;
    }
    throw new Error('unreachable');
  } finally {
    await page.close();
  }
}

/**
 * The contents' page numbers written into the page as laid out (each entry links to #id). A script
 * given as text: the report code is compiled without the DOM's types, and the page runs no script
 * of its own (JavaScript is off for the document; this evaluation is the printer's).
 */
async function writeContentsNumbers(page: Page, pages: ReadonlyMap<string, number>): Promise<void> {
  const numbers = JSON.stringify(Object.fromEntries(pages));
  await page.evaluate(`(() => {
    const numbers = ${numbers};
    for (const li of document.querySelectorAll('nav.contents li')) {
      const id = (li.querySelector('a')?.getAttribute('href') ?? '').slice(1);
      const slot = li.querySelector('.page');
      if (slot !== null) slot.textContent = numbers[id] ? String(numbers[id]) : '';
    }
  })()`);
}

const pagesOf = (ids: readonly string[], found: ReadonlyMap<string, number>) =>
  new Map(ids.map((id) => [id, found.get(id) ?? 0]));
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
