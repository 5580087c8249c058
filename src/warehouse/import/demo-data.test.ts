/**
 * The synthetic alliance dataset round-trips through the warehouse: every generated row of every
 * kind lands, the derived counts agree with the rows, and a planted change shows in the figures.
 */
import { describe, expect, it } from 'vitest';
import { generateAllianceDataset } from '../../demo/alliance.js';
import { importInto, tempDir, tempWorkspace, withReader } from '../../../test/temp-workspace.js';
import { crimeStats } from '../stats.js';
import type { Month } from '../../domain/crime/month.js';

describe('the demo dataset in the warehouse', () => {
  it('lands every generated row of street, outcomes and stop-and-search files', async () => {
    const dir = await tempDir();
    const generated = await generateAllianceDataset({ outDir: dir, seed: 7, from: '2017-10', to: '2018-03' });
    const ws = await tempWorkspace();
    const summary = await importInto(ws, [dir]);
    expect(summary.rejected).toBe(0);
    expect(summary.imported).toBe(generated.rows);
    for (const f of generated.files) {
      expect(summary.by_file.find((b) => b.file.endsWith(f.path.slice(dir.length)))?.rows, f.path).toBe(f.rows);
    }
    const tables = await withReader(ws, (wh) =>
      wh.sql.all<{ t: string; n: number }>(
        `SELECT 'outcomes' AS t, count(*)::INTEGER AS n FROM outcomes UNION ALL SELECT 'stop_and_search', count(*)::INTEGER FROM stop_and_search ORDER BY t`,
      ),
    );
    const expected = (kind: string) => generated.files.filter((f) => f.kind === kind).reduce((a, f) => a + f.rows, 0);
    expect(tables).toEqual([
      { t: 'outcomes', n: expected('outcomes') },
      { t: 'stop_and_search', n: expected('stop-and-search') },
    ]);
  });

  it('answers volumes by force, month and category from the derived counts exactly as from the rows', async () => {
    const dir = await tempDir();
    await generateAllianceDataset({ outDir: dir, seed: 11, from: '2017-01', to: '2017-12', kinds: ['street'] });
    const ws = await tempWorkspace();
    await importInto(ws, [dir]);
    const fromCounts = await withReader(ws, (wh) => crimeStats(wh, { by: ['force', 'month', 'category'] }));
    const fromRows = await withReader(ws, (wh) =>
      wh.sql.all(
        `SELECT force, strftime(month, '%Y-%m') AS month, category, count(*)::BIGINT AS count FROM street GROUP BY ALL ORDER BY ALL`,
      ),
    );
    expect(fromCounts.rows).toEqual(fromRows);
    expect(fromCounts.rows.length).toBeGreaterThan(2 * 12 * 13);
  });

  it('shows a planted rise in one district and category', async () => {
    const dir = await tempDir();
    await generateAllianceDataset({
      outDir: dir,
      seed: 3,
      from: '2017-01',
      to: '2017-12',
      kinds: ['street'],
      plantStep: { force: 'warwickshire', district: 'Rugby', category: 'shoplifting', fromMonth: '2017-07', factor: 2 },
    });
    const ws = await tempWorkspace();
    await importInto(ws, [dir]);
    const half = async (from: string, to: string) =>
      (
        await withReader(ws, (wh) =>
          crimeStats(wh, {
            by: ['district'],
            from: from as Month,
            to: to as Month,
            categories: ['shoplifting'],
            forces: ['warwickshire'],
          }),
        )
      ).rows.find((r) => r.district === 'Rugby')!.count as number;
    const before = await half('2017-01', '2017-06');
    const after = await half('2017-07', '2017-12');
    expect(after / before).toBeGreaterThan(1.6);
    expect(after / before).toBeLessThan(2.5);
  });
});
