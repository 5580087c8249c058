import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAllianceDataset, type GeneratedDataset } from './alliance.js';
import { loadAreaTable } from './area-table.js';
import { CRIME_TYPES, realCategoryShares, type AllianceForce } from './category-mix.js';
import { OUT_OF_AREA_CODES } from './out-of-area.js';
import { HEADERS, OUTCOMES_HEADER, STOP_AND_SEARCH_HEADER, STREET_HEADER } from './police-uk-format.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'stra-demo-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Equal bytes (vitest's deep equality is far too slow on megabytes). */
async function sameBytes(a: string, b: string): Promise<boolean> {
  return (await readFile(a)).equals(await readFile(b));
}

/** Rows of a generated file as arrays of fields (the files need no quoting; checked below). */
async function rowsOf(file: string): Promise<string[][]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .slice(1, -1)
    .map((l) => l.split(','));
}

function fileOf(data: GeneratedDataset, kind: string, force: string, month: string): string {
  const f = data.files.find((x) => x.kind === kind && x.force === force && x.month === month);
  if (!f) throw new Error(`no ${kind} file for ${force} ${month}`);
  return f.path;
}

describe('generateAllianceDataset, a few months of every kind', () => {
  let dir = '';
  let data: GeneratedDataset;
  beforeAll(async () => {
    dir = await tempDir();
    data = await generateAllianceDataset({ outDir: dir, seed: 2024, from: '2017-11', to: '2018-04' });
  });

  it('writes the real archive layout for both forces and all three kinds', async () => {
    expect(data.files).toHaveLength(2 * 6 * 3);
    expect((await readdir(path.join(dir, '2018-03'))).sort()).toEqual([
      '2018-03-warwickshire-outcomes.csv',
      '2018-03-warwickshire-stop-and-search.csv',
      '2018-03-warwickshire-street.csv',
      '2018-03-west-mercia-outcomes.csv',
      '2018-03-west-mercia-stop-and-search.csv',
      '2018-03-west-mercia-street.csv',
    ]);
    expect(data.rows).toBe(data.files.reduce((a, f) => a + f.rows, 0));
  });

  it('gives the same bytes for the same seed and other bytes for another seed', async () => {
    const again = await generateAllianceDataset({
      outDir: await tempDir(),
      seed: 2024,
      from: '2017-11',
      to: '2018-04',
    });
    for (const [i, f] of data.files.entries())
      expect(await sameBytes(again.files[i]?.path ?? '', f.path), f.path).toBe(true);
    const other = await generateAllianceDataset({
      outDir: await tempDir(),
      seed: 2025,
      from: '2018-04',
      to: '2018-04',
      kinds: ['street'],
    });
    expect(await readFile(other.files[0]?.path ?? '', 'utf8')).not.toBe(
      await readFile(fileOf(data, 'street', 'warwickshire', '2018-04'), 'utf8'),
    );
  });

  it('writes a street file that does not depend on the other kinds asked for', async () => {
    const streetOnly = await generateAllianceDataset({
      outDir: await tempDir(),
      seed: 2024,
      from: '2017-11',
      to: '2018-04',
      kinds: ['street'],
    });
    const file = streetOnly.files.find((f) => f.force === 'west-mercia' && f.month === '2018-02');
    expect(await sameBytes(file?.path ?? '', fileOf(data, 'street', 'west-mercia', '2018-02'))).toBe(true);
  });

  it('writes the exact headers, LF endings, no BOM, and the header column count on every row', async () => {
    for (const f of data.files) {
      const bytes = await readFile(f.path);
      expect(bytes[0]).not.toBe(0xef);
      const text = bytes.toString('utf8');
      expect(text.includes('\r')).toBe(false);
      expect(text.endsWith('\n')).toBe(true);
      expect(text.slice(0, text.indexOf('\n'))).toBe(HEADERS[f.kind]);
      const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
      const width = HEADERS[f.kind].split(',').length;
      expect(records.filter((r) => r.length !== width)).toEqual([]);
      expect(records.length - 1).toBe(f.rows);
      // Nothing the generator writes needs quoting, so a plain split is exact (used below).
      expect(text.includes('"')).toBe(false);
    }
  });

  it('leaves Crime ID and last outcome empty for ASB only, and writes 64-hex IDs otherwise', async () => {
    const rows = await rowsOf(fileOf(data, 'street', 'west-mercia', '2018-01'));
    const bad = rows.filter((r) => {
      const asb = r[9] === 'Anti-social behaviour';
      const idOk = asb ? r[0] === '' && r[10] === '' : /^[0-9a-f]{64}$/.test(r[0] ?? '') && r[10] !== '';
      return !(
        idOk &&
        /^On or near /.test(r[6] ?? '') &&
        /^-?\d+\.\d{6}$/.test(r[4] ?? '') &&
        /^5[0-4]\.\d{6}$/.test(r[5] ?? '') &&
        r[1] === '2018-01' &&
        r[2] === 'West Mercia Police' &&
        r[3] === 'West Mercia Police' &&
        r[11] === ''
      );
    });
    expect(bad).toEqual([]);
    expect(rows.some((r) => r[9] === 'Anti-social behaviour')).toBe(true);
  });

  it('orders street rows by LSOA name with ASB first in each LSOA, as police.uk does', async () => {
    const rows = await rowsOf(fileOf(data, 'street', 'warwickshire', '2018-03'));
    const outOfOrder = rows.filter((b, i) => {
      const a = rows[i - 1];
      if (!a) return false;
      return (
        (a[8] ?? '') > (b[8] ?? '') ||
        (a[8] === b[8] && b[9] === 'Anti-social behaviour' && a[9] !== 'Anti-social behaviour')
      );
    });
    expect(outOfOrder).toEqual([]);
  });

  it('writes monthly volumes like the real files (West Mercia ~10,000, Warwickshire ~4,300)', () => {
    const street = (force: string) =>
      data.files.filter((f) => f.kind === 'street' && f.force === force).map((f) => f.rows);
    for (const n of street('west-mercia')) (expect(n).toBeGreaterThan(7_500), expect(n).toBeLessThan(12_500));
    for (const n of street('warwickshire')) (expect(n).toBeGreaterThan(3_200), expect(n).toBeLessThan(5_400));
  });

  it('files outcome events in the month of the outcome, joining to earlier or same-month crimes', async () => {
    const crimeMonth = new Map<string, string>();
    const lastOutcome = new Map<string, string>();
    for (const f of data.files.filter((x) => x.kind === 'street' && x.force === 'west-mercia')) {
      for (const r of await rowsOf(f.path))
        if (r[0]) (crimeMonth.set(r[0], f.month), lastOutcome.set(r[0], r[10] ?? ''));
    }
    const latestEvent = new Map<string, string>();
    const bad: string[] = [];
    let events = 0;
    for (const f of data.files
      .filter((x) => x.kind === 'outcomes' && x.force === 'west-mercia')
      .sort((a, b) => (a.month < b.month ? -1 : 1))) {
      for (const r of await rowsOf(f.path)) {
        events++;
        const month = crimeMonth.get(r[0] ?? '');
        if (r[1] !== f.month || month === undefined || month > f.month) bad.push(r.join(','));
        latestEvent.set(r[0] ?? '', r[9] ?? '');
      }
    }
    expect(bad).toEqual([]);
    expect(events).toBeGreaterThan(10_000);
    expect([...latestEvent].filter(([id, label]) => lastOutcome.get(id) !== label)).toEqual([]);
  });

  it('shows recent crimes as under investigation more often than older ones', async () => {
    const share = async (month: string) => {
      const rows = (await rowsOf(fileOf(data, 'street', 'west-mercia', month))).filter((r) => r[0]);
      return rows.filter((r) => r[10] === 'Under investigation').length / rows.length;
    };
    expect(await share('2018-04')).toBeGreaterThan((await share('2017-11')) + 0.2);
  });

  it('writes stop-and-search rows with UTC dates, latitude before longitude and some empty coordinates', async () => {
    let empty = 0;
    let total = 0;
    for (const f of data.files.filter((x) => x.kind === 'stop-and-search')) {
      const rows = await rowsOf(f.path);
      const expected = f.force === 'west-mercia' ? 250 : 150;
      expect(rows.length).toBeGreaterThan(expected * 0.6);
      expect(rows.length).toBeLessThan(expected * 1.5);
      const bad = rows.filter((r) => {
        total++;
        if (r[4] === '') empty++;
        const where =
          r[4] === ''
            ? r[5] === ''
            : Number(r[4]) > 51 && Number(r[4]) < 54 && Number(r[5]) < 0 && /^-\d\.\d{6}$/.test(r[5] ?? '');
        return !(where && /^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+00:00$/.test(r[1] ?? ''));
      });
      expect(bad).toEqual([]);
      const dates = rows.map((r) => r[1] ?? '');
      expect([...dates].sort()).toEqual(dates);
    }
    expect(empty / total).toBeGreaterThan(0.05);
    expect(empty / total).toBeLessThan(0.3);
  });

  it('dates some April searches on the evening of 31 March in UTC (BST), like the real April files', async () => {
    const rows = await rowsOf(fileOf(data, 'stop-and-search', 'west-mercia', '2018-04'));
    const dates = rows.map((r) => r[1] ?? '');
    expect(dates.every((d) => d >= '2018-03-31T23:00' && d < '2018-04-30T23:00')).toBe(true);
    const march = await rowsOf(fileOf(data, 'stop-and-search', 'west-mercia', '2018-03'));
    expect(march.every((r) => (r[1] ?? '').startsWith('2018-03'))).toBe(true);
  });

  it('uses the older stop-and-search outcome wording before 2018-04', async () => {
    const before = new Set((await rowsOf(fileOf(data, 'stop-and-search', 'west-mercia', '2018-03'))).map((r) => r[12]));
    const after = new Set((await rowsOf(fileOf(data, 'stop-and-search', 'west-mercia', '2018-04'))).map((r) => r[12]));
    expect(before.has('Nothing found - no further action')).toBe(true);
    expect(after.has('A no further action disposal')).toBe(true);
    expect(after.has('Nothing found - no further action')).toBe(false);
  });
});

describe('generateAllianceDataset over 36 months (street)', () => {
  let data: GeneratedDataset;
  const counts = new Map<AllianceForce, Map<string, number>>();
  const asbByMonth = new Map<string, number>();
  const lsoas = new Map<AllianceForce, Map<string, number>>();
  let total = 0;

  beforeAll(async () => {
    data = await generateAllianceDataset({
      outDir: await tempDir(),
      seed: 99,
      from: '2015-04',
      to: '2018-03',
      kinds: ['street'],
    });
    for (const f of data.files) {
      const force = f.force as AllianceForce;
      const c = counts.get(force) ?? new Map<string, number>();
      const l = lsoas.get(force) ?? new Map<string, number>();
      for (const r of await rowsOf(f.path)) {
        total++;
        c.set(r[9] ?? '', (c.get(r[9] ?? '') ?? 0) + 1);
        l.set(r[7] ?? '', (l.get(r[7] ?? '') ?? 0) + 1);
        if (r[9] === 'Anti-social behaviour') asbByMonth.set(f.month, (asbByMonth.get(f.month) ?? 0) + 1);
      }
      counts.set(force, c);
      lsoas.set(force, l);
    }
  });

  it('keeps the category mix of the real 2018-03 files', () => {
    for (const force of ['west-mercia', 'warwickshire'] as const) {
      const c = counts.get(force) ?? new Map<string, number>();
      const n = [...c.values()].reduce((a, b) => a + b, 0);
      expect([...c.keys()].sort()).toEqual([...CRIME_TYPES]);
      const real = realCategoryShares(force);
      for (const category of CRIME_TYPES) {
        const share = (c.get(category) ?? 0) / n;
        // Within 15% of the real share (or 0.3 points for the small categories): the 36 months
        // average out the season the real March was measured in, and the trend.
        expect(Math.abs(share - real[category]), `${force} ${category}`).toBeLessThan(
          Math.max(0.15 * real[category], 0.003),
        );
      }
    }
  });

  it('puts more ASB in July than in February', () => {
    const mean = (mm: string) => {
      const xs = [...asbByMonth].filter(([m]) => m.endsWith(`-${mm}`)).map(([, n]) => n);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('07')).toBeGreaterThan(mean('02') * 1.3);
  });

  it('uses only LSOAs of the area table, or the deliberate out-of-area LSOAs at about the real rate', async () => {
    const area = await loadAreaTable();
    for (const force of ['west-mercia', 'warwickshire'] as const) {
      const own = new Set(area.filter((a) => a.force === force).map((a) => a.lsoaCode));
      let outside = 0;
      let n = 0;
      const unknown: string[] = [];
      for (const [code, count] of lsoas.get(force) ?? []) {
        n += count;
        if (own.has(code)) continue;
        if (!OUT_OF_AREA_CODES.has(code)) unknown.push(code);
        outside += count;
      }
      expect(unknown).toEqual([]);
      const rate = outside / n;
      expect(rate).toBeGreaterThan(force === 'west-mercia' ? 0.0015 : 0.003);
      expect(rate).toBeLessThan(force === 'west-mercia' ? 0.005 : 0.01);
    }
    expect(total).toBe(data.rows);
  });

  it('skews volume to a few LSOAs, as town centres are in the real data', () => {
    const perLsoa = [...(lsoas.get('west-mercia') ?? new Map<string, number>()).values()].sort((a, b) => b - a);
    const all = perLsoa.reduce((a, b) => a + b, 0);
    const top1pc = perLsoa.slice(0, Math.ceil(perLsoa.length / 100)).reduce((a, b) => a + b, 0) / all;
    expect(top1pc).toBeGreaterThan(0.07);
    expect(top1pc).toBeLessThan(0.25);
  });
});

describe('plantStep', () => {
  it('multiplies one district x category from the given month on and leaves earlier months untouched', async () => {
    const base = {
      seed: 5,
      from: '2018-01',
      to: '2018-06',
      kinds: ['street'] as const,
      forces: ['west-mercia'] as const,
    };
    const plain = await generateAllianceDataset({ ...base, outDir: await tempDir() });
    const planted = await generateAllianceDataset({
      ...base,
      outDir: await tempDir(),
      plantStep: {
        force: 'west-mercia',
        district: 'Worcester',
        category: 'shoplifting',
        fromMonth: '2018-04',
        factor: 3,
      },
    });
    const count = async (d: GeneratedDataset, month: string) =>
      (await rowsOf(fileOf(d, 'street', 'west-mercia', month))).filter(
        (r) => r[8]?.startsWith('Worcester ') && r[9] === 'Shoplifting',
      ).length;
    for (const month of ['2018-01', '2018-02', '2018-03']) {
      expect(
        await sameBytes(fileOf(planted, 'street', 'west-mercia', month), fileOf(plain, 'street', 'west-mercia', month)),
      ).toBe(true);
    }
    let before = 0;
    let after = 0;
    for (const month of ['2018-04', '2018-05', '2018-06']) {
      before += await count(plain, month);
      after += await count(planted, month);
    }
    expect(before).toBeGreaterThan(50);
    expect(after / before).toBeGreaterThan(2.4);
    expect(after / before).toBeLessThan(3.6);
  });

  it('refuses an unknown category', async () => {
    await expect(
      generateAllianceDataset({
        outDir: await tempDir(),
        seed: 1,
        from: '2018-01',
        to: '2018-01',
        plantStep: { force: 'west-mercia', district: 'Worcester', category: 'arson', fromMonth: '2018-01', factor: 2 },
      }),
    ).rejects.toThrow(/unknown category/);
  });
});

describe('headers', () => {
  it('are the police.uk headers (12, 10 and 15 columns)', () => {
    expect(STREET_HEADER.split(',')).toHaveLength(12);
    expect(OUTCOMES_HEADER.split(',')).toHaveLength(10);
    expect(STOP_AND_SEARCH_HEADER.split(',')).toHaveLength(15);
  });
});
