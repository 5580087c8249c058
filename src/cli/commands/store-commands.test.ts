/**
 * The system-of-record commands as a user runs them (in-process; see test/store-cli.ts): the
 * empty store explains how to create the first administrator, then a whole assessment is made,
 * scored, approved and carried into next year from the command line; errors name the problem.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-store-'));
  ws = path.join(dir, 'ws');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

describe('stra system-of-record commands', () => {
  it('on an empty store, says how to create the first administrator and creates nothing', async () => {
    const r = await run(['threat', 'list'], 'nobody');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The store has no users yet. Create an organisation and the first administrator:');
    expect(r.stderr).toContain(
      'stra user add alice --name "Alice Example" --clearance SECRET --admin --org warwickshire',
    );
    expect(await json(['org', 'list'])).toEqual([]);
  });

  it('runs an assessment from the command line, end to end', async () => {
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
    await json(
      [
        'user',
        'add',
        'kim',
        '--name',
        'Kim Analyst',
        '--clearance',
        'OFFICIAL-SENSITIVE',
        '--member',
        'warwickshire:analyst',
      ],
      'alice',
    );
    await json(
      ['user', 'add', 'bob', '--name', 'Bob Approver', '--clearance', 'SECRET', '--member', 'warwickshire:approver'],
      'alice',
    );
    await json(
      ['user', 'add', 'rita', '--name', 'Rita Reader', '--clearance', 'OFFICIAL', '--member', 'warwickshire:reader'],
      'alice',
    );
    const a = await json(
      ['assessment', 'create', '--org', 'warwickshire', '--period', '2016/17', '--label', 'V19.0 final'],
      'ann',
    );
    const rape = await json(
      [
        'threat',
        'add',
        String(a.id),
        'Rape/sexual assault',
        '--offence',
        '19C,19D',
        '--description',
        'Higher recording since HOCR change',
      ],
      'ann',
    );
    const ocg = await json(
      ['threat', 'add', String(a.id), 'OCG', '--marking', 'OFFICIAL-SENSITIVE', '--category', 'drugs'],
      'ann',
    );
    expect(rape.evidence.offenceCodes).toEqual(['19C', '19D']);
    const set =
      'physical=4,psychological=4,financial=1,community=2,environmental=0,scope=2,vulnerability=4,frequency=5,trend=increasing,capacity=1,capability=1,partnership=0,confidence=high';
    await json(['score', 'add', String(rape.id), '--set', set, '--why', 'frequency=up 18% on last year'], 'ann');
    await json(['score', 'add', String(ocg.id), '--set', set.replace('confidence=high', 'confidence=low')], 'ann');
    const csv = path.join(dir, 'workshop.csv');
    await writeFile(
      csv,
      `threat,assessor,${set.replace(/=[^,]+/g, '')}\nRape/sexual assault,kim,4,3,1,2,0,2,4,5,0,1,1,0,high\nOCG,kim,4,3,3,3,1,3,3,4,1,2,1,1,medium\n`,
    );
    // A score belongs to its assessor: ann may not enter kim's; kim imports their own.
    const theirs = await run(['score', 'import', String(a.id), csv], 'ann');
    expect(theirs.code).not.toBe(0);
    expect(theirs.stderr).toContain('ann cannot record a score as "kim"');
    expect(await json(['score', 'import', String(a.id), csv], 'kim')).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const combined = await json(['score', 'combined', String(a.id)], 'ann');
    expect(combined.entries.map((e: { name: string }) => e.name)).toEqual(['OCG', 'Rape/sexual assault']);
    const table = await run(['score', 'combined', String(a.id)], 'rita', true);
    expect(table.stdout).toContain('Rape/sexual assault');
    expect(table.stdout).not.toContain('OCG');
    const shown = await json(['control-strategy', 'show', String(a.id)], 'bob');
    const approved = await json(
      ['control-strategy', 'approve', String(a.id), '--expect', shown.digest.slice(0, 12)],
      'bob',
    );
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'bob' });
    const late = await run(['threat', 'edit', String(rape.id), '--expect-version', '1', '--owner', 'x'], 'ann');
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('can no longer change');
    const next = await json(['assessment', 'next', String(a.id), '--label', 'V16 - Final'], 'ann');
    expect(next.assessment.period).toBe('2017/18');
    const direction = await run(['assessment', 'direction', String(next.assessment.id)], 'ann', true);
    expect(direction.stdout).toMatch(/Rape\/sexual assault\s+5 x 16.5\s+not scored yet/);
    const exported = await run(['score', 'export', String(a.id)], 'rita');
    expect(exported.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(exported.stderr).toContain('this export is marked OFFICIAL');
  }, 180_000);

  it('names the problem: a stale edit, a bad model file, a malformed CSV, an unknown user', async () => {
    const [t] = await json(['threat', 'list', '--search', 'rape'], 'ann');
    const revised = await json(['assessment', 'revise', String(t.assessmentId), '--label', 'V20'], 'ann');
    const [copy] = await json(
      ['threat', 'list', '--assessment', String(revised.assessment.id), '--search', 'rape'],
      'ann',
    );
    await json(['threat', 'edit', String(copy.id), '--expect-version', '1', '--owner', 'DCI Reid'], 'ann');
    const stale = await run(['threat', 'edit', String(copy.id), '--expect-version', '1', '--owner', 'DI Shaw'], 'ann');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`you had version 1, it is now version 2 (last changed by ann`);
    const bad = path.join(dir, 'force-model.json');
    await writeFile(bad, JSON.stringify({ format: 'openstra-scoring-model@1', id: 'force', version: 0 }));
    const model = await run(['model', 'load', bad], 'ann');
    expect(model.code).toBe(1);
    expect(model.stderr).toContain(
      'Scoring model force-model.json is not valid; fix these and load it again:\n  version: must be 1 or more',
    );
    const csv = path.join(dir, 'bad.csv');
    await writeFile(csv, 'threat,assessor,physical\nOCG,Ms Hughes,9\n');
    const imp = await run(['score', 'import', String(revised.assessment.id), csv], 'ann');
    expect(imp.stderr).toContain('bad.csv line 1: missing column "psychological"');
    expect((await run(['threat', 'list'], 'mallory')).stderr).toContain('There is no user "mallory"');
    expect((await run(['threat', 'list'])).stderr).toContain('Say who is acting: --as USERNAME or STRA_USER=USERNAME');
  }, 120_000);
});
