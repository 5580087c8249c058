/**
 * A chart's SVG as a PNG, for Word (which needs a bitmap fallback beside an SVG picture): drawn
 * by the same Chromium that prints the PDF, at twice the size for a sharp print, so the picture
 * in the DOCX is the picture in the PDF.
 */
import type { PrintingBrowser } from '../browser.js';

export async function chartPng(
  browser: PrintingBrowser,
  svg: string,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize({ width, height });
    const sized = svg.replace(/^<svg /, `<svg width="${width}" height="${height}" `);
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${sized}</body></html>`);
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width, height } });
  } finally {
    await page.close();
  }
}
