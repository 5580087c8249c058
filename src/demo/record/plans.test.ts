/**
 * The demo plans and inspections hold the seed's own content: the comparison of the two demo
 * plans gives back the seed's Appendix 1 row by row (read from the seed in place, which is skipped
 * with a message when ../shared is absent), the theme links are the seed's summary table, each
 * finding is the seed's wording, and the markings decide who sees them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { repoRoot } from '../../../test/shared-data.js';
import {
  actorFor,
  createAssessment,
  createOrganisation,
  createUser,
  getInspection,
  getPlanMapping,
  listInspections,
  listPlanMappings,
  listPlans,
  planComparison,
  type Actor,
  type Store,
} from '../../store/index.js';
import { DEMO_ALLIANCE, DEMO_ORGANISATIONS, DEMO_USERS } from './people.js';
import { seedDemoPlans } from './plans.js';

const SEED = process.env.STRA_SEED_TEXT ?? path.resolve(repoRoot, '..', 'shared', 'seed', '000_548dc7ecec1c537a.txt');

interface SeedGroup {
  themes: [string, string];
  rows: [string, string][];
}

/** The seed's Appendix 1: bold rows are theme headings; the column and caption rows are skipped. */
function seedAppendix(text: string): { columns: [string, string]; groups: SeedGroup[] } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Appendix 1'));
  const groups: SeedGroup[] = [];
  let columns: [string, string] = ['', ''];
  for (const line of lines.slice(start).filter((l) => l.includes('\t'))) {
    const [left = '', right = ''] = line.split('\t').map((c) => c.replace(/<\/?b>/g, '').trim());
    if (left.endsWith('Police and Crime Commissioner')) columns = [left, right];
    else if (left === 'Key objectives of the Police and Crime Plans') continue;
    else if (line.startsWith('<b>')) groups.push({ themes: [left, right], rows: [] });
    else groups.at(-1)?.rows.push([left, right]);
  }
  return { columns, groups };
}

/** The seed's summary of the two plans' themes (Section 1): Warwickshire on the left there. */
function seedThemeTable(text: string): [string, string][] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l === 'Warwickshire\tWest Mercia');
  return lines.slice(at + 1, at + 5).map((l) => l.split('\t') as [string, string]);
}

async function demoWorld(store: Store): Promise<{ admin: Actor; analyst: Actor }> {
  const [first, ...others] = DEMO_USERS;
  for (const org of DEMO_ORGANISATIONS) await createOrganisation(store, null, org);
  await createUser(store, null, first);
  const admin = await actorFor(store, first.username);
  for (const user of others) await createUser(store, admin, user);
  return { admin, analyst: await actorFor(store, 'r.patel') };
}

describeEachDialect('demo plans and inspections', (get) => {
  let counts: Record<string, number>;
  let analyst: Actor;
  beforeAll(async () => {
    const world = await demoWorld(get());
    analyst = world.analyst;
    const last = await createAssessment(get(), analyst, {
      organisationId: DEMO_ALLIANCE,
      period: '2016/17',
      versionLabel: 'V19.0 final',
    });
    const now = await createAssessment(get(), analyst, {
      organisationId: DEMO_ALLIANCE,
      period: '2017/18',
      versionLabel: 'V16 - Final',
    });
    counts = await seedDemoPlans(get(), {
      admin: world.admin,
      analyst,
      approver: await actorFor(get(), 'acc.morgan'),
      alliance: DEMO_ALLIANCE,
      last,
      now,
    });
  }, 120_000);

  it('stores both plans with every objective, the pairs, and the HMIC findings', () => {
    expect(counts).toEqual({
      plans: 2,
      objectives: 125,
      planPairs: 53,
      planThemeLinks: 4,
      inspections: 4,
      findings: 7,
    });
  });

  const seedThere = existsSync(SEED);
  (seedThere ? describe : describe.skip)(
    seedThere ? 'against the seed text' : `against the seed text (skipped: ${SEED} not found; it needs ../shared/seed)`,
    () => {
      it("compares the two demo plans exactly as the seed's Appendix 1 pairs their objectives", async () => {
        const seed = seedAppendix(readFileSync(SEED, 'utf8'));
        expect(seed.columns).toEqual([
          'West Mercia Police and Crime Commissioner',
          'Warwickshire Police and Crime Commissioner',
        ]);
        const plans = await listPlans(get(), analyst);
        const id = (org: string) => plans.find((p) => p.organisationId === org)?.id ?? 0;
        const c = await planComparison(get(), analyst, id('west-mercia-opcc'), id('warwickshire-opcc'));
        const ours = c.groups.map((g) => ({
          themes: [g.themeA, g.themeB],
          rows: g.rows.map((r) => [r.a?.text ?? '', r.b?.text ?? '']),
        }));
        expect(ours).toEqual(seed.groups);
        expect(c.counts).toEqual({ pairs: 53, onlyA: 6, onlyB: 13 });
        expect(c.marking).toBe('OFFICIAL');
      });

      it("links the themes as the seed's summary table does (Warwickshire on its left)", async () => {
        const [mapping] = await listPlanMappings(get(), analyst);
        const links = (await getPlanMapping(get(), analyst, mapping?.id ?? 0)).themeLinks.map((l) => [
          l.themeB,
          l.themeA,
        ]);
        expect(links).toEqual(seedThemeTable(readFileSync(SEED, 'utf8')));
      });

      it("holds each finding in the seed's own words", async () => {
        const seed = readFileSync(SEED, 'utf8').replace(/\*\*/g, '');
        const inspections = await listInspections(get(), analyst);
        expect(inspections.map((i) => [i.title, i.dated, i.grade, i.findings])).toEqual([
          ['PEEL: Efficiency 2016', '2016-05', 'good', 0],
          ['PEEL: Legitimacy 2016', '2016-05', 'good', 3],
          ['PEEL: Leadership 2016', '2016-05', 'not_graded', 1],
          ['Missing children', null, null, 3],
        ]);
        for (const i of inspections) {
          for (const f of (await getInspection(get(), analyst, i.id)).findings) {
            expect(seed).toContain(f.text);
            for (const paragraph of f.detail?.split('\n') ?? []) expect(seed).toContain(`- ${paragraph}`);
          }
        }
      });
    },
  );

  it("shows the registers to the commissioners' offices and not to a CSP", async () => {
    const opcc = await actorFor(get(), 'opcc.reader');
    const csp = await actorFor(get(), 'rugby.csp');
    expect((await listPlans(get(), opcc)).map((p) => p.title)).toEqual([
      'Warwickshire Police and Crime Plan',
      'West Mercia Police and Crime Plan',
    ]);
    expect(await listPlanMappings(get(), opcc)).toHaveLength(1);
    expect(await listInspections(get(), opcc)).toHaveLength(4);
    expect(await listPlans(get(), csp)).toEqual([]);
    expect(await listInspections(get(), csp)).toEqual([]);
  });
});
