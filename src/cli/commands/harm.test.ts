/**
 * `stra harm` and `stra population` in process: options reach the library and --json gives the
 * report. (The spawned-bin tests in src/cli/cli.test.ts cover exit codes once main.ts lists them.)
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importInto, tempDir, writeInput } from '../../../test/temp-workspace.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { harmCommand } from './harm.js';
import { populationCommand } from './population.js';

async function run(cmd: typeof harmCommand, args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await cmd.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('stra harm and stra population', () => {
  it('load a population table, then score a PRC year with it', async () => {
    const dir = await tempDir();
    const ws = (await openWorkspace(path.join(dir, 'ws'))).paths;
    const prc = [
      'Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences',
      '2017/18,1,West Mercia,Assault with injury,Violence against the person,Violence with injury,8N, 100 ',
      '2017/18,2,West Mercia,Shoplifting,Theft offences,Shoplifting,46,-00 ',
      '2017/18,1,Action Fraud,Fraud offences recorded by Action Fraud,Fraud offences,Fraud: action fraud,AF, 5 ',
    ];
    await importInto(ws, [await writeInput(dir, 'prc.csv', prc.join('\n') + '\n')]);
    const popFile = await writeInput(dir, 'pop.csv', 'area_code,year,population\nwest-mercia,2016,1000000\n');
    const loaded = JSON.parse(await run(populationCommand, ['load', popFile, '--workspace', ws.root, '--json'])) as {
      rows: number;
    };
    expect(loaded.rows).toBe(1);
    const report = JSON.parse(
      await run(harmCommand, ['css', '--year', '2017/18', '--force', 'west-mercia', '--workspace', ws.root, '--json']),
    ) as {
      population_year: number;
      rows: { area: string; offences: number; population: number; css: number }[];
    };
    expect(report.population_year).toBe(2016);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ area: 'west-mercia', offences: 100, population: 1_000_000 });
    expect(report.rows[0]!.css).toBeCloseTo((100 * 189.153887) / 1_000_000, 12);
  });
});
