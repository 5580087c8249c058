/**
 * Writing the built document in the formats asked for, and the build log beside them
 * (build-log.json with every file and import id, build-log.txt to read, build-log.html that the
 * document's table and figure numbers link to). HTML needs nothing but
 * the model; PDF and the chart pictures in DOCX need Chromium, launched once for both (by
 * generateReport while the document is being built, so the launch costs no wall time) and closed
 * after. The Word and PDF renderers are loaded only when asked for. Files are written whole to a temporary name and renamed, so a failed build never leaves
 * a half-written document where the last good one was.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from '../errors.js';
import { logForKeeping, type BuildLog } from './build-log.js';
import { buildLogText } from './build-log-text.js';
import { buildLogHtml } from './build-log-html.js';
import type { BuildResult } from './build.js';
import { launchPrintingBrowser, type PrintingBrowser } from './browser.js';
import { renderHtml } from './render/html.js';
import { plural } from '../domain/plural.js';

export const FORMATS = ['html', 'pdf', 'docx'] as const;
/** The build log as HTML beside the document: each table and figure number in the document's HTML links into it. */
export const BUILD_LOG_HTML = 'build-log.html';
export type Format = (typeof FORMATS)[number];

export function parseFormats(text: string): Format[] {
  const asked = text
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const bad = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || asked.length === 0)
    throw usageError(`--format: '${text}' should be one or more of ${FORMATS.join(', ')}, separated by commas`);
  return [...new Set(asked)] as Format[];
}

export interface WrittenOutputs {
  readonly files: Record<string, string>;
  readonly log: BuildLog;
  readonly pdfPages?: ReadonlyMap<string, number>;
}

export interface WriteOptions {
  readonly outDir: string;
  readonly formats: readonly Format[];
  readonly builtBy: { readonly username: string; readonly clearance: BuildLog['builderClearance'] };
  readonly startedAt: Date;
  readonly onProgress?: (step: string) => void;
  /** A browser to reuse (tests, benchmarks), or one being launched by the caller, who closes it; otherwise one is launched and closed. */
  readonly browser?: PrintingBrowser | Promise<PrintingBrowser>;
}

export async function writeOutputs(built: BuildResult, o: WriteOptions): Promise<WrittenOutputs> {
  const { document: doc } = built;
  await mkdir(o.outDir, { recursive: true });
  const base = `strategic-assessment-${doc.meta.period.replace('/', '-')}-${doc.meta.marking}`;
  const files: Record<string, string> = {};
  const timings: Record<string, number> = { ...built.timings };
  const log = built.log;
  const time = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await f();
    } finally {
      timings[name] = performance.now() - t;
    }
  };
  let pdfPages: ReadonlyMap<string, number> | undefined;
  if (o.formats.includes('html')) {
    o.onProgress?.('Writing HTML');
    files.html = await time('html', () =>
      save(o.outDir, `${base}.html`, renderHtml(doc, { buildLog: BUILD_LOG_HTML })),
    );
  }
  const needsBrowser = o.formats.includes('pdf') || o.formats.includes('docx');
  const browser = needsBrowser ? await time('browser', async () => o.browser ?? launchPrintingBrowser()) : undefined;
  const owned = o.browser === undefined;
  try {
    if (browser && o.formats.includes('pdf')) {
      o.onProgress?.('Printing PDF');
      const { renderPdf } = await import('./render/pdf.js');
      const pdf = await time('pdf', () => renderPdf(doc, browser));
      for (const n of pdf.notes) log.for('document').warning('PDF', n);
      log.for('document').note('PDF', `${plural(pdf.passes, 'print')} to settle the contents page numbers`);
      pdfPages = pdf.headingPages;
      files.pdf = await save(o.outDir, `${base}.pdf`, pdf.bytes);
    }
    if (browser && o.formats.includes('docx')) {
      o.onProgress?.('Writing Word');
      files.docx = await time('docx', async () => {
        const [{ renderDocx }, { chartPngs }] = await Promise.all([
          import('./render/docx.js'),
          import('./render/chart-png.js'),
        ]);
        const charts = doc.sections.flatMap((s) =>
          s.blocks.flatMap((b) =>
            b.kind === 'chart' && b.svg ? [{ id: b.id, svg: b.svg, width: b.width, height: b.height }] : [],
          ),
        );
        const pngs = await chartPngs(browser, charts);
        return save(o.outDir, `${base}.docx`, await renderDocx(doc, pngs));
      });
      log
        .for('document')
        .note(
          'DOCX',
          "the contents' page numbers are fields that Word and LibreOffice fill in when the file is opened",
        );
    }
  } finally {
    if (browser && owned) await browser.close();
  }
  const finished: BuildLog = {
    assessment: { id: doc.meta.assessmentId, period: doc.meta.period, versionLabel: doc.meta.versionLabel },
    builtBy: o.builtBy.username,
    builderClearance: o.builtBy.clearance,
    clearance: doc.meta.clearance,
    marking: doc.meta.marking,
    startedAt: o.startedAt.toISOString(),
    durationMs: Date.now() - o.startedAt.getTime(),
    formats: [...o.formats],
    entries: log.entries,
    timings,
  };
  const kept = logForKeeping(finished);
  files.buildLogJson = await save(o.outDir, 'build-log.json', JSON.stringify(kept, null, 2) + '\n');
  files.buildLogText = await save(o.outDir, 'build-log.txt', buildLogText(kept));
  files.buildLogHtml = await save(
    o.outDir,
    BUILD_LOG_HTML,
    buildLogHtml(kept, files.html === undefined ? {} : { document: path.basename(files.html) }),
  );
  return { files, log: finished, ...(pdfPages ? { pdfPages } : {}) };
}

async function save(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, file);
  return file;
}
