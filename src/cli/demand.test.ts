/**
 * `stra demand`, `stra missing` and `stra forecast` as a user runs them (the built code: `npm
 * test` builds first): the real calls-for-service and crime series files of ../shared/data read
 * in place, synthetic demo episodes for missing people (no real episode data exists), JSON
 * output, clear errors and exit codes (0 ok, 1 refused, 2 usage or not found).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithSharedData, repoRoot, sharedData } from '../../test/shared-data.js';
import { tempDir } from '../../test/temp-workspace.js';
import { generateDemand, writeDemandFiles } from '../demo/demand/index.js';

const bin = path.join(repoRoot, 'bin', 'stra.js');
const KEY = 'test-key-test-key-test-key-test-key-0001';

function stra(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, STRA_PSEUDONYM_KEY: KEY, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describeWithSharedData('stra demand on the real San Diego file', () => {
  let ws: string;
  beforeAll(async () => {
    ws = path.join(await mkdtemp(path.join(os.tmpdir(), 'stra-demand-cli-')), 'ws');
  });

  it('imports through the saved mapping, then the same file again changes nothing', () => {
    const file = sharedData('incidents', 'san_diego/pd_calls_for_service_2023_datasd.csv');
    const first = stra([
      'demand',
      'import',
      file,
      '--mapping',
      'san-diego',
      '--force',
      'san-diego',
      '-w',
      ws,
      '--json',
    ]);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({
      status: 'imported',
      lines: 28_970,
      imported: 28_951,
      rejected: 19,
      duplicates: 0,
    });
    const again = stra([
      'demand',
      'import',
      file,
      '--mapping',
      'san-diego',
      '--force',
      'san-diego',
      '-w',
      ws,
      '--json',
    ]);
    expect(again.json()).toMatchObject({ status: 'unchanged', unchanged: 28_951 });
  }, 60_000);

  it('profiles demand: 22 covered days, hour x weekday, non-crime share, grades, a day in the life', () => {
    const r = stra(['demand', 'profile', '--force', 'san-diego', '-w', ws, '--json']);
    expect(r.code).toBe(0);
    const p = r.json();
    expect(p).toMatchObject({ incidents: 28_951, days: 22, from: '2023-01-01', to: '2023-01-22' });
    // README: priority 9 (resolved without deployment) 347 rows.
    expect(p.byGrade.rows).toContainEqual(expect.objectContaining({ key: 'resolved-without-deployment', count: 347 }));
    const cells = p.hourWeek.counts.flat().reduce((a: number, v: number) => a + v, 0);
    expect(cells).toBe(28_951);
    expect(p.nonCrime.shareNotCrime).toBeGreaterThan(0.5);
    expect(p.dayInTheLife.incidents.perDay).toBeCloseTo(28_951 / 22, 6);
    expect(p.changeOnLastYear).toBeNull();
    expect(p.changeUnavailable).toMatch(/2022-01-01 to 2022-01-22/);
  });

  it('refuses clearly: an unknown mapping, a force not held, a bad day', () => {
    const m = stra(['demand', 'import', bin, '--mapping', 'nope', '--force', 'x', '-w', ws]);
    expect([m.code, m.stderr]).toEqual([2, expect.stringMatching(/'nope' is neither a saved mapping \(dallas, /)]);
    const f = stra(['demand', 'profile', '--force', 'seattle', '-w', ws]);
    expect([f.code, f.stderr]).toEqual([2, expect.stringMatching(/no incidents for 'seattle'.*held: san-diego/)]);
    const d = stra(['demand', 'profile', '--force', 'san-diego', '--from', '2023-13-01', '-w', ws]);
    expect([d.code, d.stderr]).toEqual([2, expect.stringMatching(/--from: '2023-13-01' is not a day/)]);
    const fc = stra(['forecast', 'incidents', '--force', 'san-diego', '-w', ws]);
    expect([fc.code, fc.stderr]).toEqual([
      2,
      expect.stringMatching(/no complete month.*2023-01 left out: data on 22 of 31 days/),
    ]);
  });
});

describeWithSharedData('stra forecast on the real MPS series', () => {
  const mps = (f: string) => sharedData('series', f);
  it('London theft to Dec 2019: 12 months with 80% and 95% intervals, a model that beats the seasonal naive', async () => {
    const ws = path.join(await tempDir(), 'ws');
    const r = stra([
      'forecast',
      mps('mps_borough_monthly_historical_apr2010_feb2023.csv'),
      '--where',
      'MajorText=THEFT',
      '--until',
      '2019-12',
      '-w',
      ws,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const f = r.json();
    expect(f).toMatchObject({ status: 'forecast', start: '2010-04', end: '2019-12', beatsSeasonalNaive: true });
    expect(f.periods).toHaveLength(12);
    expect(f.periods[0]).toBe('2020-01');
    expect(f.backtest.chosen.mase).toBeLessThan(f.backtest.seasonalNaive.mase);
    expect(f.backtest.chosen.coverage95).toBeGreaterThanOrEqual(0.85);
    for (let k = 0; k < 12; k++) {
      expect(f.interval95.lower[k]).toBeLessThanOrEqual(f.interval80.lower[k]);
      expect(f.interval80.lower[k]).toBeLessThanOrEqual(f.mean[k]);
      expect(f.mean[k]).toBeLessThanOrEqual(f.interval80.upper[k]);
      expect(f.interval80.upper[k]).toBeLessThanOrEqual(f.interval95.upper[k]);
    }
  }, 60_000);

  it('both files joined: data before the March 2020 break left out, and said so', async () => {
    const ws = path.join(await tempDir(), 'ws');
    const r = stra([
      'forecast',
      mps('mps_borough_monthly_historical_apr2010_feb2023.csv'),
      mps('mps_borough_monthly_recent24_mar2023_feb2025.csv'),
      '--where',
      'MajorText=THEFT',
      '-w',
      ws,
      '--json',
    ]);
    const f = r.json();
    expect(f).toMatchObject({ status: 'forecast', end: '2025-02', trainedFrom: '2020-03' });
    expect(f.notes.join(' ')).toMatch(/data before 2020-03 left out/);
  }, 60_000);

  it('a series too short is refused with the reason (exit 1)', async () => {
    const ws = path.join(await tempDir(), 'ws');
    const r = stra([
      'forecast',
      mps('mps_borough_monthly_recent24_mar2023_feb2025.csv'),
      '--where',
      'MajorText=THEFT',
      '-w',
      ws,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be forecast/);
  });
});

describe('stra missing and stra forecast on synthetic episodes', () => {
  let ws: string;
  beforeAll(async () => {
    const dir = await tempDir('stra-missing-', 'file');
    ws = path.join(dir, 'ws');
    const data = await generateDemand({
      seed: 3,
      from: '2015-04',
      to: '2018-03',
      forces: ['warwickshire'],
      scale: 0.05,
    });
    const files = await writeDemandFiles(path.join(dir, 'in'), data);
    const missing = files.filter((f) => f.kind === 'missing').map((f) => f.path);
    const r = stra([
      'demand',
      'import',
      ...missing,
      '--mapping',
      'openstra-missing',
      '--force',
      'warwickshire',
      '-w',
      ws,
      '--json',
    ]);
    expect(r.code).toBe(0);
  }, 180_000);

  it('summary: episodes, high-risk share and the repeat definition used', () => {
    const r = stra([
      'missing',
      'summary',
      '--force',
      'warwickshire',
      '--episodes',
      '4',
      '--days',
      '60',
      '-w',
      ws,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const a = r.json();
    expect(a.summary.episodes).toBeGreaterThan(100);
    expect(a.summary.highRiskShare).toBeGreaterThan(0);
    expect(a.repeats.definition).toEqual({ episodes: 4, withinDays: 60 });
  });

  it('locations: care homes ranked by episodes', () => {
    const r = stra(['missing', 'locations', '--force', 'warwickshire', '-w', ws, '--json']);
    const rows = r.json().locations as { episodes: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((x) => x.episodes)).toEqual([...rows.map((x) => x.episodes)].sort((a, b) => b - a));
  });

  it('needs the pseudonymisation key to import, and checks its options', () => {
    const r = stra(['missing', 'repeats', '--force', 'warwickshire', '--episodes', '1', '-w', ws]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--episodes: '1' should be a whole number from 2/)]);
    const k = stra(['demand', 'import', bin, '--mapping', 'openstra-missing', '--force', 'warwickshire', '-w', ws], {
      STRA_PSEUDONYM_KEY: '',
    });
    expect([k.code, k.stderr]).toEqual([2, expect.stringMatching(/STRA_PSEUDONYM_KEY/)]);
  });

  it('forecasts missing episodes with the backtest beside it', () => {
    const r = stra(['forecast', 'missing', '--force', 'warwickshire', '-w', ws, '--json']);
    const f = r.json();
    if (f.status === 'refused') expect(f.refusal.message).toBeTruthy();
    else expect(f.backtest.chosen.points).toBeGreaterThan(0);
  }, 60_000);
});
