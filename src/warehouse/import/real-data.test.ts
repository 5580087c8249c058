/**
 * Importing the real police.uk files in ../shared/data: every row lands, counts match the files
 * (and the figures their README publishes), and importing again changes nothing.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { importInto, tempWorkspace, withReader } from '../../../test/temp-workspace.js';
import { crimeStats } from '../stats.js';
import { readCatalog } from '../catalog.js';

/** Data rows of a CSV without embedded newlines: lines after the header. */
async function dataRows(file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').length - 1;
}

describeWithSharedData('import of real police.uk files', () => {
  it('lands every row of every file, with no rejects, and counts match the files', async () => {
    const ws = await tempWorkspace();
    const summary = await importInto(ws, [sharedData('police-uk')]);
    expect(summary.rejected).toBe(0);
    expect(summary.by_file.filter((f) => f.status === 'refused')).toEqual([]);
    expect(summary.skipped_files).toEqual([
      { file: path.join(sharedData('police-uk'), 'README.md'), reason: 'not a CSV or zip file' },
    ]);
    let total = 0;
    for (const month of ['2018-03', '2018-04']) {
      for (const name of await readdir(sharedData('police-uk', month))) {
        const file = sharedData('police-uk', month, name);
        const result = summary.by_file.find((f) => f.file === file)!;
        const rows = await dataRows(file);
        // every data row accounted for: imported, or skipped as a repeated Crime ID of its month
        expect(result.rows + (result.duplicates ?? 0), name).toBe(rows);
        expect(result.status).toBe('imported');
        total += rows;
      }
    }
    // The README: 197,555 street rows in 18 files and 8,483 stop-and-search rows in 20 files,
    // of which 684 street rows repeat a Crime ID of their force's month (one crime each).
    expect(total).toBe(197_555 + 8_483);
    const duplicates = summary.by_file.reduce((a, f) => a + (f.duplicates ?? 0), 0);
    expect(duplicates).toBe(329 + 355);
    expect(summary.imported).toBe(total - duplicates);
  });

  it('gives the README figures by force and month, all 14 categories, and the alliance districts', async () => {
    const ws = await tempWorkspace();
    await importInto(ws, [sharedData('police-uk')]);
    const byForceMonth = await withReader(ws, (wh) =>
      crimeStats(wh, { by: ['force', 'month'], forces: ['west-mercia', 'warwickshire'] }),
    );
    expect(byForceMonth.rows).toEqual([
      { force: 'warwickshire', month: '2018-03', count: 4225 },
      { force: 'warwickshire', month: '2018-04', count: 4363 },
      { force: 'west-mercia', month: '2018-03', count: 9748 },
      { force: 'west-mercia', month: '2018-04', count: 10542 },
    ]);
    const categories = await withReader(ws, (wh) => crimeStats(wh, { by: ['category'] }));
    expect(categories.rows).toHaveLength(14);
    expect(categories.total).toBe(197_555 - 329 - 355); // less the repeated Crime IDs
    // The README: West Mercia 2018-03 has 3,420 ASB rows out of 9,748.
    const asb = await withReader(ws, (wh) =>
      crimeStats(wh, {
        by: ['category'],
        forces: ['west-mercia'],
        from: '2018-03' as never,
        to: '2018-03' as never,
        categories: ['anti-social-behaviour'],
      }),
    );
    expect(asb.total).toBe(3420);
    const districts = await withReader(ws, (wh) =>
      crimeStats(wh, { by: ['csp', 'district'], forces: ['warwickshire'] }),
    );
    const inArea = districts.rows.filter((r) =>
      ['North Warwickshire', 'Nuneaton and Bedworth', 'Rugby', 'South Warwickshire'].includes(String(r.csp)),
    );
    expect(inArea.map((r) => r.district).sort()).toEqual([
      'North Warwickshire',
      'Nuneaton and Bedworth',
      'Rugby',
      'Stratford-on-Avon',
      'Warwick',
    ]);
    // Out-of-area snaps (about 25 a month for Warwickshire) are kept and labelled, not dropped.
    const outside = districts.rows.filter((r) => !inArea.includes(r)).reduce((a, r) => a + Number(r.count), 0);
    expect(outside).toBeGreaterThan(20);
    expect(outside).toBeLessThan(200);
  });

  it('imports nothing the second time and leaves the catalog as it was', async () => {
    const ws = await tempWorkspace();
    await importInto(ws, [sharedData('police-uk', '2018-03')]);
    const before = await readCatalog(ws.catalog);
    const again = await importInto(ws, [sharedData('police-uk', '2018-03')]);
    expect(again.imported).toBe(0);
    expect(new Set(again.by_file.map((f) => f.status))).toEqual(new Set(['unchanged']));
    const after = await readCatalog(ws.catalog);
    expect(after.partitions).toEqual(before.partitions);
    const stats = await withReader(ws, (wh) => crimeStats(wh, { by: [] }));
    // The nine 2018-03 street files of the README: 14,117 + 7,514 + 16,014 + 16,644 + 7,953 +
    // 6,370 + 15,216 + 4,225 + 9,748 rows, less 329 rows that repeat a Crime ID of their force's
    // month (304 Avon and Somerset, 18 Derbyshire, 7 Northamptonshire): one crime each.
    expect(stats.total).toBe(97_801 - 329);
  });

  it('reads the CRLF copies exactly as the LF copies', async () => {
    const lf = await tempWorkspace();
    const crlf = await tempWorkspace();
    const names = ['2018-03-warwickshire-street.csv', '2018-03-west-mercia-street.csv'];
    await importInto(
      lf,
      names.map((n) => sharedData('police-uk', '2018-03', n)),
    );
    await importInto(
      crlf,
      names.map((n) => sharedData('police-uk-crlf', '2018-03', n)),
    );
    const q = { by: ['force', 'district', 'category'] as const };
    const a = await withReader(lf, (wh) => crimeStats(wh, { by: [...q.by] }));
    const b = await withReader(crlf, (wh) => crimeStats(wh, { by: [...q.by] }));
    expect(b.rows).toEqual(a.rows);
    expect(a.total).toBe(4225 + 9748);
    const sample = await withReader(crlf, (wh) =>
      wh.sql.all<{ context: string | null; last_outcome: string }>(
        `SELECT context, last_outcome FROM street WHERE category <> 'anti-social-behaviour' LIMIT 1`,
      ),
    );
    expect(sample[0]!.context).toBeNull(); // no stray carriage return in the last column
    expect(sample[0]!.last_outcome.endsWith('\r')).toBe(false);
  });

  it('keeps quoted commas in Location intact (Leicestershire)', async () => {
    const ws = await tempWorkspace();
    await importInto(ws, [sharedData('police-uk', '2018-03', '2018-03-leicestershire-street.csv')]);
    const rows = await withReader(ws, (wh) =>
      wh.sql.all<{ location: string; category: string }>(
        `SELECT location, category FROM street WHERE location LIKE '%Great Central Railway, Quorn%'`,
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.category !== null)).toBe(true);
  });
});
