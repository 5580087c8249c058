import { describe, expect, it } from 'vitest';
import { comparePlans, countComparison, invertLinks, type ComparisonGroup, type PlanContents } from './compare.js';

// Plan A: themes 1 "Victims" (objectives 11-13), 2 "Reform" (21); plan B: themes 5 "Victims first" (51-54), 6 "Efficiency" (61), 7 "Rural" (71).
const A: PlanContents = {
  themes: [
    { id: 1, name: 'Victims' },
    { id: 2, name: 'Reform' },
  ],
  objectives: [
    { id: 11, themeId: 1, text: 'Publish Victims Charter' },
    { id: 12, themeId: 1, text: 'Launch a Victims Board' },
    { id: 13, themeId: 1, text: 'Improve satisfaction' },
    { id: 21, themeId: 2, text: 'Best use of technology' },
  ],
};
const B: PlanContents = {
  themes: [
    { id: 5, name: 'Victims first' },
    { id: 6, name: 'Efficiency' },
    { id: 7, name: 'Rural' },
  ],
  objectives: [
    { id: 51, themeId: 5, text: 'Publish Victims Charter' },
    { id: 52, themeId: 5, text: 'Survey victims' },
    { id: 53, themeId: 5, text: 'Improve satisfaction' },
    { id: 54, themeId: 5, text: 'Monitor restorative justice' },
    { id: 61, themeId: 6, text: 'Technology fit for purpose' },
    { id: 71, themeId: 7, text: 'Fairer funding' },
  ],
};
const LINKS = {
  themeLinks: [
    { themeA: 1, themeB: 5 },
    { themeA: 2, themeB: 6 },
  ],
  pairs: [
    { objectiveA: 11, objectiveB: 51 },
    { objectiveA: 13, objectiveB: 53 },
    { objectiveA: 21, objectiveB: 61 },
  ],
};

const texts = (groups: readonly ComparisonGroup[]) =>
  groups.map((g) => [g.themeA, g.themeB, g.rows.map((r) => [r.a?.text ?? '', r.b?.text ?? ''])]);

describe('comparing two plans', () => {
  it("pairs objectives under linked themes and shows unpaired ones alone, in both plans' order", () => {
    expect(texts(comparePlans(A, B, LINKS))).toEqual([
      [
        'Victims',
        'Victims first',
        [
          ['Publish Victims Charter', 'Publish Victims Charter'],
          ['Launch a Victims Board', ''],
          ['', 'Survey victims'],
          ['Improve satisfaction', 'Improve satisfaction'],
          ['', 'Monitor restorative justice'],
        ],
      ],
      ['Reform', 'Efficiency', [['Best use of technology', 'Technology fit for purpose']]],
      [null, 'Rural', [['', 'Fairer funding']]],
    ]);
    expect(countComparison(comparePlans(A, B, LINKS))).toEqual({ pairs: 3, onlyA: 1, onlyB: 3 });
  });

  it('shows every objective alone, theme by theme, when there is no mapping', () => {
    const groups = comparePlans(A, B, { themeLinks: [], pairs: [] });
    expect(groups.map((g) => [g.themeA, g.themeB, g.rows.length])).toEqual([
      ['Victims', null, 3],
      ['Reform', null, 1],
      [null, 'Victims first', 4],
      [null, 'Efficiency', 1],
      [null, 'Rural', 1],
    ]);
    expect(countComparison(groups)).toEqual({ pairs: 0, onlyA: 4, onlyB: 6 });
  });

  it('shows a pair across unlinked themes once, in the group of its plan A objective', () => {
    const groups = comparePlans(A, B, { themeLinks: LINKS.themeLinks, pairs: [{ objectiveA: 12, objectiveB: 71 }] });
    const victims = groups[0]?.rows.map((r) => [r.a?.id ?? null, r.b?.id ?? null]);
    expect(victims).toEqual([
      [11, null],
      [12, 71],
      [13, null],
      [null, 51],
      [null, 52],
      [null, 53],
      [null, 54],
    ]);
    expect(groups.find((g) => g.themeB === 'Rural')?.rows).toEqual([]);
    expect(groups.flatMap((g) => g.rows).filter((r) => r.b?.id === 71)).toHaveLength(1);
  });

  it("reads the same mapping from the other plan's side", () => {
    const groups = comparePlans(B, A, invertLinks(LINKS));
    expect(texts(groups)[0]).toEqual([
      'Victims first',
      'Victims',
      [
        ['Publish Victims Charter', 'Publish Victims Charter'],
        ['Survey victims', ''],
        ['', 'Launch a Victims Board'],
        ['Improve satisfaction', 'Improve satisfaction'],
        ['Monitor restorative justice', ''],
      ],
    ]);
    expect(countComparison(groups)).toEqual({ pairs: 3, onlyA: 3, onlyB: 1 });
  });

  it('ignores links to objectives or themes that are not in the plans given', () => {
    const groups = comparePlans(A, B, {
      themeLinks: [{ themeA: 1, themeB: 99 }],
      pairs: [{ objectiveA: 11, objectiveB: 999 }],
    });
    expect(countComparison(groups)).toEqual({ pairs: 0, onlyA: 4, onlyB: 6 });
    expect(groups[0]?.themeB).toBeNull();
  });
});
