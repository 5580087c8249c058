/**
 * Which page each heading landed on in a printed PDF: Chromium writes a named destination for
 * every element a link points to (the contents links to each heading), and poppler's
 * `pdfinfo -dests` lists them with their page numbers. Why not guess from the layout: only the
 * printer knows where its page breaks fell.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PDFINFO = process.env.STRA_PDFINFO ?? 'pdfinfo';

/** Whether poppler's pdfinfo can be run here. */
export async function pdfinfoAvailable(): Promise<boolean> {
  try {
    await run(PDFINFO, ['-v']);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT' && (err as { stderr?: string }).stderr !== undefined;
  }
}

/** Destination name -> page number (1-based). */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stra-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(PDFINFO, ['-dests', file], { maxBuffer: 16 * 1024 * 1024 });
    return parseDests(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function parseDests(text: string): Map<string, number> {
  const pages = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$/.exec(line);
    if (m && !pages.has(m[2]!)) pages.set(m[2]!, Number(m[1]));
  }
  return pages;
}
