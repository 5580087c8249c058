import { describe, expect, it } from 'vitest';
import { buildPriorityMatrix, type MatrixEntry } from './matrix.js';

const partners = [
  { id: 'nb', label: 'Nuneaton and Bedworth' },
  { id: 'worcs', label: 'Worcestershire County' },
];
const entries: MatrixEntry[] = [
  { partnerId: 'nb', wording: 'Alcohol Related Harm', kind: 'priority', taxonomyIds: ['drugs-alcohol'] },
  {
    partnerId: 'nb',
    wording: 'Violent Crime (focusing on with / without injury / sexual offences)',
    kind: 'priority',
    taxonomyIds: ['violent-crime', 'sexual-violence'],
  },
  { partnerId: 'nb', wording: 'Emerging drug trends', kind: 'priority', taxonomyIds: ['drugs-alcohol'] },
  {
    partnerId: 'worcs',
    wording: 'Community Safety Agreement not produced until after 2016/17 Police and Crime Plan',
    kind: 'note',
    taxonomyIds: [],
  },
  {
    partnerId: 'worcs',
    wording: 'Community confidence / engagement',
    kind: 'priority',
    taxonomyIds: ['community-cohesion'],
  },
  { partnerId: 'elsewhere', wording: 'ASB', kind: 'priority', taxonomyIds: ['asb'] },
];

describe('the side-by-side priority matrix', () => {
  const m = buildPriorityMatrix(partners, entries);

  it('has the partners as columns in the order given, with notes kept out of the rows', () => {
    expect(m.columns.map((c) => [c.id, c.priorities, c.notes])).toEqual([
      ['nb', 3, []],
      ['worcs', 1, ['Community Safety Agreement not produced until after 2016/17 Police and Crime Plan']],
    ]);
  });

  it("has the taxonomy headings partners hold as rows, in taxonomy order, each cell the partner's own words", () => {
    expect(m.rows.map((r) => [r.taxonomyId, r.cells])).toEqual([
      ['violent-crime', [['Violent Crime (focusing on with / without injury / sexual offences)'], []]],
      ['sexual-violence', [['Violent Crime (focusing on with / without injury / sexual offences)'], []]],
      ['drugs-alcohol', [['Alcohol Related Harm', 'Emerging drug trends'], []]],
      ['community-cohesion', [[], ['Community confidence / engagement']]],
    ]);
    expect(m.rows[0]?.label).toBe('Violent crime');
  });

  it('shows every heading when asked, and ignores partners not in the columns', () => {
    const all = buildPriorityMatrix(partners, entries, { allRows: true });
    expect(all.rows.length).toBeGreaterThan(20);
    expect(all.rows.find((r) => r.taxonomyId === 'asb')?.cells).toEqual([[], []]);
  });
});
