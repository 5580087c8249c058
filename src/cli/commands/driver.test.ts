/**
 * `stra driver` as a user runs it (in-process; see test/store-cli.ts): add, review (keeping the
 * history), a stale review refused, list, show, the matrix by quadrant and as a grid, the themes,
 * a configuration, and CSV export and a refused import. (Round trips, marking and the rest are
 * tested on the store and the CSV module; each command here opens the workspace store afresh.)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-driver-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

describe('stra driver', () => {
  it('adds, reviews (refusing a stale review), lists, shows the matrix, themes and a configuration, exports CSV and refuses a bad import', async () => {
    await json(['org', 'add', 'wwm', '--name', 'Warwickshire and West Mercia alliance', '--kind', 'alliance']);
    await json(['user', 'add', 'alice', '--name', 'Alice', '--clearance', 'SECRET', '--admin', '--org', 'wwm']);
    const a = await json(
      ['assessment', 'create', '--org', 'wwm', '--period', '2017/18', '--label', 'V16 - Final'],
      'alice',
    );
    const cyber = await json(
      [
        'driver',
        'add',
        String(a.id),
        '--number',
        '1',
        '--name',
        'Connected society faces diverse cyber threats',
        '--group',
        'social',
        '--impact',
        '8',
        '--uncertainty',
        '7',
        '--themes',
        'Cyber; Vulnerability',
        '--evidence',
        'Cyber enabled fraud accounted for 36% of all UK crime in 2015.',
        '--source',
        'STRA 2017/18',
        '--dated',
        '2016-10-01',
      ],
      'alice',
    );
    expect(cyber).toMatchObject({
      number: 1,
      challenge: 'social',
      impact: 8,
      uncertainty: 7,
      version: 1,
      themes: ['Cyber', 'Vulnerability'],
    });
    await json(
      [
        'driver',
        'add',
        String(a.id),
        '--number',
        '15',
        '--name',
        'Need for shared strategies/ systems/ technologies',
        '--group',
        'policing',
        '--pestelo',
        'T',
        '--impact',
        '7',
        '--uncertainty',
        '5',
        '--themes',
        'cyber',
      ],
      'alice',
    );
    await json(
      [
        'driver',
        'add',
        String(a.id),
        '--number',
        '12',
        '--name',
        'Information sharing and standards',
        '--group',
        'partner',
        '--impact',
        '4',
        '--uncertainty',
        '8',
      ],
      'alice',
    );

    const reviewed = await json(
      [
        'driver',
        'review',
        String(cyber.id),
        '--expect-version',
        '1',
        '--impact',
        '9',
        '--note',
        'ONS: one in ten adults a victim.',
        '--dated',
        '2017-04-09',
      ],
      'alice',
    );
    expect(reviewed.driver).toMatchObject({ impact: 9, uncertainty: 7, version: 2 });
    const stale = await run(['driver', 'review', String(cyber.id), '--expect-version', '1', '--note', 'late'], 'alice');
    expect([stale.code, stale.stderr]).toEqual([1, expect.stringContaining('you had version 1, it is now version 2')]);
    const shown = await run(['driver', 'show', String(cyber.id)], 'alice', true);
    expect(shown.stdout).toContain(`Driver ${cyber.id} (number 1): Connected society faces diverse cyber threats`);
    expect(shown.stdout).toMatch(
      /2016-10-01 {2}impact 8, uncertainty 7 {2}by alice[\s\S]*2017-04-09 {2}impact 9, uncertainty 7 {2}by alice/,
    );
    expect(shown.stdout).toContain('Cyber enabled fraud accounted for 36% of all UK crime in 2015. (STRA 2017/18)');

    const listed = await run(['driver', 'list', '--assessment', String(a.id)], 'alice', true);
    expect(listed.stdout).toMatch(/Social Challenges[\s\S]*Partner Challenges[\s\S]*Policing Challenges/);

    const matrix = await run(['driver', 'matrix', String(a.id)], 'alice', true);
    expect(matrix.stdout).toMatch(
      /Critical uncertainties \(high impact, high uncertainty\)[^\n]*\n {3}1 {2}Connected society/,
    );
    expect(matrix.stdout).toMatch(/Predetermined elements[^\n]*\n  15 {2}Need for shared/);
    expect(matrix.stdout).toMatch(/Watch list[^\n]*\n  12 {2}Information sharing/);
    const grid = await run(['driver', 'matrix', String(a.id), '--grid'], 'alice', true);
    expect(grid.stdout).toMatch(/ {5}9 \|[ .]+\|[ .]+1 /);
    const themes = await run(['driver', 'themes', String(a.id)], 'alice', true);
    expect(themes.stdout).toContain('Cyber: 2 drivers (1, 15); Social, Policing');

    const c = await json(
      ['driver', 'configure', String(a.id), '--topic', 'Cyber crime', '--primary', '1,15', '--secondary', '12'],
      'alice',
    );
    expect([
      c.primary.map((d: { number: number }) => d.number),
      c.secondary.map((d: { number: number }) => d.number),
    ]).toEqual([[1, 15], [12]]);
    const configs = await run(['driver', 'configurations', String(a.id)], 'alice', true);
    expect(configs.stdout).toMatch(
      /Configuration \d+: Cyber crime[\s\S]*Primary drivers:\n {5}1 {2}Connected[\s\S]*\n {4}15 {2}Need[\s\S]*Secondary drivers:\n {4}12 {2}Information/,
    );

    const exported = await run(['driver', 'export', String(a.id)], 'alice');
    expect(exported.stdout.split('\n').slice(0, 2)).toEqual([
      'number,name,group,pestelo,impact,uncertainty,themes,evidence,marking,shared_with,reviewed_on,review_note',
      '1,Connected society faces diverse cyber threats,social,,9,7,Cyber; Vulnerability,Cyber enabled fraud accounted for 36% of all UK crime in 2015. [source: STRA 2017/18],OFFICIAL,,2017-04-09,ONS: one in ten adults a victim.',
    ]);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'name,group,impact,uncertainty\nFine,social,5,5\nBad,cultural,5,0\n');
    const refused = await run(['driver', 'import', String(a.id), bad], 'alice');
    expect(refused.stderr).toMatch(
      /line 3, field "group": Unknown driver group "cultural"[\s\S]*line 3, field "uncertainty"/,
    );
  }, 60_000);
});
