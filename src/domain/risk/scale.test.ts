import { describe, expect, it } from 'vitest';
import { checkLevel, levelName, riskScale } from './scale.js';
import { maximumScore, riskScore } from './score.js';

describe('risk scale', () => {
  it('is 5x5 by default, with likelihood and harm/impact labels lowest first', () => {
    const s = riskScale();
    expect(s.size).toBe(5);
    expect(s.likelihoodLabels).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(s.impactLabels).toEqual(['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']);
    expect(levelName(s.likelihoodLabels, 4)).toBe('4 Likely');
  });

  it('takes another size, numbering the levels where it has no usual wording', () => {
    expect(riskScale(3).impactLabels).toEqual(['Low', 'Medium', 'High']);
    expect(riskScale(6).likelihoodLabels).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(levelName(riskScale(6).likelihoodLabels, 2)).toBe('2');
  });

  it("takes the register's own labels, one per level", () => {
    expect(riskScale(3, { impact: ['Limited', 'Serious', 'Critical'] }).impactLabels).toEqual([
      'Limited',
      'Serious',
      'Critical',
    ]);
    expect(() => riskScale(3, { likelihood: ['a', 'b'] })).toThrow(
      'A 3x3 scale needs 3 likelihood labels, lowest first; 2 were given.',
    );
  });

  it('refuses sizes and levels outside the scale', () => {
    expect(() => riskScale(1)).toThrow('from 2 to 10');
    expect(() => riskScale(2.5)).toThrow('not 2.5');
    expect(() => checkLevel({ size: 5 }, 6, 'likelihood')).toThrow(
      "The likelihood must be a whole number from 1 to 5 on this risk's 5x5 scale, not 6.",
    );
    expect(() => checkLevel({ size: 5 }, 0, 'impact')).toThrow('impact');
  });

  it('scores likelihood x impact, up to size squared', () => {
    expect(riskScore({ size: 5 }, { likelihood: 4, impact: 5 })).toBe(20);
    expect(riskScore({ size: 3 }, { likelihood: 3, impact: 2 })).toBe(6);
    expect(maximumScore({ size: 5 })).toBe(25);
    expect(() => riskScore({ size: 3 }, { likelihood: 4, impact: 1 })).toThrow('from 1 to 3');
  });
});
