import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedDataset } from './dataset.js';
import { apportion, generateNationalDataset } from './national.js';
import { NATIONAL_FORCE_SIZES } from './national-forces.js';
import { STREET_HEADER } from './police-uk-format.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stra-national-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('apportion', () => {
  it('splits a total exactly, in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1_000_003, [3, 2, 5]).reduce((a, b) => a + b, 0)).toBe(1_000_003);
  });
});

describe('generateNationalDataset', () => {
  let data: GeneratedDataset;
  beforeAll(async () => {
    data = await generateNationalDataset({
      outDir: await tempDir(),
      seed: 3,
      rows: 60_000,
      from: '2018-11',
      months: 2,
    });
  });

  it('writes one street file per force and month, 43 forces, with exactly the rows asked for', () => {
    expect(Object.keys(NATIONAL_FORCE_SIZES)).toHaveLength(43);
    expect(data.files).toHaveLength(43 * 2);
    expect(data.rows).toBe(60_000);
    expect(data.files.reduce((a, f) => a + f.rows, 0)).toBe(60_000);
    expect(data.files.map((f) => path.relative(path.dirname(path.dirname(f.path)), f.path))).toContain(
      path.join('2018-12', '2018-12-metropolitan-street.csv'),
    );
  });

  it('sizes forces roughly like the real ones', () => {
    const rows = (force: string) => data.files.filter((f) => f.force === force).reduce((a, f) => a + f.rows, 0);
    expect(rows('metropolitan')).toBeGreaterThan(5 * rows('west-mercia'));
    expect(rows('west-mercia')).toBeGreaterThan(rows('warwickshire'));
  });

  it('writes the police.uk street format: header, 12 columns, 64-hex IDs except ASB, LF endings', async () => {
    for (const f of data.files.filter((x) => x.force === 'kent' || x.force === 'south-wales')) {
      const text = await readFile(f.path, 'utf8');
      expect(text.includes('\r')).toBe(false);
      const lines = text.split('\n');
      expect(lines[0]).toBe(STREET_HEADER);
      expect(lines.at(-1)).toBe('');
      const rows = lines.slice(1, -1).map((l) => l.split(','));
      expect(rows).toHaveLength(f.rows);
      const bad = rows.filter((r) => {
        const asb = r[9] === 'Anti-social behaviour';
        return !(
          r.length === 12 &&
          (asb ? r[0] === '' && r[10] === '' : /^[0-9a-f]{64}$/.test(r[0] ?? '') && (r[10] ?? '') !== '') &&
          r[1] === f.month &&
          /^[EW]01\d{6}$/.test(r[7] ?? '') &&
          /^.+ \d{3}[A-E]$/.test(r[8] ?? '') &&
          /^On or near /.test(r[6] ?? '')
        );
      });
      expect(bad).toEqual([]);
      expect(rows.every((r) => (f.force === 'south-wales' ? r[7]?.startsWith('W01') : r[7]?.startsWith('E01')))).toBe(
        true,
      );
      const unordered = rows.filter((b, i) => {
        const a = rows[i - 1];
        return (
          a !== undefined &&
          ((a[8] ?? '') > (b[8] ?? '') ||
            (a[8] === b[8] && b[9] === 'Anti-social behaviour' && a[9] !== 'Anti-social behaviour'))
        );
      });
      expect(unordered).toEqual([]);
    }
  });

  it('gives the same bytes for the same seed', async () => {
    const again = await generateNationalDataset({
      outDir: await tempDir(),
      seed: 3,
      rows: 60_000,
      from: '2018-11',
      months: 2,
    });
    for (const [i, f] of data.files.entries()) {
      expect((await readFile(f.path)).equals(await readFile(again.files[i]?.path ?? '')), f.path).toBe(true);
    }
  });
});
