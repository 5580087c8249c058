/**
 * Analytics on a synthetic alliance where the truth is known: four financial years of street
 * crime with one planted rise (shoplifting in Rugby up 60% from April 2017) and one month missing
 * for West Mercia. The rise must be found, flat cells must rarely be flagged, and the gap must
 * make periods incomplete rather than read as zero crime.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAllianceDataset } from '../demo/alliance.js';
import { importInto, tempDir, tempWorkspace, withReader } from '../../test/temp-workspace.js';
import { parseFinancialYear, periodOf } from '../domain/crime/periods.js';
import type { Month } from '../domain/crime/month.js';
import { wdd } from '../domain/stats/wdd.js';
import { crimeStats } from '../warehouse/stats.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import { compareTrends } from './trend-comparison.js';
import { periodCounts } from './period-counts.js';
import { performanceSnapshot } from './snapshot.js';
import { monthlySeries } from './series.js';
import { harmBreakdown, harmConcentrationByLsoa } from './harm-breakdown.js';
import { whatWorks } from './what-works.js';
import { categoryWeights } from './weights.js';

let ws: WorkspacePaths;
const fy = (s: string) => parseFinancialYear(s)!;
const m = (s: string) => s as Month;

beforeAll(async () => {
  const dir = await tempDir('stra-gen-', 'file');
  await generateAllianceDataset({
    outDir: dir,
    seed: 2024,
    from: '2014-04',
    to: '2018-03',
    kinds: ['street'],
    plantStep: { force: 'warwickshire', district: 'Rugby', category: 'shoplifting', fromMonth: '2017-04', factor: 1.6 },
  });
  await rm(path.join(dir, '2016-08', '2016-08-west-mercia-street.csv')); // a month police.uk never published
  ws = await tempWorkspace('file');
  await importInto(ws, [dir]);
}, 120_000);

describe('counts by period', () => {
  it('agree with the plain counts, and mark periods with a missing month incomplete', async () => {
    const periods = [fy('2016/17'), fy('2017/18')];
    const r = await withReader(ws, (wh) => periodCounts(wh, { areas: ['force'], byCategory: false, periods }));
    expect(r.count('west-mercia', '2016/17').complete).toBe(false);
    expect(r.count('west-mercia', '2017/18').complete).toBe(true);
    expect(r.count('warwickshire', '2016/17').complete).toBe(true);
    expect(r.missing).toEqual([{ force: 'west-mercia', month: '2016-08' }]);
    const plain = await withReader(ws, (wh) =>
      crimeStats(wh, { by: [], forces: ['warwickshire'], from: m('2017-04'), to: m('2018-03') }),
    );
    expect(r.count('warwickshire', '2017/18').count).toBe(plain.total);
  });

  it('label quarters and rolling years, and total the same crimes', async () => {
    const quarters = ['2017-Q2', '2017-Q3', '2017-Q4', '2018-Q1'].map((q) =>
      periodOf(m(`${q.slice(0, 4)}-${String((Number(q.at(-1)) - 1) * 3 + 1).padStart(2, '0')}`), 'quarter'),
    );
    const r = await withReader(ws, (wh) =>
      periodCounts(wh, {
        areas: [],
        byCategory: false,
        forces: ['warwickshire'],
        periods: [...quarters, periodOf(m('2018-03'), 'rolling-12')],
      }),
    );
    const sumQuarters = quarters.reduce((a, q) => a + r.count('all', q.label).count, 0);
    expect(r.count('all', '12 months to 2018-03').count).toBe(sumQuarters);
  });
});

describe('trend comparison', () => {
  it('finds the planted rise against last year and against the 3-year average', async () => {
    const report = await withReader(ws, (wh) =>
      compareTrends(wh, { areas: ['district'], byCategory: true, period: fy('2017/18'), forces: ['warwickshire'] }),
    );
    const planted = report.rows.find((r) => r.cell.area.district === 'Rugby' && r.cell.category === 'shoplifting')!;
    expect(planted.lastYear.flag).toBe('significantly-above');
    expect(planted.average.flag).toBe('significantly-above');
    expect(planted.lastYear.percentChange!).toBeGreaterThan(35);
    expect(planted.lastYear.qValue!).toBeLessThan(0.05);
    // Every other cell is flat apart from seasonality, trend and noise: few may be flagged.
    const others = report.rows.filter((r) => r !== planted && r.count !== null && r.count > 0);
    const flagged = others.filter((r) => r.lastYear.flag.startsWith('significantly'));
    expect(flagged.length / others.length).toBeLessThan(0.15);
  });

  it('says insufficient data, not a flag, where a period has a month missing', async () => {
    const report = await withReader(ws, (wh) =>
      compareTrends(wh, { areas: ['force'], byCategory: false, period: fy('2017/18') }),
    );
    const wm = report.rows.find((r) => r.cell.area.force === 'west-mercia')!;
    expect(wm.lastYear.flag).toBe('insufficient-data'); // 2016/17 lacks August 2016
    expect(wm.lastYear.against).toBeNull();
    expect(wm.average.flag).toBe('insufficient-data');
    const wa = report.rows.find((r) => r.cell.area.force === 'warwickshire')!;
    expect(wa.lastYear.flag).not.toBe('insufficient-data');
    expect(wa.average.periods).toEqual(['2014/15', '2015/16', '2016/17']);
  });
});

describe('performance snapshot', () => {
  it("gives each crime type's change, share and harm share, and says which to report on and why", async () => {
    const snap = await withReader(ws, (wh) =>
      performanceSnapshot(wh, {
        period: fy('2017/18'),
        where: { district: 'Rugby' },
        forces: ['warwickshire'],
        weights: categoryWeights('cchi-median'),
      }),
    );
    expect(snap.rows.map((r) => r.category)).not.toContain('anti-social-behaviour');
    expect(snap.rows.reduce((a, r) => a + r.count!, 0)).toBe(snap.total);
    expect(snap.rows.reduce((a, r) => a + r.share!, 0)).toBeCloseTo(1, 10);
    const shop = snap.rows.find((r) => r.category === 'shoplifting')!;
    expect(shop.reportBecause.some((b) => b.startsWith('significant rise on 2016/17'))).toBe(true);
    const violence = snap.rows.find((r) => r.category === 'violent-crime')!;
    expect(violence.reportBecause.some((b) => b.endsWith('of all harm'))).toBe(true);
  });
});

describe('monthly series', () => {
  it('leaves a missing month as a gap and starts its limits after it', async () => {
    const s = await withReader(ws, (wh) =>
      monthlySeries(wh, { from: m('2016-01'), to: m('2018-03'), forces: ['west-mercia'] }),
    );
    const gap = s.points.find((p) => p.month === '2016-08')!;
    expect(gap).toMatchObject({ count: null, flag: 'no-data' });
    expect(s.points.filter((p) => p.flag === 'within' || p.flag === 'above' || p.flag === 'below')).toHaveLength(0); // no 3 unbroken years after the gap yet
    const full = await withReader(ws, (wh) =>
      monthlySeries(wh, { from: m('2017-04'), to: m('2018-03'), forces: ['warwickshire'] }),
    );
    expect(full.points.every((p) => p.expected !== null && p.lower! <= p.expected! && p.expected! <= p.upper!)).toBe(
      true,
    );
  });
});

describe('harm beside volume', () => {
  it('weights each category, leaves anti-social behaviour unweighted, and ranks both ways', async () => {
    const weights = categoryWeights('cchi-median');
    const span = { label: '2017/18', first: m('2017-04'), last: m('2018-03') };
    const b = await withReader(ws, (wh) =>
      harmBreakdown(wh, { areas: [], byCategory: true, span, weights, forces: ['warwickshire'] }),
    );
    for (const c of b.cells) {
      const w = weights.weights.get(c.category!)!.weight;
      if (w === null) expect(c).toMatchObject({ category: 'anti-social-behaviour', harm: 0, unweighted: c.volume });
      else expect(c.harm).toBeCloseTo(c.volume * w, 6);
    }
    expect(b.note).toMatch(/have no published harm weight/);
    const top = b.ranking[0]!;
    expect(top.key).toBe('violent-crime');
    expect(b.ranking.find((r) => r.key === 'anti-social-behaviour')!.harmRank).toBeNull();
    const conc = await withReader(ws, (wh) => harmConcentrationByLsoa(wh, { span, weights, forces: ['warwickshire'] }));
    expect(conc.areaCount).toBe(339);
    expect(conc.tiers[0]!.share!).toBeGreaterThan(0.05); // harm is concentrated: the top 5% hold more than 5%
  });
});

describe('what works', () => {
  it('takes WDD counts from the warehouse exactly as the plain counts give them', async () => {
    const q = {
      target: { district: 'Rugby' },
      control: { district: 'Warwick' },
      before: { from: m('2016-10'), to: m('2017-03') },
      after: { from: m('2017-04'), to: m('2017-09') },
      categories: ['shoplifting'],
    };
    const r = await withReader(ws, (wh) => whatWorks(wh, q));
    const count = async (district: string, from: string, to: string) =>
      (
        await withReader(ws, (wh) =>
          crimeStats(wh, { by: ['district'], categories: ['shoplifting'], from: m(from), to: m(to) }),
        )
      ).rows.find((x) => x.district === district)!.count as number;
    expect(r.counts.target).toEqual({
      before: await count('Rugby', '2016-10', '2017-03'),
      after: await count('Rugby', '2017-04', '2017-09'),
    });
    expect(r.wdd).toEqual(wdd({ target: r.counts.target!, control: r.counts.control!, confidenceLevel: 0.95 }));
    // The planted rise is in the target: the WDD is positive (crime rose relative to the control).
    expect(r.wdd.status === 'ok' && r.wdd.total.estimate).toBeGreaterThan(0);
  });
});

describe('harm beside every breakdown', () => {
  it("puts each cell's harm (count x category weight) next to its count", async () => {
    const weights = categoryWeights('cchi-median');
    const report = await withReader(ws, (wh) =>
      compareTrends(wh, {
        areas: ['district'],
        byCategory: true,
        period: fy('2017/18'),
        forces: ['warwickshire'],
        weights,
      }),
    );
    for (const r of report.rows.slice(0, 20)) {
      const w = weights.weights.get(r.cell.category!)!.weight;
      expect(r.harm).toBeCloseTo(w === null ? 0 : r.count! * w, 6);
    }
    const byDistrict = await withReader(ws, (wh) =>
      compareTrends(wh, {
        areas: ['district'],
        byCategory: false,
        period: fy('2017/18'),
        forces: ['warwickshire'],
        weights,
      }),
    );
    const rugby = report.rows.filter((r) => r.cell.area.district === 'Rugby').reduce((a, r) => a + r.harm!, 0);
    expect(byDistrict.rows.find((r) => r.cell.area.district === 'Rugby')!.harm).toBeCloseTo(rugby, 6);
  });
});
