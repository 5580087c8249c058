/**
 * `stra strategy-plan show|set|headings` as users run them (in-process; see test/store-cli.ts): an
 * analyst writes a threat's plan field by field (what is not given stays), a stale
 * --expect-version is refused, a plan is never marked below its threat, a reader is refused; the
 * assessment's headings are set (ids made from the labels) and the actions then go under them;
 * each write audited.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straIn, STORE_COMMANDS } from '../../../test/store-cli.js';
import { actorFor, listAudit, openStore, storeFolder } from '../../store/index.js';
import { strategyPlanCommand } from './strategy-plan.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-plan-'));
  ws = path.join(dir, 'ws');
  if (!STORE_COMMANDS.includes(strategyPlanCommand)) STORE_COMMANDS.push(strategyPlanCommand);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

describe('stra strategy-plan', () => {
  it('writes a plan field by field under the assessment’s headings, with the store’s rules', async () => {
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
      ['user', 'add', 'ann', '--name', 'Ann', '--clearance', 'SECRET', '--member', 'warwickshire:analyst'],
      'alice',
    );
    await json(
      ['user', 'add', 'rita', '--name', 'Rita', '--clearance', 'SECRET', '--member', 'warwickshire:reader'],
      'alice',
    );
    const a = await json(
      ['assessment', 'create', '--org', 'warwickshire', '--period', '2017/18', '--label', 'V1'],
      'ann',
    );
    const ocg = await json(['threat', 'add', String(a.id), 'OCG', '--marking', 'OFFICIAL-SENSITIVE'], 'ann');

    const empty = await json(['strategy-plan', 'show', String(ocg.id)], 'ann');
    expect(empty).toMatchObject({ threatId: ocg.id, plan: null });
    expect(empty.headings.map((h: { id: string }) => h.id)).toEqual([
      'prevention',
      'intelligence',
      'enforcement',
      'reassurance',
    ]);
    const first = await json(
      [
        'strategy-plan',
        'set',
        String(ocg.id),
        '--lead',
        'DCI Jones',
        '--action',
        'enforcement=Disrupt the county lines',
      ],
      'ann',
    );
    expect(first).toMatchObject({ created: true, changed: true, plan: { version: 1, marking: 'OFFICIAL-SENSITIVE' } });
    const second = await json(
      [
        'strategy-plan',
        'set',
        String(ocg.id),
        '--question',
        'Which lines run into Rugby?',
        '--question',
        'Who holds the phones?',
      ],
      'ann',
    );
    expect(second.plan).toMatchObject({
      leadOfficer: 'DCI Jones',
      actions: { enforcement: 'Disrupt the county lines' },
      questions: ['Which lines run into Rugby?', 'Who holds the phones?'],
      version: 2,
    });
    const stale = await run(['strategy-plan', 'set', String(ocg.id), '--lead', 'x', '--expect-version', '1'], 'ann');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/changed since you read it/);
    // A plan is never marked below its threat: OFFICIAL asked for, OFFICIAL-SENSITIVE kept (the store
    // still counts the write as a version).
    const low = await json(['strategy-plan', 'set', String(ocg.id), '--marking', 'OFFICIAL'], 'ann');
    expect(low.plan).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', version: 3 });
    const reader = await run(['strategy-plan', 'set', String(ocg.id), '--lead', 'x'], 'rita');
    expect(reader.code).not.toBe(0);
    expect(reader.stderr).toMatch(/rita cannot/);
    const unknown = await run(['strategy-plan', 'set', String(ocg.id), '--action', 'pursue=x'], 'ann');
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/pursue is not a heading of this assessment/);

    const headings = await json(
      ['strategy-plan', 'headings', String(a.id), '--set', 'Pursue, Prevent, Protect, Prepare'],
      'ann',
    );
    expect(headings).toMatchObject({ default: false, version: 1 });
    expect(headings.headings).toEqual([
      { id: 'pursue', label: 'Pursue' },
      { id: 'prevent', label: 'Prevent' },
      { id: 'protect', label: 'Protect' },
      { id: 'prepare', label: 'Prepare' },
    ]);
    expect((await run(['strategy-plan', 'headings', String(a.id), '--set', 'X'], 'rita')).code).not.toBe(0);
    await json(['strategy-plan', 'set', String(ocg.id), '--action', 'pursue=Arrest the line holders'], 'ann');
    const shown = await run(['strategy-plan', 'show', String(ocg.id)], 'ann', true);
    expect(shown.stdout).toBe(
      [
        `Plan for threat ${ocg.id} "OCG"`,
        'Lead officer: DCI Jones',
        'Pursue: Arrest the line holders',
        'Prevent: (none)',
        'Protect: (none)',
        'Prepare: (none)',
        'enforcement (not a heading now): Disrupt the county lines',
        'Questions:',
        '  - Which lines run into Rugby?',
        '  - Who holds the phones?',
        'Marked OFFICIAL-SENSITIVE; version 4, by ann.',
        '',
      ].join('\n'),
    );

    const store = await openStore({ folder: storeFolder(ws) });
    try {
      const admin = await actorFor(store, 'alice');
      expect((await listAudit(store, admin, { table: 'strategy_plans' })).map((r) => r.action)).toEqual([
        'create',
        'update',
        'update',
        'update',
      ]);
      expect((await listAudit(store, admin, { table: 'assessment_settings' })).map((r) => r.actorName)).toEqual([
        'ann',
      ]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
