/**
 * The demo system of record: the seed's 24 threats in two years, two assessors each, the
 * 2016/17 control strategy approved and 2017/18 derived from the bands, with the markings
 * showing (an OFFICIAL analyst and a CSP partner see less).
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import {
  actorFor,
  combinedView,
  controlStrategy,
  directionOfTravelFor,
  getRecommendation,
  listRecommendations,
  listScores,
  listThreats,
} from '../../store/index.js';
import { seedDemoStore, type DemoSummary } from './seed.js';

describeEachDialect('demo store', (get) => {
  let summary: DemoSummary;
  beforeAll(async () => {
    summary = await seedDemoStore(get());
  }, 180_000);

  it('holds both years of the alliance assessment', async () => {
    expect(summary.assessments.map((a) => [a.period, a.versionLabel, a.status])).toEqual([
      ['2016/17', 'V19.0 final', 'approved'],
      ['2017/18', 'V16 - Final', 'under_review'],
    ]);
    expect(summary).toMatchObject({ threats: 24, scores: 96, organisations: 16 });
    // Each score belongs to a demo user, by username (issue 14), both cleared to see every threat.
    const scores = await listScores(get(), await actorFor(get(), 'admin'), {});
    expect([...new Set(scores.map((s) => s.assessor))].sort()).toEqual(['r.patel', 's.okafor']);
    expect(summary.users).toContain('s.okafor');
    await expect(seedDemoStore(get())).rejects.toThrow('The demo needs an empty store');
  });

  it('derives the 2017/18 control strategy from the bands, as the seed sets its priorities', async () => {
    const analyst = await actorFor(get(), 'r.patel');
    const now = summary.assessments[1]?.id ?? 0;
    const cs = await controlStrategy(get(), analyst, now);
    expect(cs.status).toBe('draft');
    expect(cs.marking).toBe('OFFICIAL-SENSITIVE');
    expect(cs.strategy.priorities.map((e) => e.name).sort()).toEqual([
      'CSE',
      'Cyber',
      'Domestic Abuse',
      'Modern slavery and human trafficking',
      'OCG',
      'Rape/sexual assault',
    ]);
    expect(cs.strategy.intelligenceRequirements.map((e) => e.name)).toEqual(
      expect.arrayContaining(['FGM', 'FNO', 'Radicalisation', 'Modern slavery and human trafficking']),
    );
    const last = await controlStrategy(get(), analyst, summary.assessments[0]?.id ?? 0);
    expect(last).toMatchObject({ status: 'approved', approvedBy: 'acc.morgan' });
    const view = await combinedView(get(), analyst, now);
    expect(view.entries.find((e) => e.name === 'Cyber')?.disagreements.map((d) => d.factor)).toEqual(['financial']);
    const travel = await directionOfTravelFor(get(), analyst, now);
    const label = (name: string) => travel.directions.find((d) => d.name === name)?.label;
    expect([label('Modern slavery and human trafficking'), label('KSI'), label('Risk')]).toEqual([
      'up',
      'down',
      'static',
    ]);
  });

  it('shows the marking rules: an OFFICIAL analyst and a CSP partner see less', async () => {
    const now = summary.assessments[1]?.id ?? 0;
    const official = await listThreats(get(), await actorFor(get(), 'k.hughes'), { assessmentId: now });
    expect(official).toHaveLength(20);
    expect(official.map((t) => t.name)).not.toContain('OCG');
    const csp = await actorFor(get(), 'rugby.csp');
    expect((await listThreats(get(), csp)).map((t) => t.name).sort()).toEqual([
      'CSP',
      'CSP',
      'Domestic Abuse',
      'Domestic Abuse',
      'KSI',
      'KSI',
      'Under reported Hate Crime',
      'Under reported Hate Crime',
    ]);
    expect((await listScores(get(), csp, { assessmentId: now })).length).toBe(8);
    await expect(controlStrategy(get(), await actorFor(get(), 'k.hughes'), now)).rejects.toThrow(
      'There is no control strategy for assessment',
    );
  });

  it("holds the seed's Section 3 recommendations and carries the open ones into 2017/18", async () => {
    const analyst = await actorFor(get(), 'r.patel');
    const [last, now] = summary.assessments.map((a) => a.id);
    expect(summary).toMatchObject({ recommendations: 25, carriedRecommendations: 22 });
    const made = await listRecommendations(get(), analyst, { assessmentId: last });
    expect(made.filter((r) => r.number !== null).map((r) => r.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '21',
    ]);
    expect(made.filter((r) => r.status === 'complete').map((r) => r.number)).toEqual(['14', '16', '19']);
    const carried = await listRecommendations(get(), analyst, { assessmentId: now });
    expect(carried.map((r) => r.number)).not.toContain('16');
    const fifteen = carried.find((r) => r.number === '15');
    expect(fifteen).toMatchObject({ theme: 'Modern Slavery and Human Trafficking', status: 'agreed' });
    const withHistory = await getRecommendation(get(), analyst, fifteen?.id ?? 0);
    expect(withHistory.updates.map((u) => [u.dated, u.recommendationId])).toEqual([
      ['2017-04-09', fifteen?.carriedFrom],
    ]);
    expect(withHistory.updates[0]?.text).toContain('supports MS and HT becoming an alliance priority');
  });
});
