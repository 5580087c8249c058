/**
 * The report library's public surface: build the Strategic Assessment as a clearance and write it
 * in the formats asked for, with its build log. The CLI (`stra report`) and, later, the web app
 * call generateReport; tests and benchmarks may call the steps (buildDocument, writeOutputs).
 */
import type { BuildOptions } from './build.js';
import { buildDocument } from './build.js';
import type { ReportDocument } from './model.js';
import { writeOutputs, type Format, type WriteOptions, type WrittenOutputs } from './outputs.js';
import { BUILD_STEPS } from './plan.js';
import { launchPrintingBrowser } from './browser.js';

export { buildDocument } from './build.js';
export type { BuildOptions, BuildResult } from './build.js';
export { writeOutputs, parseFormats, FORMATS } from './outputs.js';
export type { Format, WrittenOutputs } from './outputs.js';
export { parseDataPeriod } from './data-period.js';
export type { ReportDocument } from './model.js';
export type { BuildLog, LogEntry } from './build-log.js';

export interface GenerateOptions extends Omit<BuildOptions, 'onProgress'> {
  readonly formats: readonly Format[];
  readonly outDir: string;
  readonly browser?: WriteOptions['browser'];
  readonly onProgress?: (step: string, done: number, total: number) => void;
}

export async function generateReport(
  o: GenerateOptions,
): Promise<{ document: ReportDocument; outputs: WrittenOutputs }> {
  const startedAt = (o.now ?? (() => new Date()))();
  const steps = BUILD_STEPS + o.formats.length;
  // Chromium starts in its own processes while the document is built, rather than after it.
  const launching =
    o.browser === undefined && (o.formats.includes('pdf') || o.formats.includes('docx'))
      ? launchPrintingBrowser()
      : undefined;
  launching?.catch(() => undefined); // its failure is reported where it is awaited
  try {
    const built = await buildDocument({ ...o, onProgress: (step, done) => o.onProgress?.(step, done, steps) });
    let done = steps - o.formats.length;
    const browser = o.browser ?? launching;
    const outputs = await writeOutputs(built, {
      outDir: o.outDir,
      formats: o.formats,
      startedAt,
      builtBy: { username: o.builder.username, clearance: o.builder.clearance },
      onProgress: (step) => o.onProgress?.(step, done++, steps),
      ...(browser ? { browser } : {}),
    });
    o.onProgress?.('Done', steps, steps);
    return { document: built.document, outputs };
  } finally {
    if (launching) await launching.then((b) => b.close()).catch(() => undefined);
  }
}
