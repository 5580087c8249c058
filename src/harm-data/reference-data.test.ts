/**
 * The reference files shipped in data/ must be exactly what scripts/build-reference-data.ts
 * produces from ../shared/data (skipped, with a message, when that folder is absent).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedDataDir } from '../../test/shared-data.js';
import { buildReferenceData, OUTPUT_FILES, parsePrcCount, type BuiltFile } from '../../scripts/build-reference-data.js';

describeWithSharedData('shipped reference data = scripts/build-reference-data.ts output', () => {
  // Built lazily: describe.skip still runs this body to collect the tests.
  let cache: BuiltFile[] | undefined;
  const built = (): BuiltFile[] => (cache ??= buildReferenceData(sharedDataDir));

  it('builds the four files', () => {
    expect(
      built()
        .map((f) => f.path)
        .sort(),
    ).toEqual(Object.values(OUTPUT_FILES).sort());
  });

  it.each(Object.values(OUTPUT_FILES))(
    '%s is up to date (else run: npx tsx scripts/build-reference-data.ts)',
    (rel) => {
      const file = built().find((f) => f.path === rel);
      expect(file).toBeDefined();
      expect(readFileSync(path.join(repoRoot, rel), 'utf8')).toBe(file?.content);
    },
  );
});

it('parses PRC counts as the prc README describes', () => {
  expect(parsePrcCount(' 66776 ')).toBe(66776);
  expect(parsePrcCount('-00')).toBe(0);
  expect(parsePrcCount(' -00 ')).toBe(0);
  expect(parsePrcCount('-1 ')).toBe(-1);
  expect(parsePrcCount('84746.0')).toBe(84746);
  expect(() => parsePrcCount(' ')).toThrow();
});
