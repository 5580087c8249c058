/**
 * Evidence beside a threat's factors comes from the warehouse exactly as the analytics give it:
 * police.uk categories through the trend comparison and harm, offence codes and flags through
 * the force extracts, and "insufficient data" where the extracts do not cover the years.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAllianceDataset } from '../demo/alliance.js';
import { importInto, tempDir, tempWorkspace, withReader, writeInput } from '../../test/temp-workspace.js';
import { parseFinancialYear } from '../domain/crime/periods.js';
import { compareTrends } from '../analytics/trend-comparison.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { threatEvidence } from './threat-evidence.js';

let ws: WorkspacePaths;
const fy = parseFinancialYear('2017/18')!;

beforeAll(async () => {
  const dir = await tempDir('stra-ev-', 'file');
  await generateAllianceDataset({ outDir: dir, seed: 9, from: '2016-04', to: '2018-03', kinds: ['street'] });
  // A force extract: each month of both years, 2 assaults in 2016/17 and 3 in 2017/18, one flagged.
  const lines = ['crime_reference,offence_code,recorded_date,domestic_abuse'];
  let n = 0;
  for (let i = 0; i < 24; i++) {
    const y = 2016 + Math.floor((i + 3) / 12);
    const m = String(((i + 3) % 12) + 1).padStart(2, '0');
    for (let k = 0; k < (i < 12 ? 2 : 3); k++) lines.push(`R${n++},8N,${y}-${m}-10,${k === 0 ? 'Y' : 'N'}`);
  }
  await writeInput(dir, 'extract/warwickshire.csv', lines.join('\n'));
  ws = await tempWorkspace('file');
  await importInto(ws, [dir], { force: 'warwickshire' });
}, 120_000);

describe('evidence beside the factors', () => {
  it('gives police.uk volume, change and significance as the trend comparison does, with harm', async () => {
    const links = { policeUkCategories: ['burglary', 'robbery'], offenceCodes: [], extractFlags: [], indicators: [] };
    const [street] = await withReader(ws, (wh) => threatEvidence(wh, links, fy));
    const trend = await withReader(ws, (wh) =>
      compareTrends(wh, { areas: [], byCategory: false, period: fy, categories: ['burglary', 'robbery'] }),
    );
    expect(street).toMatchObject({
      source: 'police.uk street data',
      count: trend.rows[0]!.count,
      lastYear: trend.rows[0]!.lastYear.against,
      flag: trend.rows[0]!.lastYear.flag,
    });
    expect(street!.harm).toBeGreaterThan(street!.count! * 244); // burglary's CCHI days alone exceed 244 per crime
  });

  it('counts offence codes and flags in the force extracts, this year against last', async () => {
    const links = { policeUkCategories: [], offenceCodes: ['8n'], extractFlags: ['domestic_abuse'], indicators: [] };
    const [codes, flags] = await withReader(ws, (wh) => threatEvidence(wh, links, fy, ['warwickshire']));
    expect(codes).toMatchObject({ source: 'force extracts', count: 36, lastYear: 24, percentChange: 50 });
    expect(flags).toMatchObject({ count: 12, lastYear: 12, flag: 'similar' });
    const before = await withReader(ws, (wh) =>
      threatEvidence(wh, links, parseFinancialYear('2016/17')!, ['warwickshire']),
    );
    expect(before[0]).toMatchObject({ count: 24, lastYear: null, flag: 'insufficient-data' });
  });
});
