/**
 * Rebuild the harm-weight and offence-code reference files shipped in `data/` from the published
 * figures kept in `../shared/data/` (override with env STRA_SHARED_DATA):
 *
 *   data/reference/ho-offence-codes.csv     Home Office offence codes -> group, subgroup, police.uk category
 *   data/reference/policeuk-categories.csv  police.uk street categories, labels, status and validity months
 *   data/harm/ons-css-weights.csv           ONS Crime Severity Score weight per offence code
 *   data/harm/category-weights.csv          derived per-category weights (CSS and CCHI) with derivations
 *
 * Usage:  npx tsx scripts/build-reference-data.ts           (write the files)
 *         npx tsx scripts/build-reference-data.ts --check   (exit 1 if the shipped files differ)
 *
 * Every derived number is recomputed here from the inputs and then checked against the
 * derived values printed in ../shared/data/harm/policeuk_categories.csv (to their printed
 * precision); the script stops if any disagrees. See data/harm/README.md and
 * data/reference/README.md for sources and derivations.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/data-files.js';
import { defaultSharedDataDir } from './shared-data-dir.js';
import { readCsv, readPrcCodes } from './reference-data/csv.js';
import { buildOffenceCodes } from './reference-data/offence-codes.js';
import { buildOnsCss } from './reference-data/ons-css.js';
import { buildCategoryFiles } from './reference-data/category-weights.js';

export { parsePrcCount } from './reference-data/csv.js';
export { ONS_CSS_EDITION } from './reference-data/transcribed.js';

// ---------------------------------------------------------------------------------------------
// Paths

/** Output files, relative to the repository root. */
export const OUTPUT_FILES = {
  offenceCodes: 'data/reference/ho-offence-codes.csv',
  categories: 'data/reference/policeuk-categories.csv',
  onsCss: 'data/harm/ons-css-weights.csv',
  categoryWeights: 'data/harm/category-weights.csv',
} as const;

// ---------------------------------------------------------------------------------------------
// Build

export interface BuiltFile {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

export function buildReferenceData(sharedDir: string = defaultSharedDataDir()): BuiltFile[] {
  const harmDir = path.join(sharedDir, 'harm');
  const prcDir = path.join(sharedDir, 'prc');
  const hoFile = path.join(harmDir, 'ho_offence_codes.csv');
  const cssFile = path.join(harmDir, 'ons_css.csv');
  const subFile = path.join(harmDir, 'prc_subgroup_harm.csv');
  const catFile = path.join(harmDir, 'policeuk_categories.csv');
  const prc1718 = path.join(prcDir, 'prc_pfa_2017_18.csv');
  const prc1920 = path.join(prcDir, 'prc_pfa_2019_20.csv');
  for (const f of [hoFile, cssFile, subFile, catFile, prc1718, prc1920]) {
    if (!existsSync(f)) throw new Error(`Input not found: ${f} (set STRA_SHARED_DATA to the shared data folder)`);
  }

  const hoRows = readCsv(hoFile);
  const cssRows = readCsv(cssFile);
  const subRows = readCsv(subFile);
  const catRows = readCsv(catFile);
  const codes1718 = readPrcCodes(prc1718);
  const codes1920 = readPrcCodes(prc1920);

  const offence = buildOffenceCodes(hoRows, hoFile, codes1718, codes1920);
  const ons = buildOnsCss(cssRows, cssFile, offence.codes, offence.codeIndex);
  const cats = buildCategoryFiles({
    subRows,
    subFile,
    catRows,
    catFile,
    codes: offence.codes,
    codeIndex: offence.codeIndex,
    cssWeight: ons.cssWeight,
  });
  return [
    { path: OUTPUT_FILES.offenceCodes, content: offence.csv },
    { path: OUTPUT_FILES.categories, content: cats.categoriesCsv },
    { path: OUTPUT_FILES.onsCss, content: ons.csv },
    { path: OUTPUT_FILES.categoryWeights, content: cats.categoryWeightsCsv },
  ];
}

// ---------------------------------------------------------------------------------------------
// CLI

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const sharedDir = defaultSharedDataDir();
  const root = packageRoot();
  const files = buildReferenceData(sharedDir);
  let differ = 0;
  for (const f of files) {
    const target = path.join(root, f.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (check) {
      if (current !== f.content) {
        differ++;
        console.error(`differs: ${f.path}`);
      }
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    console.log(
      `${current === f.content ? 'unchanged' : 'wrote'} ${f.path} (${f.content.split('\n').length - 2} rows)`,
    );
  }
  if (check) {
    console.log(
      differ === 0
        ? `All ${files.length} reference files match ${sharedDir}`
        : `${differ} file(s) differ; run without --check to rebuild`,
    );
  }
  return differ === 0 ? 0 : 1;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  }
}
