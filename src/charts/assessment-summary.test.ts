import { describe, expect, it } from 'vitest';
import { assessmentSummaryChart, numberedLegend, spreadApart, type SummaryPointInput } from './assessment-summary.js';

const points: SummaryPointInput[] = [
  { number: 1, name: 'CSP', now: { x: 0.75, y: 0.25 }, previous: { x: 0.75, y: 0.25 }, moved: false },
  { number: 2, name: 'Cyber', now: { x: 1, y: 0.57 }, previous: { x: 0.5, y: 0.3 }, moved: true },
  { number: 3, name: 'CSE', now: { x: 1, y: 0.57 }, previous: null, moved: false },
  { number: 4, name: 'Pipeline incursion', now: null, previous: { x: 0.25, y: 0.1 }, moved: false },
];

const series = (option: Record<string, unknown>) =>
  option['series'] as Array<{
    name: string;
    data: Array<{ name: string; value: number[] }>;
    markLine?: { data: unknown[] };
  }>;

describe('the assessment summary chart', () => {
  const option = assessmentSummaryChart(points, {
    title: 'Assessment summary',
    thisYear: '2017/18',
    lastYear: '2016/17',
  });
  const [last, now] = series(option);

  it('draws this year for every current threat and last year only where it moved or was removed', () => {
    expect(now?.name).toBe('This year (2017/18)');
    expect(now?.data.map((d) => d.value[2])).toEqual([1, 2, 3]);
    expect(last?.name).toBe('Last year (2016/17)');
    expect(last?.data.map((d) => d.value[2])).toEqual([2, 4]);
    expect(now?.data[1]?.name).toBe('2. Cyber');
  });

  it('draws one arrow, for the threat that moved, pointing from last year towards this year', () => {
    const arrows = now?.markLine?.data as Array<[{ coord: number[] }, { coord: number[] }]>;
    expect(arrows).toHaveLength(1);
    const [from, to] = arrows[0]!;
    expect(to.coord[0]!).toBeGreaterThan(from.coord[0]!);
    expect(to.coord[1]!).toBeGreaterThan(from.coord[1]!);
  });

  it('keeps threats that share a place from covering each other', () => {
    const [a, b] = [now?.data[1]?.value, now?.data[2]?.value] as [number[], number[]];
    const px = Math.hypot((a[0]! - b[0]!) * 560, (a[1]! - b[1]!) * 420);
    expect(px).toBeGreaterThanOrEqual(25.9);
    expect(Math.abs(a[0]! - 1) + Math.abs(b[0]! - 1)).toBeLessThan(0.1);
  });

  it('gives both axes a scale on the model range, with the key one entry a line so entries cannot overlap', () => {
    const x = option['xAxis'] as { axisLabel: { customValues: number[]; formatter: (v: number) => string } };
    expect(x.axisLabel.customValues.map(x.axisLabel.formatter)).toEqual([
      '0 (lowest)',
      '0.25',
      '0.5',
      '0.75',
      '1 (highest)',
    ]);
    expect((option['legend'] as { orient: string }).orient).toBe('vertical');
  });

  it('draws each priority band as a dashed line named where it enters the plot, outside the key', () => {
    const withBands = assessmentSummaryChart(points, {
      title: '',
      thisYear: '2017/18',
      lastYear: '2016/17',
      bands: [
        {
          label: 'Priority',
          points: [
            [0.7, 1],
            [0.85, 0.82],
            [1, 0.7],
          ],
        },
        {
          label: 'Intelligence requirement',
          points: [
            [0.13, 1],
            [1, 0.3],
          ],
        },
      ],
    });
    const lines = (withBands['series'] as Array<Record<string, unknown>>).filter((s) =>
      /threshold$/.test(String(s['name'])),
    );
    expect(lines.map((l) => l['name'])).toEqual(['Priority threshold', 'Intelligence requirement threshold']);
    const first = (lines[0]!['data'] as Array<{ value: number[]; label: { show: boolean; formatter: string } }>)[0]!;
    expect(first.value).toEqual([0.7, 1]);
    expect(first.label).toMatchObject({ show: true, formatter: 'Priority' });
    expect((lines[0]!['lineStyle'] as { type: string }).type).toBe('dashed');
    expect((withBands['legend'] as { data: string[] }).data).not.toContain('Priority threshold');
  });

  it('keeps a long threat name whole in a one-column legend', () => {
    const long = numberedLegend([{ ...points[0]!, number: 11, name: 'Performance/demand management' }]);
    expect(long).toEqual([['11. Performance/demand management']]);
  });

  it('prints the numbered legend in the chart, marking removed threats', () => {
    const titles = option['title'] as Array<{ subtext?: string }>;
    expect(titles[1]?.subtext).toBe('1. CSP\n2. Cyber\n3. CSE\n4. Pipeline incursion (removed)');
  });
});

describe('spreading circles apart', () => {
  it('separates many coincident circles deterministically', () => {
    const same = Array.from({ length: 8 }, (_, i) => ({ key: String(i), x: 100, y: 100 }));
    const a = spreadApart(same, 26, { width: 500, height: 400 });
    const b = spreadApart(same, 26, { width: 500, height: 400 });
    expect([...a.values()]).toEqual([...b.values()]);
    const placed = [...a.values()];
    for (let i = 0; i < placed.length; i += 1) {
      for (let j = i + 1; j < placed.length; j += 1)
        expect(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y)).toBeGreaterThanOrEqual(25.9);
    }
  });

  it('splits a long legend into two columns', () => {
    const many = Array.from({ length: 40 }, (_, i): SummaryPointInput => ({
      number: i + 1,
      name: `Threat with a rather long name ${i + 1}`,
      now: { x: 0, y: 0 },
      previous: null,
      moved: false,
    }));
    const columns = numberedLegend(many);
    // Each long name wraps onto an indented second line, whole: 20 entries of 2 lines a column.
    expect(columns.map((c) => c.length)).toEqual([40, 40]);
    expect(columns[0]?.slice(0, 2)).toEqual(['1. Threat with a rather', '   long name 1']);
    expect(columns[1]?.slice(0, 2)).toEqual(['21. Threat with a rather', '    long name 21']);
    expect(numberedLegend([{ ...many[0]!, number: 19, name: 'Environmental scanning/combined authority' }])).toEqual([
      ['19. Environmental scanning/combined', '    authority'],
    ]);
  });
});
