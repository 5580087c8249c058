/**
 * `stra priority` as a user runs it (in-process; see test/store-cli.ts), on the demo's partners and
 * priorities: the seed's Warwickshire matrix, congruence with an approved Control Strategy, a
 * change of mapping kept in the history, an unknown taxonomy id refused, a partner's reader
 * seeing only its own priorities, and a CSV export that imports back.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stra, straIn } from '../../../test/store-cli.js';
import { DEMO_ALLIANCE, DEMO_ORGANISATIONS, DEMO_USERS } from '../../demo/record/people.js';
import { loadDemoPriorities, storeDemoPriorities } from '../../demo/record/priorities.js';
import {
  actorFor,
  addScore,
  approveControlStrategy,
  createAssessment,
  createOrganisation,
  createThreat,
  createUser,
  openStore,
  storeFolder,
} from '../../store/index.js';

const HIGH = {
  physical: 4,
  psychological: 4,
  financial: 4,
  community: 4,
  environmental: 2,
  scope: 4,
  vulnerability: 4,
  frequency: 5,
  trend: 1,
  capacity: 3,
  capability: 3,
  partnership: 3,
  confidence: 'high',
};
const LOW = {
  physical: 0,
  psychological: 0,
  financial: 0,
  community: 0,
  environmental: 0,
  scope: 0,
  vulnerability: 0,
  frequency: 1,
  trend: -1,
  capacity: 0,
  capability: 0,
  partnership: 0,
  confidence: 'high',
};

let dir = '';
let ws = '';
/** The demo's organisations, users and partner priorities, and an approved 2016/17 assessment whose priorities are CSE, Cyber and HMIC. */
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-priority-'));
  ws = path.join(dir, 'ws');
  await stra(['priority', 'taxonomy', '-w', ws, '--json']); // creates the workspace
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    const [admin, ...others] = DEMO_USERS;
    for (const org of DEMO_ORGANISATIONS) await createOrganisation(store, null, org);
    await createUser(store, null, admin);
    for (const u of others) await createUser(store, await actorFor(store, admin.username), u);
    const analyst = await actorFor(store, 'r.patel');
    const a = await createAssessment(store, analyst, {
      organisationId: DEMO_ALLIANCE,
      period: '2016/17',
      versionLabel: 'V19.0 final',
    });
    for (const [name, values] of [
      ['CSE', HIGH],
      ['Cyber', HIGH],
      ['HMIC', HIGH],
      ['KSI', LOW],
    ] as const) {
      const t = await createThreat(store, analyst, a.id, { name });
      await addScore(store, analyst, { threatId: t.id, assessor: 'r.patel', values });
    }
    await approveControlStrategy(store, await actorFor(store, 'acc.morgan'), a.id);
    await storeDemoPriorities(store, analyst, DEMO_ALLIANCE, await loadDemoPriorities());
  } finally {
    await store.close();
  }
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);

const WARWICKSHIRE =
  'csp-south-warwickshire,csp-north-warwickshire,csp-nuneaton-and-bedworth,csp-rugby,warwickshire-county';

describe('stra priority', () => {
  it("prints the seed's Warwickshire matrix and each partner's congruence with the Control Strategy", async () => {
    const m = await json(['priority', 'matrix', '--period', '2016/17', '--partners', WARWICKSHIRE], 'r.patel');
    expect(m.columns.map((c: { id: string }) => c.id)).toEqual(WARWICKSHIRE.split(','));
    expect(m.rows.find((r: { taxonomyId: string }) => r.taxonomyId === 'drugs-alcohol').cells).toEqual([
      ['Drugs / Alcohol'],
      ['Drugs and Alcohol'],
      ['Alcohol Related Harm', 'Emerging drug trends'],
      ['Drugs / Alcohol'],
      ['Drugs / Alcohol'],
    ]);
    const shown = await run(['priority', 'matrix', '--period', '2016-17', '--partners', WARWICKSHIRE], 'r.patel', true);
    expect(shown.stdout).toMatch(
      /^Partners' priorities 2016\/17 \(marked OFFICIAL\): 5 partners, 17 headings\nheading +csp-south-warwickshire/,
    );
    expect(shown.stdout).toMatch(/\nfire +Deliberate Small Fires\n/);
    const c = await json(
      [
        'priority',
        'congruence',
        '--assessment',
        '1',
        '--partners',
        'warwickshire-county,worcestershire-county,csp-shropshire',
      ],
      'r.patel',
    );
    expect(c).toMatchObject({ period: '2016/17', strategyStatus: 'approved', marking: 'OFFICIAL' });
    expect(c.alliance).toMatchObject({ taxonomyIds: ['cyber-crime', 'cse'], unmapped: ['HMIC'] });
    expect(
      c.partners.map((p: { partnerId: string; shared: string[]; lacking: string[]; coverage: number }) => [
        p.partnerId,
        p.shared,
        p.lacking,
        p.coverage,
      ]),
    ).toEqual([
      ['warwickshire-county', ['cyber-crime'], ['cse'], 0.5],
      ['worcestershire-county', [], ['cyber-crime', 'cse'], 0],
      ['csp-shropshire', ['cyber-crime', 'cse'], [], 1],
    ]);
    const table = await run(['priority', 'congruence', '--assessment', '1'], 'r.patel', true);
    expect(table.stdout).toContain(
      'Alliance priorities of assessment 1 (2016/17, approved Control Strategy): cyber-crime, cse\nNot on the taxonomy (not counted): HMIC\n',
    );
    expect(table.stdout).toMatch(/\nworcestershire-county +1 +0\/2 0% +0% +cyber-crime, cse +community-cohesion\n/);
  }, 60_000);

  it('adds, remaps keeping the history, refuses an unknown id, and shows a partner only its own', async () => {
    const p = await json(
      [
        'priority',
        'add',
        '--partner',
        'csp-rugby',
        '--period',
        '2017/18',
        '--wording',
        'Serious violence',
        '--maps',
        'violent-crime',
      ],
      'r.patel',
    );
    expect(p).toMatchObject({ organisationId: 'wwm-alliance', sharedWith: ['csp-rugby'], version: 1 });
    await json(
      [
        'priority',
        'update',
        String(p.id),
        '--expect-version',
        '1',
        '--maps',
        'violent-crime,serious-organised-crime',
        '--reason',
        'county lines',
      ],
      'r.patel',
    );
    const shown = await json(['priority', 'show', String(p.id)], 'rugby.csp');
    expect(shown.revisions.map((r: { version: number; taxonomyIds: string[] }) => [r.version, r.taxonomyIds])).toEqual([
      [1, ['violent-crime']],
      [2, ['violent-crime', 'serious-organised-crime']],
    ]);
    const bad = await run(
      ['priority', 'add', '--partner', 'csp-rugby', '--period', '2017/18', '--wording', 'x', '--maps', 'knife-crime'],
      'r.patel',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown priority taxonomy id "knife-crime": use one or more of reoffending, asb');
    const rugby = await json(['priority', 'list', '--period', '2016/17'], 'rugby.csp');
    expect(new Set(rugby.map((x: { partnerId: string }) => x.partnerId))).toEqual(new Set(['csp-rugby']));
    const taxonomy = await json(['priority', 'taxonomy']);
    expect(taxonomy.map((t: { id: string }) => t.id)).toContain('modern-slavery');
  }, 60_000);

  it('exports CSV that imports back', async () => {
    const out = path.join(dir, 'rugby.csv');
    const exported = await run(
      ['priority', 'export', '--period', '2016/17', '--partners', 'csp-rugby', '--out', out],
      'r.patel',
    );
    expect(exported.stderr).toContain('7 rows written to');
    const text = await readFile(out, 'utf8');
    const nextYear = path.join(dir, 'rugby-2018.csv');
    await writeFile(nextYear, text.replaceAll('2016/17', '2018/19'));
    const imported = await json(['priority', 'import', nextYear], 'r.patel');
    expect(imported).toHaveLength(7);
    const back = await run(['priority', 'export', '--period', '2018/19'], 'r.patel');
    expect(back.stdout).toBe(text.replaceAll('2016/17', '2018/19'));
  }, 60_000);
});
