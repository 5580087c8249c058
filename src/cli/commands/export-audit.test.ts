/**
 * Issue 13: the CLI's CSV exports are audited like the server's downloads: who, which command,
 * the marking to handle the file at (declared, or the highest in its marking column), the rows
 * and where it went, written before the file is handed over.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-export-audit-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

interface Row {
  action: string;
  actorName: string;
  table: string;
  recordId: string;
  marking: string;
  after: { command: string; marking: string; rows: number; to: string };
}

describe('stra ... export is audited', () => {
  it('writes an export row per CSV export, with the marking, the rows and the destination', async () => {
    await json(['org', 'add', 'wwm', '--name', 'Warwickshire and West Mercia alliance', '--kind', 'alliance']);
    await json(['user', 'add', 'alice', '--name', 'Alice', '--clearance', 'SECRET', '--admin', '--org', 'wwm']);
    const a = await json(['assessment', 'create', '--org', 'wwm', '--period', '2017/18', '--label', 'V1'], 'alice');
    for (const [number, marking] of [
      ['1', 'OFFICIAL'],
      ['2', 'OFFICIAL-SENSITIVE'],
    ] as const) {
      await json(
        [
          'driver',
          'add',
          String(a.id),
          '--number',
          number,
          '--name',
          `Driver ${number}`,
          '--group',
          'social',
          '--impact',
          '5',
          '--uncertainty',
          '5',
          '--marking',
          marking,
        ],
        'alice',
      );
    }
    const toStdout = await run(['driver', 'export', String(a.id)], 'alice');
    expect(toStdout.code).toBe(0);
    const out = path.join(dir, 'scores.csv');
    expect((await run(['score', 'export', String(a.id), '--out', out], 'alice')).code).toBe(0);

    const audit = (await json(['audit', '--limit', '1000'], 'alice')) as Row[];
    const exports = audit.filter((r) => r.action === 'export');
    expect(exports.find((r) => r.table === 'drivers')).toMatchObject({
      actorName: 'alice',
      recordId: `stra driver export ${a.id}`,
      marking: 'OFFICIAL-SENSITIVE',
      after: { command: `stra driver export ${a.id}`, marking: 'OFFICIAL-SENSITIVE', rows: 2, to: 'stdout' },
    });
    expect(exports.find((r) => r.table === 'scores')).toMatchObject({
      actorName: 'alice',
      recordId: `stra score export ${a.id}`,
      after: { rows: 0, to: out },
    });
  }, 120_000);
});
