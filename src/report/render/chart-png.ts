/**
 * The charts' SVGs as PNGs, for Word (which needs a bitmap fallback beside an SVG picture): drawn
 * by the same Chromium that prints the PDF, at twice the size for a sharp print, so the picture
 * in the DOCX is the picture in the PDF. All of a document's charts are laid out in one page,
 * one under another at known offsets, and each is photographed from it by the DevTools protocol's
 * own capture: a page per chart cost a page's start-up each, and playwright's screenshot (which
 * waits for fonts and resizes the view for each) four times the capture itself.
 */
import type { PrintingBrowser } from '../browser.js';

export interface ChartPicture {
  readonly id: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export async function chartPngs(
  browser: PrintingBrowser,
  charts: readonly ChartPicture[],
): Promise<Map<string, Uint8Array>> {
  const pngs = new Map<string, Uint8Array>();
  if (charts.length === 0) return pngs;
  const page = await browser.context.newPage();
  try {
    const width = Math.max(...charts.map((c) => c.width));
    await page.setViewportSize({ width, height: Math.max(...charts.map((c) => c.height)) });
    let top = 0;
    const boxes = charts.map((c) => {
      const box = { x: 0, y: top, width: c.width, height: c.height, scale: 2 };
      top += c.height;
      return box;
    });
    const html = charts.map(
      (c) =>
        `<div style="width:${c.width}px;height:${c.height}px;overflow:hidden">${c.svg.replace(/^<svg /, `<svg width="${c.width}" height="${c.height}" `)}</div>`,
    );
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${html.join('')}</body></html>`);
    const devtools = await browser.context.newCDPSession(page);
    for (const [i, c] of charts.entries()) {
      const shot = (await devtools.send('Page.captureScreenshot', {
        format: 'png',
        clip: boxes[i]!,
        captureBeyondViewport: true,
      })) as { data: string };
      pngs.set(c.id, Buffer.from(shot.data, 'base64'));
    }
    await devtools.detach();
    return pngs;
  } finally {
    await page.close();
  }
}
