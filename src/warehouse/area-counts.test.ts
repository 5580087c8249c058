/**
 * The derived area counts give the same answers as counting the rows through the area table,
 * and a newly loaded area table is applied to them (or, until rebuilt, not used at all).
 */
import { describe, expect, it } from 'vitest';
import {
  importInto,
  streetRow,
  STREET_HEADER_LINE,
  tempDir,
  tempWorkspace,
  withReader,
  writeInput,
} from '../../test/temp-workspace.js';
import { crimeStats } from './stats.js';
import { loadAreaTable } from './areas.js';
import { rebuildAreaCounts } from './rebuild-area-counts.js';
import { generateAllianceDataset } from '../demo/alliance.js';

describe('derived area counts', () => {
  it('match counting the rows through the area table', async () => {
    const dir = await tempDir();
    await generateAllianceDataset({ outDir: dir, seed: 5, from: '2017-01', to: '2017-06', kinds: ['street'] });
    const ws = await tempWorkspace();
    await importInto(ws, [dir]);
    for (const by of [
      ['csp', 'category'],
      ['district', 'month'],
      ['force', 'lsoa'],
    ] as const) {
      const derived = await withReader(ws, async (wh) => {
        expect(wh.areaCountsFresh).toBe(true);
        return crimeStats(wh, { by: [...by] });
      });
      const rows = await withReader(ws, async (wh) => crimeStats({ ...wh, areaCountsFresh: false }, { by: [...by] }));
      expect(derived.rows).toEqual(rows.rows);
    }
  });

  it('are rebuilt for a new area table, and not used while stale', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    await importInto(ws, [
      await writeInput(
        dir,
        '2018-03-leicestershire-street.csv',
        [STREET_HEADER_LINE, streetRow({ lsoa: 'E01025734', lsoaName: 'Charnwood 012C' })]
          .join('\n')
          .replaceAll('Warwickshire Police', 'Leicestershire Police'),
      ),
    ]);
    const before = await withReader(ws, (wh) => crimeStats(wh, { by: ['csp'] }));
    expect(before.rows).toEqual([{ csp: 'Charnwood', count: 1 }]); // the shipped national table's ONS name
    await loadAreaTable(
      await writeInput(
        dir,
        'leics.csv',
        'force,csp,district,lsoa_code\nleicestershire,Charnwood CSP,Charnwood,E01025734\n',
      ),
      ws.areas,
    );
    const stale = await withReader(ws, async (wh) => {
      expect(wh.areaCountsFresh).toBe(false);
      return crimeStats(wh, { by: ['csp'] });
    });
    expect(stale.rows).toEqual([{ csp: 'Charnwood CSP', count: 1 }]); // counted from the rows meanwhile
    expect(await rebuildAreaCounts(ws, { threads: 2, memoryLimit: '1GB' })).toEqual({ months: 1 });
    const after = await withReader(ws, async (wh) => {
      expect(wh.areaCountsFresh).toBe(true);
      return crimeStats(wh, { by: ['csp'] });
    });
    expect(after.rows).toEqual([{ csp: 'Charnwood CSP', count: 1 }]);
  });
});
