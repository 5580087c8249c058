/**
 * `stra plan` as a user runs it (in-process; see test/store-cli.ts): plans and objectives, a
 * mapping with linked themes and a pair, the side-by-side comparison, a stale change refused, and
 * CSV in and out.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn } from '../../../test/store-cli.js';
import { actorFor, createOrganisation, createUser, openStore, storeFolder } from '../../store/index.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-plan-'));
  ws = path.join(dir, 'ws');
  // The organisations and users are set up through the library (one store open, not five commands).
  await mkdir(ws, { recursive: true });
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    for (const [id, kind] of [
      ['wm-opcc', 'opcc'],
      ['w-opcc', 'opcc'],
      ['alliance', 'alliance'],
    ] as const)
      await createOrganisation(store, null, { id, name: `${id} name`, kind });
    await createUser(store, null, {
      username: 'alice',
      displayName: 'Alice',
      clearance: 'SECRET',
      memberships: ['wm-opcc', 'w-opcc', 'alliance'].map((o) => ({ organisationId: o, role: 'admin' })),
    });
    await createUser(store, await actorFor(store, 'alice'), {
      username: 'ann',
      displayName: 'Ann',
      clearance: 'OFFICIAL-SENSITIVE',
      memberships: ['wm-opcc', 'w-opcc', 'alliance'].map((o) => ({ organisationId: o, role: 'analyst' })),
    });
  } finally {
    await store.close();
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

describe('stra plan', () => {
  it('adds plans and objectives, maps them, compares side by side, refuses a stale change, and imports and exports CSV', async () => {
    const a = await json(
      [
        'plan',
        'add',
        '--org',
        'wm-opcc',
        '--title',
        'West Mercia Police and Crime Plan',
        '--period',
        '2016-2021',
        '--commissioner',
        'John Champion',
      ],
      'ann',
    );
    const b = await json(
      ['plan', 'add', '--org', 'w-opcc', '--title', 'Warwickshire Police and Crime Plan', '--period', '2016-2021'],
      'ann',
    );
    const a1 = await json(
      [
        'plan',
        'objective',
        'add',
        String(a.id),
        '--theme',
        'Putting victims first',
        '--text',
        'Publish Victims Charter',
        '--expect-version',
        '1',
      ],
      'ann',
    );
    expect(a1).toMatchObject({ plan: { version: 2 }, objective: { theme: 'Putting victims first' } });
    const objectives = path.join(dir, 'objectives.csv');
    await writeFile(
      objectives,
      'theme,objective\nPutting victims and survivors first,Publish Victims Charter\n,Survey victims and survivors of crime\n',
    );
    const [b1] = (await json(['plan', 'import', String(b.id), objectives], 'ann')).added;
    const m = await json(
      ['plan', 'map', 'create', String(a.id), String(b.id), '--org', 'alliance', '--title', 'Appendix 1'],
      'ann',
    );
    const linked = await json(
      [
        'plan',
        'map',
        'themes',
        String(m.id),
        'Putting victims first',
        'Putting victims and survivors first',
        '--expect-version',
        '1',
      ],
      'ann',
    );
    expect(linked).toMatchObject({
      version: 2,
      themeLinks: [{ themeA: 'Putting victims first', themeB: 'Putting victims and survivors first' }],
    });
    const paired = await json(
      ['plan', 'map', 'pair', String(m.id), String(a1.objective.id), String(b1.id), '--expect-version', '2'],
      'ann',
    );
    expect(paired.pairs).toHaveLength(1);
    const stale = await run(
      ['plan', 'map', 'unpair', String(m.id), String(a1.objective.id), '--expect-version', '2'],
      'ann',
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(
      `Plan mapping ${m.id} has changed since you read it: you had version 2, it is now version 3`,
    );

    const shown = await run(['plan', 'compare', String(a.id), String(b.id), '--width', '34'], 'ann', true);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n').slice(0, 6)).toEqual([
      'West Mercia Police and Crime Plan  | Warwickshire Police and Crime Plan',
      '(2016-2021)                        | (2016-2021)',
      '-----------------------------------+-----------------------------------',
      '## Putting victims first           | ## Putting victims and survivors',
      '                                   | first',
      'Publish Victims Charter            | Publish Victims Charter',
    ]);
    expect(shown.stdout).toContain('                                   | Survey victims and survivors of\n');
    expect(shown.stderr).toContain(
      `1 pairs, 0 only in plan ${a.id}, 1 only in plan ${b.id}; mapping ${m.id} version 3; marked OFFICIAL.`,
    );

    const sheet = path.join(dir, 'appendix.csv');
    const exported = await run(['plan', 'map', 'export', String(m.id), '--out', sheet], 'ann');
    expect(exported.stderr).toContain('this export is marked OFFICIAL');
    expect(await readFile(sheet, 'utf8')).toContain(
      'theme_a,objective_a,theme_b,objective_b\nPutting victims first,,Putting victims and survivors first,\n',
    );
    const out = await run(['plan', 'export', String(b.id)], 'ann');
    expect(out.stdout).toBe(
      'theme,objective\nPutting victims and survivors first,Publish Victims Charter\nPutting victims and survivors first,Survey victims and survivors of crime\n',
    );
  }, 60_000);
});
