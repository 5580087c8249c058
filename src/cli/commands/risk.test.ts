/**
 * `stra risk` as a user runs it (in-process; see test/store-cli.ts): add, review (keeping the
 * history), a stale review refused, list, show with the history, the heat-map grid with movement
 * arrows, the overdue list, and CSV export and import (a bad file names line and field).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-risk-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

describe('stra risk', () => {
  it('adds, reviews (keeping history), refuses a stale review, lists, shows, maps, lists overdue, exports and imports', async () => {
    await json(['org', 'add', 'alliance', '--name', 'Alliance', '--kind', 'alliance']);
    await json(['user', 'add', 'alice', '--name', 'Alice', '--clearance', 'SECRET', '--admin', '--org', 'alliance']);
    await json(['org', 'add', 'other', '--name', 'Other', '--kind', 'force'], 'alice');
    await json(
      [
        'user',
        'add',
        'ann',
        '--name',
        'Ann',
        '--clearance',
        'OFFICIAL-SENSITIVE',
        '--member',
        'alliance:analyst',
        '--member',
        'other:analyst',
      ],
      'alice',
    );
    await json(
      ['user', 'add', 'rita', '--name', 'Rita', '--clearance', 'OFFICIAL', '--member', 'alliance:reader'],
      'alice',
    );
    const add = (ref: string, extra: string[]) =>
      json(
        [
          'risk',
          'add',
          '--org',
          'alliance',
          '--ref',
          ref,
          '--title',
          `Risk ${ref}`,
          '--category',
          'Organisational',
          '--owner',
          'Deputy Chief Constable',
          '--identified',
          '2016-12-05',
          ...extra,
        ],
        'ann',
      );
    const r1 = await add('SR01', [
      '--likelihood',
      '5',
      '--impact',
      '5',
      '--residual-likelihood',
      '4',
      '--residual-impact',
      '4',
      '--action',
      'Demand review',
      '--action',
      'Shift review',
    ]);
    expect(r1).toMatchObject({
      reference: 'SR01',
      residual: { score: 16 },
      actions: ['Demand review', 'Shift review'],
      version: 1,
    });
    const r2 = await add('SR02', [
      '--likelihood',
      '4',
      '--impact',
      '5',
      '--marking',
      'OFFICIAL-SENSITIVE',
      '--title',
      'Hidden-integrity-risk',
    ]);
    const reviewed = await json(
      [
        'risk',
        'review',
        String(r1.id),
        '--expect-version',
        '1',
        '--likelihood',
        '4',
        '--impact',
        '5',
        '--narrative',
        'Winter demand.',
        '--dated',
        '2017-01-09',
      ],
      'ann',
    );
    expect(reviewed.risk).toMatchObject({ version: 2, residual: { score: 20 }, nextReview: '2017-02-09' });
    await json(
      [
        'risk',
        'review',
        String(r1.id),
        '--expect-version',
        '2',
        '--likelihood',
        '3',
        '--impact',
        '4',
        '--narrative',
        'Protocol agreed.',
        '--dated',
        '2017-02-06',
        '--next-review',
        '2017-04-10',
      ],
      'ann',
    );
    const stale = await run(
      [
        'risk',
        'review',
        String(r1.id),
        '--expect-version',
        '2',
        '--likelihood',
        '1',
        '--impact',
        '1',
        '--narrative',
        'late',
      ],
      'ann',
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('you had version 2, it is now version 3');

    const edited = await json(
      ['risk', 'edit', String(r1.id), '--expect-version', '3', '--mitigation', 'Demand plan agreed.', '--impact', '4'],
      'ann',
    );
    expect(edited).toMatchObject({
      version: 4,
      mitigation: 'Demand plan agreed.',
      inherent: { likelihood: 5, impact: 4, score: 20 },
      residual: { score: 12 },
    });
    const listed = await json(['risk', 'list', '--org', 'alliance'], 'ann');
    expect(listed.map((r: { reference: string; movement: string }) => [r.reference, r.movement])).toEqual([
      ['SR01', 'down'],
      ['SR02', 'new'],
    ]);

    const shown = await run(['risk', 'show', String(r1.id)], 'ann', true);
    expect(shown.stdout).toContain(`Risk ${r1.id} SR01: Risk SR01 (open, OFFICIAL, version 4), alliance`);
    expect(shown.stdout).toContain('Residual: 3x4 = 12 (high) ↓ down');
    expect(shown.stdout).toMatch(
      /2016-12-05 {2}4x4 = 16 high +\*[\s\S]*2017-01-09 {2}4x5 = 20 very high ↑[\s\S]*Winter demand\.[\s\S]*2017-02-06 {2}3x4 = 12 high +↓/,
    );

    const grid = await run(['risk', 'heatmap', '--org', 'alliance'], 'ann', true);
    expect(grid.stdout).toContain('2 risks on the 5x5 scale (residual scores), marked OFFICIAL-SENSITIVE');
    expect(grid.stdout).toMatch(
      /Impact \\ Likelihood +1 Rare +2 Unlikely +3 Possible +4 Likely +5 Almost certain\n5 Severe +· +· +· +1: SR02\* +·\n4 Major +· +· +1: SR01↓ +· +·/,
    );
    expect(grid.stdout).toContain('↓ SR01 Risk SR01 (down from 4x5 = 20)');
    const readerMap = await run(['risk', 'heatmap'], 'rita', true);
    expect(readerMap.stdout).not.toContain('Hidden-integrity-risk');
    expect(readerMap.stdout).not.toContain('SR02');

    const overdue = await json(['risk', 'overdue', '--as-of', '2017-03-01'], 'ann');
    expect(overdue.risks.map((r: { reference: string; daysOverdue: number }) => [r.reference, r.daysOverdue])).toEqual([
      ['SR02', 55],
    ]);

    const file = path.join(dir, 'risks.csv');
    expect(await json(['risk', 'export', '--org', 'alliance', '--out', file], 'ann')).toEqual({ file, rows: 2 });
    expect((await readFile(file, 'utf8')).split('\n')[1]).toMatch(
      /^SR01,Risk SR01,Organisational,Deputy Chief Constable,,,5,5,4,3,4,Demand plan agreed.,Demand review; Shift review,2016-12-05,2017-04-10,open,OFFICIAL,$/,
    );
    const imported = await json(['risk', 'import', file, '--org', 'other'], 'ann');
    expect(imported.map((r: { reference: string; organisationId: string }) => [r.reference, r.organisationId])).toEqual(
      [
        ['SR01', 'other'],
        ['SR02', 'other'],
      ],
    );
    const bareLog = path.join(dir, 'log.csv');
    await writeFile(bareLog, 'reference,dated,likelihood,impact,narrative\nSR01,2017-03-06,9,2,too high\n');
    const refused = await run(['risk', 'import', bareLog, '--org', 'other', '--reviews'], 'ann');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bareLog} line 2: The likelihood must be a whole number from 1 to 5`);
    const badFile = path.join(dir, 'bad.csv');
    await writeFile(
      badFile,
      'reference,title,category,owner,inherent_likelihood,inherent_impact\nSR09,x,Ops,DCC,0,3\n',
    );
    const badImport = await run(['risk', 'import', badFile, '--org', 'other'], 'ann');
    expect(badImport.stderr).toContain(
      `${badFile} line 2, field "inherent_likelihood": "0" is not a whole number from 1 to 10`,
    );
    expect(r2.marking).toBe('OFFICIAL-SENSITIVE');
  }, 90_000);
});
