/**
 * The Demand part's forecast on synthetic incidents (four years of West Mercia's, the demo's
 * recipe at a tenth of its volume): the next 12 months with 80% and 95% ranges, the model and its
 * backtest MASE in words, shown only where the model beats the seasonal naive forecast; a series
 * too short is named with the reason, never given a figure.
 */
import { describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace, withReader } from '../../../test/temp-workspace.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import { generateDemand } from '../../demo/demand/incidents.js';
import { writeDemandFiles } from '../../demo/demand/write-csv.js';
import type { Period } from '../../domain/crime/periods.js';
import { importDemandFile } from '../../warehouse/demand/import-demand.js';
import { Anchors } from '../context.js';
import type { ListBlock, TableBlock } from '../model.js';
import { demandForecastBlocks } from './demand-forecast.js';

const YEAR = { kind: 'financial-year', label: '2017/18', first: '2017-04', last: '2018-03' } as unknown as Period;
const forces = [{ id: 'west-mercia', name: 'West Mercia Police' }];

describe('demand forecast in the document', () => {
  it('gives next year with 80% and 95% ranges where the backtest beats seasonal naive, and says why not elsewhere', async () => {
    const ws = await tempWorkspace();
    const dir = await tempDir();
    const data = await generateDemand({ seed: 5, from: '2014-04', to: '2018-03', forces: ['west-mercia'], scale: 0.1 });
    const files = (await writeDemandFiles(dir, data)).filter((f) => f.kind === 'incidents');
    const mapping = await resolveMapping('openstra-incidents');
    for (const f of files)
      await importDemandFile(ws, {
        file: f.path,
        mapping,
        force: 'west-mercia',
        user: 't',
        threads: 1,
        memoryLimit: '512MB',
      });
    const entries: string[] = [];
    const log = {
      figure: (s: string) => String(entries.push(`figure ${s}`)),
      omitted: (s: string) => void entries.push(`omitted ${s}`),
    };
    const blocks = await withReader(ws, (wh) =>
      demandForecastBlocks({ warehouse: wh, dataPeriod: YEAR, forces: forces as never, anchors: new Anchors() }, log),
    );
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: 'Forecast for the next 12 months' });
    const items = (blocks.find((b) => b.kind === 'list') as ListBlock).items.map((i) => JSON.stringify(i));
    expect(items).toHaveLength(1);
    if (process.env.SHOW) console.log(items[0]);
    const table = blocks.find((b) => b.kind === 'table') as TableBlock | undefined;
    if (table) {
      expect(items[0]).toMatch(
        /West Mercia Police can expect about [\d,]+ incidents in April 2018 to March 2019: 80% likely between [\d,]+ and [\d,]+, 95% likely between/,
      );
      expect(items[0]).toMatch(/MASE \d\.\d\d against \d\.\d\d/);
      const [, , expected, r80, r95] = table.rows[0]!.map((c) => (c.runs[0] as { text: string }).text);
      const [lo80, hi80] = String(r80)
        .split(' to ')
        .map((x) => Number(x.replace(/,/g, '')));
      const [lo95, hi95] = String(r95)
        .split(' to ')
        .map((x) => Number(x.replace(/,/g, '')));
      expect(lo95!).toBeLessThanOrEqual(lo80!);
      expect(lo80!).toBeLessThanOrEqual(Number(expected!.replace(/,/g, '')));
      expect(Number(expected!.replace(/,/g, ''))).toBeLessThanOrEqual(hi80!);
      expect(hi80!).toBeLessThanOrEqual(hi95!);
    } else expect(items[0]).toMatch(/no forecast is given \(/);
    expect(entries.some((e) => e.startsWith('figure Table: forecast of demand'))).toBe(true);
  }, 240_000); // 48 monthly imports: slow when the machine is busy
});
