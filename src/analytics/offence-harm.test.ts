/**
 * Force extracts weighted offence by offence: ONS weights from the shipped table, or a force's
 * own copy of the per-offence CCHI table once loaded; codes without a weight are reported.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../test/temp-workspace.js';
import { offenceHarmBreakdown } from './offence-harm.js';
import { offenceWeights, storeForceCchiTable } from '../harm-data/force-weights.js';
import { loadOnsCssWeights } from '../harm-data/load-weights.js';
import type { Month } from '../domain/crime/month.js';

const EXTRACT = [
  'crime_reference,offence_code,recorded_date,district',
  'A1,8N,2018-03-03,Rugby',
  'A2,8N,2018-03-04,Rugby',
  'A3,28E,2018-03-05,Warwick',
  'A4,46,2018-03-06,Warwick',
].join('\n');
const span = { label: '2018-03', first: '2018-03' as Month, last: '2018-03' as Month };

describe('harm of force extracts, offence by offence', () => {
  it('weights each record by its own offence code (ONS CSS per code)', async () => {
    const ws = await tempWorkspace();
    await importInto(ws, [await writeInput(await tempDir(), 'extract.csv', EXTRACT)], { force: 'warwickshire' });
    const ons = loadOnsCssWeights();
    const b = await withReader(ws, (wh) => offenceHarmBreakdown(wh, { by: ['district'], span, weights: ons }));
    const w = (code: string) => ons.weights.get(code)!.weight!;
    expect(b.cells.map((c) => [c.key, c.volume, c.harm])).toEqual([
      ['Rugby', 2, 2 * w('8N')],
      ['Warwick', 2, w('28E') + w('46')],
    ]);
    expect(b.ranking[0]!.key).toBe(2 * w('8N') > w('28E') + w('46') ? 'Rugby' : 'Warwick');
    expect(b.complete).toBe(true);
  });

  it("uses a force's loaded CCHI table, and reports codes it lacks", async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    await importInto(ws, [await writeInput(dir, 'extract.csv', EXTRACT)], { force: 'warwickshire' });
    const harmDir = path.join(ws.warehouse, 'harm');
    await expect(offenceWeights('cchi-offence', harmDir)).rejects.toThrow(/stra harm weights load/);
    await storeForceCchiTable(await writeInput(dir, 'cchi.csv', 'HO_CODE,CCHI\n8N,365\n28E,730\n'), harmDir);
    const cchi = await offenceWeights('cchi-offence', harmDir);
    const b = await withReader(ws, (wh) => offenceHarmBreakdown(wh, { by: ['offence'], span, weights: cchi }));
    expect(b.cells.map((c) => [c.key, c.harm, c.unweighted])).toEqual([
      ['28E', 730, 0],
      ['46', 0, 1],
      ['8N', 730, 0],
    ]);
    expect(b.note).toBe(
      '1 records have offence codes without a weight in this table (46): counted in volume, not in harm.',
    );
    await expect(
      storeForceCchiTable(await writeInput(dir, 'bad.csv', 'HO_CODE,CCHI\n8N,lots\n'), harmDir),
    ).rejects.toThrow(/bad\.csv:2: /);
  });
});
