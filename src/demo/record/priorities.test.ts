/**
 * THE seed check for partners' priorities: the demo data, entered through the register, gives a
 * matrix that matches the seed's own "2016-17 CSP Strategic Priorities" tables cell by cell. The
 * seed text is read in place (../shared/seed), its tab-separated table parsed around the heading,
 * and every non-empty cell must sit in the same partner column of the matrix and in one taxonomy
 * row shared by the whole seed row; every matrix cell must come from the seed. Skipped, saying
 * why, when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../../test/shared-data.js';
import {
  actorFor,
  createOrganisation,
  createUser,
  listOrganisations,
  openStore,
  priorityMatrix,
  type PriorityMatrixView,
  type Store,
} from '../../store/index.js';
import { DEMO_ALLIANCE, DEMO_ORGANISATIONS, DEMO_USERS } from './people.js';
import { loadDemoPriorities, storeDemoPriorities } from './priorities.js';

const SEED = path.resolve(sharedDataDir, '..', 'seed', '000_548dc7ecec1c537a.txt');

interface SeedTable {
  readonly headings: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** The tab-separated table after `heading`: the first line with tabs is the header, rows run to the first line without. */
function seedTable(text: string, heading: string): SeedTable {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.replace(/\*/g, '').trim() === heading);
  if (at < 0) throw new Error(`heading "${heading}" not in the seed`);
  const start = lines.findIndex((l, i) => i > at && l.includes('\t'));
  const end = lines.findIndex((l, i) => i > start && !l.includes('\t'));
  const [header, ...rows] = lines.slice(start, end).map((l) => l.split('\t').map((c) => c.trim()));
  if (header === undefined) throw new Error('no header');
  return { headings: header, rows: rows.map((r) => header.map((_, i) => r[i] ?? '')) };
}

const fold = (s: string) => s.toLowerCase().replace(/&/g, 'and');

/** Which taxonomy rows of the matrix hold `words` in column `col`. */
const rowsHolding = (m: PriorityMatrixView, col: number, words: string) =>
  m.rows.filter((r) => r.cells[col]?.includes(words)).map((r) => r.taxonomyId);

const describeWithSeed = existsSync(SEED) ? describe : describe.skip;

describeWithSeed(
  `the demo's partner priorities match the seed's CSP tables${existsSync(SEED) ? '' : ` (skipped: ${SEED} not found; the seed check needs ../shared/seed)`}`,
  () => {
    let store: Store;
    let text: string;
    beforeAll(async () => {
      text = readFileSync(SEED, 'utf8');
      store = await openStore();
      const [admin, analyst] = DEMO_USERS;
      for (const org of DEMO_ORGANISATIONS) await createOrganisation(store, null, org);
      await createUser(store, null, admin);
      await createUser(store, await actorFor(store, admin.username), analyst);
      await storeDemoPriorities(
        store,
        await actorFor(store, analyst.username),
        DEMO_ALLIANCE,
        await loadDemoPriorities(),
      );
    });
    afterAll(() => store.close());

    /** The matrix for the seed table's columns, each seed heading matched to the organisation whose name starts with it. */
    async function matrixFor(seed: SeedTable): Promise<PriorityMatrixView> {
      const orgs = await listOrganisations(store);
      const partnerIds = seed.headings.map((h) => {
        const org = orgs.find((o) => fold(o.name).startsWith(fold(h)));
        if (org === undefined) throw new Error(`no demo organisation for the seed column "${h}"`);
        return org.id;
      });
      const m = await priorityMatrix(store, await actorFor(store, 'r.patel'), { period: '2016/17', partnerIds });
      expect(m.columns.map((c) => c.id)).toEqual(partnerIds);
      return m;
    }

    /** Every seed cell in its column and the seed row's one taxonomy row; every matrix cell from the seed. Returns each seed row's taxonomy rows. */
    function compare(seed: SeedTable, m: PriorityMatrixView): string[][] {
      const groupings = seed.rows.map((row) => {
        let common: string[] | undefined;
        row.forEach((words, col) => {
          if (words === '') return;
          if (m.columns[col]?.notes.includes(words)) return;
          const holding: string[] = rowsHolding(m, col, words);
          expect(
            holding,
            `seed cell "${words}" (column ${seed.headings[col]}) is not in that column of the matrix`,
          ).not.toEqual([]);
          common = common === undefined ? holding : common.filter((id) => holding.includes(id));
        });
        expect(common, `the seed row "${row.join(' | ')}" is split across matrix rows`).not.toEqual([]);
        return common ?? [];
      });
      const seedCells = new Set(seed.rows.flatMap((row) => row.map((words, col) => `${col}\t${words}`)));
      const matrixCells = new Set(
        m.rows.flatMap((r) => r.cells.flatMap((cell, col) => cell.map((words) => `${col}\t${words}`))),
      );
      for (const c of matrixCells) expect(seedCells.has(c), `matrix cell "${c}" is not in the seed`).toBe(true);
      const seedPriorities = seed.rows.flatMap((row) =>
        row.filter((w, col) => w !== '' && !(m.columns[col]?.notes.includes(w) ?? false)),
      );
      expect(matrixCells.size).toBe(seedPriorities.length);
      expect(m.columns.reduce((n, c) => n + c.priorities, 0)).toBe(seedPriorities.length);
      return groupings;
    }

    it('Warwickshire CSP Priorities (& County level interests) 2016-17: the matrix matches the seed cell by cell', async () => {
      const seed = seedTable(text, '2016-17 CSP Strategic Priorities');
      expect(seed.headings).toEqual([
        'South Warwickshire',
        'North Warwickshire',
        'Nuneaton and Bedworth',
        'Rugby',
        'Warwickshire County',
      ]);
      expect(seed.rows).toHaveLength(18);
      const m = await matrixFor(seed);
      const groupings = compare(seed, m);
      expect(groupings.map((g) => g[0])).toEqual([
        'reoffending',
        'asb',
        'violent-crime',
        'domestic-abuse',
        'drugs-alcohol',
        'drugs-alcohol',
        'burglary',
        'burglary',
        'road-safety',
        'rural-crime',
        'business-crime',
        'cyber-crime',
        'hate-crime',
        'radicalisation',
        'family-focus',
        'community-cohesion',
        'serious-acquisitive-crime',
        'fire',
      ]);
      expect(m.columns.map((c) => [c.id, c.priorities, c.notes.length])).toEqual([
        ['csp-south-warwickshire', 5, 0],
        ['csp-north-warwickshire', 7, 0],
        ['csp-nuneaton-and-bedworth', 9, 0],
        ['csp-rugby', 7, 0],
        ['warwickshire-county', 13, 0],
      ]);
      // The Warwickshire County cell naming sexual violence also sits under that heading.
      expect(m.rows.find((r) => r.taxonomyId === 'sexual-violence')?.cells).toEqual([
        [],
        [],
        [],
        [],
        ['Violent Crime (focusing on sexual violence)'],
      ]);
    });

    it("West Mercia CSP Priorities 2016-17: the matrix matches the seed, with Worcestershire County's remark as a note", async () => {
      const lines = text.split(/\r?\n/);
      const from = lines.findIndex((l) => l.trim() === 'West Mercia CSP Priorities');
      const seed = seedTable(lines.slice(from).join('\n'), '2016-17 CSP Strategic Priorities');
      expect(seed.headings).toEqual([
        'Shropshire',
        'Herefordshire',
        'South Worcestershire',
        'North Worcestershire',
        'Worcestershire County',
        'Telford & Wrekin',
      ]);
      expect(seed.rows).toHaveLength(17);
      const m = await matrixFor(seed);
      compare(seed, m);
      const county = m.columns[4];
      expect(county?.notes).toEqual([
        'Community Safety Agreement not produced until after 2016/17 Police and Crime Plan',
      ]);
      expect(county?.priorities).toBe(1);
      expect(m.rows.filter((r) => (r.cells[4]?.length ?? 0) > 0).map((r) => [r.taxonomyId, r.cells[4]])).toEqual([
        ['community-cohesion', ['Community confidence / engagement']],
      ]);
    });
  },
);
