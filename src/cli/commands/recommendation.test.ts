/**
 * `stra recommendation` as a user runs it (in-process; see test/store-cli.ts): add, list, a
 * dated update that keeps the earlier ones, a stale update refused, and show with the history.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-rec-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

describe('stra recommendation', () => {
  it('adds, lists, updates (keeping history), refuses a stale update and shows the history', async () => {
    await json(['org', 'add', 'warwickshire', '--name', 'Warwickshire Police', '--kind', 'force']);
    await json([
      'user',
      'add',
      'alice',
      '--name',
      'Alice',
      '--clearance',
      'SECRET',
      '--admin',
      '--org',
      'warwickshire',
    ]);
    await json(
      [
        'user',
        'add',
        'ann',
        '--name',
        'Ann Analyst',
        '--clearance',
        'OFFICIAL-SENSITIVE',
        '--member',
        'warwickshire:analyst',
      ],
      'alice',
    );
    const a = await json(
      ['assessment', 'create', '--org', 'warwickshire', '--period', '2016/17', '--label', 'V19.0 final'],
      'ann',
    );
    const r = await json(
      [
        'recommendation',
        'add',
        String(a.id),
        '--number',
        '16',
        '--theme',
        'Modern Slavery and Human Trafficking',
        '--text',
        'Support the delivery plan.',
      ],
      'ann',
    );
    expect(r).toMatchObject({ number: '16', status: 'proposed', version: 1 });
    const first = await json(
      [
        'recommendation',
        'update',
        String(r.id),
        '--expect-version',
        '1',
        '--text',
        'Agreed.',
        '--status',
        'agreed',
        '--dated',
        '2016-09-01',
      ],
      'ann',
    );
    expect(first.recommendation).toMatchObject({ status: 'agreed', version: 2 });
    await json(
      [
        'recommendation',
        'update',
        String(r.id),
        '--expect-version',
        '2',
        '--text',
        'Adopted',
        '--status',
        'complete',
        '--dated',
        '2017-04-09',
      ],
      'ann',
    );
    const stale = await run(
      ['recommendation', 'update', String(r.id), '--expect-version', '2', '--text', 'late'],
      'ann',
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('you had version 2, it is now version 3');
    const listed = await json(['recommendation', 'list', '--assessment', String(a.id)], 'ann');
    expect(listed.map((x: { number: string; status: string }) => [x.number, x.status])).toEqual([['16', 'complete']]);
    const shown = await run(['recommendation', 'show', String(r.id)], 'ann', true);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(
      `Recommendation ${r.id} (number 16): Modern Slavery and Human Trafficking (complete, OFFICIAL, version 3)`,
    );
    expect(shown.stdout).toMatch(/2016-09-01 {2}agreed {2}by ann[\s\S]*2017-04-09 {2}complete {2}by ann/);
    const bad = await run(
      ['recommendation', 'update', String(r.id), '--expect-version', '3', '--text', 'x', '--status', 'finished'],
      'ann',
    );
    expect(bad.stderr).toContain('Unknown recommendation status "finished"');
  }, 60_000);
});
