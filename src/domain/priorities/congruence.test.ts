import { describe, expect, it } from 'vitest';
import { alliancePriorities, congruence } from './congruence.js';

describe('congruence of a partner with the alliance priorities', () => {
  it('splits a small known case into shared, lacking and extra, with coverage and Jaccard worked by hand', () => {
    // Alliance {CSE, cyber, domestic abuse}; partner {ASB, domestic abuse, cyber}.
    const c = congruence(['cse', 'cyber-crime', 'domestic-abuse'], ['asb', 'domestic-abuse', 'cyber-crime']);
    expect(c.shared).toEqual(['domestic-abuse', 'cyber-crime']);
    expect(c.lacking).toEqual(['cse']);
    expect(c.extra).toEqual(['asb']);
    expect(c.coverage).toBeCloseTo(2 / 3, 12); // 2 of the alliance's 3
    expect(c.jaccard).toBe(0.5); // 2 shared of 4 in the union
  });

  it('does not mark a partner down for local priorities (coverage), while Jaccard does', () => {
    const c = congruence(['cse', 'cyber-crime'], ['cse', 'cyber-crime', 'asb', 'road-safety']);
    expect(c.coverage).toBe(1);
    expect(c.jaccard).toBe(0.5);
  });

  it('scores nothing to compare as null, and a partner with no priorities as 0', () => {
    expect(congruence([], ['asb'])).toMatchObject({
      shared: [],
      lacking: [],
      extra: ['asb'],
      coverage: null,
      jaccard: 0,
    });
    expect(congruence([], [])).toMatchObject({ coverage: null, jaccard: null });
    expect(congruence(['cse'], [])).toMatchObject({ lacking: ['cse'], coverage: 0, jaccard: 0 });
  });

  it('puts the alliance Control Strategy themes on the taxonomy, reporting internal themes as unmapped', () => {
    const a = alliancePriorities([
      'CSE',
      'Cyber',
      'KSI',
      'Domestic Abuse',
      'OCG',
      'Rape/sexual assault',
      'Performance/demand management',
    ]);
    expect(a.taxonomyIds).toEqual([
      'sexual-violence',
      'domestic-abuse',
      'road-safety',
      'cyber-crime',
      'cse',
      'serious-organised-crime',
    ]);
    expect(a.unmapped).toEqual(['Performance/demand management']);
    expect(a.themes[2]).toEqual({ theme: 'KSI', taxonomyIds: ['road-safety'] });
    // Warwickshire County's 2016/17 headings against that strategy, worked by hand: 4 of 6 shared.
    const county = congruence(a.taxonomyIds, [
      'reoffending',
      'asb',
      'violent-crime',
      'sexual-violence',
      'domestic-abuse',
      'drugs-alcohol',
      'road-safety',
      'rural-crime',
      'business-crime',
      'cyber-crime',
      'hate-crime',
      'radicalisation',
      'family-focus',
      'community-cohesion',
    ]);
    expect(county.shared).toEqual(['sexual-violence', 'domestic-abuse', 'road-safety', 'cyber-crime']);
    expect(county.lacking).toEqual(['cse', 'serious-organised-crime']);
    expect(county.extra).toHaveLength(10);
    expect(county.coverage).toBeCloseTo(4 / 6, 12);
    expect(county.jaccard).toBe(4 / 16);
  });
});
