/**
 * `stra inspection` as a user runs it, in-process: an inspection with its grade, a finding, dated
 * updates that keep the earlier ones, a stale update refused, and CSV out and back in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createOrganisation, createUser, openStore, storeFolder } from '../../store/index.js';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-inspection-'));
  ws = path.join(dir, 'ws');
  // The organisations and users are set up through the library (one store open, not four commands).
  await mkdir(ws, { recursive: true });
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    await createOrganisation(store, null, { id: 'alliance', name: 'Alliance', kind: 'alliance' });
    await createOrganisation(store, null, { id: 'other', name: 'Other force', kind: 'force' });
    await createUser(store, null, {
      username: 'alice',
      displayName: 'Alice',
      clearance: 'SECRET',
      memberships: [
        { organisationId: 'alliance', role: 'admin' },
        { organisationId: 'other', role: 'admin' },
      ],
    });
    await createUser(store, await actorFor(store, 'alice'), {
      username: 'ann',
      displayName: 'Ann',
      clearance: 'OFFICIAL-SENSITIVE',
      memberships: [{ organisationId: 'alliance', role: 'analyst' }],
    });
  } finally {
    await store.close();
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json: straJson } = straIn(() => ws);
const inspection = (args: string[], as: string, tty = false) => run(['inspection', ...args], as, tty);
const json = (args: string[], as = 'ann') => straJson(['inspection', ...args], as);

describe('stra inspection', () => {
  it('adds an inspection and a finding, updates it keeping history, refuses a stale update, and round-trips CSV', async () => {
    const i = await json([
      'add',
      '--org',
      'alliance',
      '--body',
      'HMIC',
      '--title',
      'PEEL: Legitimacy 2016',
      '--dated',
      '2016-05',
      '--grade',
      'good',
    ]);
    expect(i).toMatchObject({ grade: 'good', dated: '2016-05', version: 1 });
    const f = await json([
      'finding',
      'add',
      String(i.id),
      '--text',
      'The force should improve how it manages individual performance.',
      '--owner',
      'Head of People',
    ]);
    expect(f).toMatchObject({ kind: 'area_for_improvement', status: 'open', version: 1 });
    await json([
      'finding',
      'update',
      String(f.id),
      '--expect-version',
      '1',
      '--text',
      'Appraisal process agreed.',
      '--status',
      'in progress',
      '--dated',
      '2016-11-01',
    ]);
    await json([
      'finding',
      'update',
      String(f.id),
      '--expect-version',
      '2',
      '--text',
      'Rolled out.',
      '--status',
      'complete',
      '--dated',
      '2017-04-09',
    ]);
    const stale = await inspection(
      ['finding', 'update', String(f.id), '--expect-version', '2', '--text', 'late'],
      'ann',
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('you had version 2, it is now version 3');
    const shown = await inspection(['finding', 'show', String(f.id)], 'ann', true);
    expect(shown.stdout).toContain(
      `Finding ${f.id}: area_for_improvement of inspection ${i.id}, HMIC PEEL: Legitimacy 2016 (complete, OFFICIAL, version 3)`,
    );
    expect(shown.stdout).toMatch(/2016-11-01 {2}in_progress {2}by ann[\s\S]*2017-04-09 {2}complete {2}by ann/);
    const listed = await inspection(['list'], 'ann', true);
    expect(listed.stdout).toMatch(/PEEL: Legitimacy 2016 +2016-05 +good +1 +0 +alliance/);

    const file = path.join(dir, 'findings.csv');
    const exported = await inspection(['export', '--org', 'alliance', '--out', file], 'ann');
    expect(exported.stderr).toContain('1 findings written to');
    const imported = await json(['import', file, '--org', 'other'], 'alice');
    expect(imported.map((x: { status: string; owner: string }) => [x.status, x.owner])).toEqual([
      ['complete', 'Head of People'],
    ]);
    await writeFile(file, 'body,inspection,finding,grade\nHMIC,PEEL 2017,ok,excellent\n');
    const bad = await inspection(['import', file, '--org', 'alliance'], 'ann');
    expect(bad.stderr).toContain(
      'line 2, field "grade": "excellent" is not one of outstanding, good, requires_improvement, inadequate, not_graded',
    );
  }, 60_000);
});
