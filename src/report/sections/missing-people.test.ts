/**
 * The missing-people figures of "Other considerations" on hand-made episodes: episodes, people,
 * children and looked-after children, the high-risk share, repeat missing people (3 in 90 days)
 * and care homes ranked, placed under the analyst's "Missing people" heading; nothing, and a line
 * in the build log, when no episodes are held.
 */
import { describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace, withReader, writeInput } from '../../../test/temp-workspace.js';
import { resolveMapping } from '../../demand/mapping/resolve-mapping.js';
import { pseudonymiser } from '../../demand/missing/pseudonymiser.js';
import type { Period } from '../../domain/crime/periods.js';
import { importDemandFile } from '../../warehouse/demand/import-demand.js';
import { Anchors } from '../context.js';
import { Footnotes } from '../footnotes.js';
import { para, text, type Block, type TableBlock } from '../model.js';
import { missingPeopleBlocks, withMissingPeople } from './missing-people.js';

const MARCH = { kind: 'financial-year', label: 'March 2018', first: '2018-03', last: '2018-03' } as unknown as Period;
const forces = [
  { id: 'warwickshire', name: 'Warwickshire Police' },
  { id: 'west-mercia', name: 'West Mercia Police' },
];
const HEADER =
  'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa';

const log = () => {
  const entries: string[] = [];
  return {
    entries,
    figure: (s: string) => (entries.push(`figure ${s}`), 'missing-id'),
    omitted: (s: string, d: string) => void entries.push(`omitted ${s}: ${d}`),
  };
};

async function world(withEpisodes: boolean) {
  const ws = await tempWorkspace();
  if (!withEpisodes) return ws;
  const dir = await tempDir();
  const day = (d: number) => `2018-03-${String(d).padStart(2, '0')}T20:00:00`;
  const episodes = [
    // Child C1, looked after, missing 4 times from care home CH-1: a repeat missing person, 2 high risk.
    ...[1, 5, 9, 13].map(
      (d, k) => `A${k},C1,${day(d)},${day(d + 1)},${k < 2 ? 'high' : 'medium'},14,Y,care-home,CH-1,E01031036,`,
    ),
    // Child C2, looked after, twice from CH-2.
    `B0,C2,${day(2)},${day(3)},medium,15,Y,care-home,CH-2,E01031037,`,
    `B1,C2,${day(20)},${day(21)},low,15,Y,care-home,CH-2,E01031037,`,
    // Adult A1, once from home, high risk; adult A2 once from home.
    `D0,A1,${day(7)},${day(8)},high,40,N,home,,,`,
    `D1,A2,${day(8)},${day(9)},low,35,N,home,,,`,
  ];
  await importDemandFile(ws, {
    force: 'warwickshire',
    user: 't',
    threads: 1,
    memoryLimit: '512MB',
    file: await writeInput(dir, 'missing.csv', [HEADER, ...episodes].join('\n')),
    mapping: await resolveMapping('openstra-missing'),
    pseudonymiser: pseudonymiser('x'.repeat(32)),
  });
  return ws;
}

const texts = (t: TableBlock) =>
  t.rows.map((r) => r.map((c) => c.runs.map((x) => ('text' in x ? x.text : '')).join('')));
const ctx = (wh: Parameters<Parameters<typeof withReader>[1]>[0]) => ({
  warehouse: wh,
  dataPeriod: MARCH,
  forces,
  anchors: new Anchors(),
  footnotes: new Footnotes(),
});

describe('missing people in the document', () => {
  it('gives episodes, children, looked after, high risk, repeats and care homes ranked, from the episodes held', async () => {
    const ws = await world(true);
    const l = log();
    const blocks = await withReader(ws, (wh) => missingPeopleBlocks(ctx(wh), l));
    const tables = blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables.map((t) => t.caption)).toEqual([
      'Missing people, March 2018',
      'Care homes people went missing from most often, March 2018',
    ]);
    // Force, episodes, people, children %, looked after % of children's, high risk %, repeat people, their %, median hours.
    expect(texts(tables[0]!)).toEqual([
      ['Warwickshire Police', '8', '4', '75.0%', '100.0%', '37.5%', '1', '50.0%', '24.0'],
    ]);
    expect(texts(tables[1]!)).toEqual([
      ['Warwickshire Police'],
      ['CH-1', 'E01031036', '4', '1', '1', '2', '24.0'],
      ['CH-2', 'E01031037', '2', '1', '0', '0', '24.0'],
    ]);
    // Every table traced to the one build-log entry; West Mercia, with no episodes, is named.
    expect(tables.every((t) => t.trace === 'missing-id')).toBe(true);
    expect(l.entries).toEqual(['figure Tables: missing people and the care homes they go missing from']);
    expect(JSON.stringify(blocks)).toContain('No episodes of West Mercia Police are held.');
    expect(JSON.stringify(blocks)).toContain(
      'Warwickshire Police recorded 8 missing-person episodes in March 2018, of 4 people; 75.0% were of children, and 100.0% of the children',
    );
    expect(JSON.stringify(blocks)).toContain('1 person went missing 3 or more times within 90 days');
  }, 60_000);

  it('gives nothing and says so in the build log when no episodes are held', async () => {
    const ws = await world(false);
    const l = log();
    const blocks = await withReader(ws, (wh) => missingPeopleBlocks(ctx(wh), l));
    expect(blocks).toEqual([]);
    expect(l.entries).toEqual([
      expect.stringMatching(
        /^omitted Missing people: figures: no missing-person episodes of Warwickshire Police and West Mercia Police are held for March 2018/,
      ),
    ]);
  }, 60_000);

  it("places the figures under the analyst's Missing people heading, before the next heading", () => {
    const h = (t: string): Block => ({ kind: 'heading', level: 2, text: t, id: t });
    const words = [h('Rural crime'), para(text('r')), h('Missing people'), para(text('m')), h('HS2'), para(text('x'))];
    const figures = [para(text('figures'))];
    const own = () => h('Missing people (own)');
    const placed = (w: Block[]) =>
      withMissingPeople(w, figures, own).map((b) =>
        b.kind === 'heading' ? b.text : b.kind === 'paragraph' ? (b.runs[0] as { text: string }).text : b.kind,
      );
    expect(placed(words)).toEqual(['Rural crime', 'r', 'Missing people', 'm', 'figures', 'HS2', 'x']);
    expect(placed(words.slice(0, 2))).toEqual(['Rural crime', 'r', 'Missing people (own)', 'figures']);
    expect(withMissingPeople(words, [], own)).toEqual(words);
  });
});
