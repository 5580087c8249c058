/**
 * `generateNationalDataset`: benchmark volume shaped like a national police.uk year (default
 * 6 million street rows over 12 months across the 43 forces of England and Wales, by rough force
 * size), in the real archive layout and street-file format. Built for speed: geography and every
 * repeated piece of text are prepared once as bytes, and each row is written by copying bytes and
 * 64 hex digits into a large buffer (see `csv-writer.ts`), one random stream per file.
 * Synthetic LSOAs (see `national-geography.ts`); mature outcome mix; the alliance's category mix
 * with the same seasonality.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { POLICE_UK_FORCES } from '../domain/crime/forces.js';
import { AliasTable } from './alias.js';
import { CRIME_TYPES, REAL_CATEGORY_COUNTS_2018_03, type CrimeType } from './category-mix.js';
import type { GeneratedDataset, GeneratedFile } from './dataset.js';
import { monthText, parseMonthIndex } from './month-index.js';
import { buildNationalForce } from './national-geography.js';
import { NATIONAL_FORCE_SIZES, NATIONAL_LSOA_COUNT } from './national-forces.js';
import { suffixBytes, writeStreetFile, type FileJob } from './national-rows.js';
import { archivePath } from './police-uk-format.js';
import { daysFactor, deseasonalisedShares, seasonalFactor } from './seasonality.js';

export interface NationalOptions {
  readonly outDir: string;
  readonly seed: number;
  /** Street rows in total (default 6,000,000). */
  readonly rows?: number;
  /** First month, `YYYY-MM`. */
  readonly from: string;
  /** Number of months (default 12). */
  readonly months?: number;
  /** Force slugs (default the 43 of England and Wales). */
  readonly forces?: readonly string[];
  readonly onFile?: (file: GeneratedFile) => void;
}

export const DEFAULT_NATIONAL_ROWS = 6_000_000;

/** Pooled alliance mix (2018-03), used for every force. */
function nationalShares(): number[] {
  const pooled = Object.fromEntries(
    CRIME_TYPES.map((c) => [
      c,
      REAL_CATEGORY_COUNTS_2018_03['west-mercia'][c] + REAL_CATEGORY_COUNTS_2018_03.warwickshire[c],
    ]),
  ) as Record<CrimeType, number>;
  return deseasonalisedShares(pooled);
}

/** Integer parts proportional to weights that add up exactly to total (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

export async function generateNationalDataset(options: NationalOptions): Promise<GeneratedDataset> {
  const total = options.rows ?? DEFAULT_NATIONAL_ROWS;
  const months = options.months ?? 12;
  const first = parseMonthIndex(options.from);
  const slugs = options.forces ?? Object.keys(NATIONAL_FORCE_SIZES);
  const sizes = slugs.map((s) => NATIONAL_FORCE_SIZES[s] ?? 1);
  const lsoaCounts = apportion(NATIONAL_LSOA_COUNT, sizes).map((n) => Math.max(20, n));
  let nextCode = 500_000;
  const names = new Map(POLICE_UK_FORCES.map((f) => [f.slug, f.name]));
  const forces = slugs.map((slug, i) => {
    const geography = buildNationalForce(options.seed, slug, lsoaCounts[i] as number, nextCode);
    nextCode += geography.lsoaCount;
    return { geography, name: names.get(slug) ?? slug };
  });

  const shares = nationalShares();
  const monthIndexes = Array.from({ length: months }, (_, k) => first + k);
  const categoryTables = monthIndexes.map(
    (m) => new AliasTable(CRIME_TYPES.map((c, j) => (shares[j] as number) * seasonalFactor(c, (m % 12) + 1))),
  );
  const monthWeights = monthIndexes.map(
    (m) =>
      daysFactor(Math.floor(m / 12), (m % 12) + 1) *
      CRIME_TYPES.reduce((a, c, j) => a + (shares[j] as number) * seasonalFactor(c, (m % 12) + 1), 0),
  );
  const jobs: FileJob[] = [];
  const weights: number[] = [];
  monthIndexes.forEach((m, k) =>
    forces.forEach((f, i) => {
      jobs.push({ force: f.geography, forceName: f.name, monthIndex: m, rows: 0 });
      weights.push((sizes[i] as number) * (monthWeights[k] as number));
    }),
  );
  const rowsPerJob = apportion(total, weights);
  const text = suffixBytes();
  const files: GeneratedFile[] = [];
  const folders = new Set<string>();
  // The previous file finishes writing and closing while the next one is generated.
  let closing: Promise<void> = Promise.resolve();
  let closingFile: GeneratedFile | undefined;
  for (let j = 0; j < jobs.length; j++) {
    const job = { ...(jobs[j] as FileJob), rows: rowsPerJob[j] as number };
    const month = monthText(job.monthIndex);
    const file = path.join(options.outDir, archivePath(month, job.force.slug, 'street'));
    if (!folders.has(path.dirname(file))) {
      await mkdir(path.dirname(file), { recursive: true });
      folders.add(path.dirname(file));
    }
    const { closed } = await writeStreetFile(
      file,
      job,
      options.seed,
      categoryTables[job.monthIndex - first] as AliasTable,
      text,
    );
    await closing;
    if (closingFile) options.onFile?.(closingFile);
    closing = closed;
    closingFile = { path: file, kind: 'street', force: job.force.slug, month, rows: job.rows };
    files.push(closingFile);
  }
  await closing;
  if (closingFile) options.onFile?.(closingFile);
  return { files, rows: total };
}
