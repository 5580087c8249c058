/**
 * The devices, imports, identifiers and events of an investigation carry no marking of their own:
 * they are safe only because every read joins them to the investigations the reader may see
 * (reads.ts) and only writes.ts inserts them; detail.ts (one investigation's page, its refused
 * imports) reads them only for an investigation it has read as visible first, and splits what
 * other investigations hold into visible ones and hidden ones told only as whom to contact. This
 * scan fails if any other module of src names one of those tables, the same way
 * core/marked-reads.test.ts guards the marked tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD = /\blink_(devices|imports|identifiers|events|refused_imports)\b/;
const ALLOWED = [
  'store/links/reads.ts',
  'store/links/writes.ts',
  'store/links/detail.ts',
  'store/links/tables.ts',
  'store/migrations/013-links.ts',
  'store/migrations/022-link-refused-imports.ts',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : files(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

it("only store/links/reads.ts, writes.ts and detail.ts touch an investigation's devices, imports, identifiers and events", () => {
  const touching = files(SRC)
    .filter((f) => CHILD.test(readFileSync(f, 'utf8')))
    .map((f) => relative(SRC, f).split('\\').join('/'))
    .sort();
  expect(touching).toEqual([...ALLOWED].sort());
});
