import { describe, it, expect } from 'vitest';
import { bandFor, bandReason } from './bands.js';
import { shippedModel } from '../../../test/morile.js';

const morile = shippedModel('morile-default.v1.json', 'default');

describe('bandFor', () => {
  it.each([
    [1, 'PRIORITY'],
    [0.35, 'PRIORITY'],
    [0.35 - 1e-12, 'PRIORITY'], // on the threshold but for floating-point noise
    [0.3499, 'INTELLIGENCE_REQUIREMENT'],
    [0.15, 'INTELLIGENCE_REQUIREMENT'],
    [0.1499, 'BUSINESS_AS_USUAL'],
    [0, 'BUSINESS_AS_USUAL'],
  ])('puts s = %s in %s', (s, band) => {
    expect(bandFor(morile, s).id).toBe(band);
  });

  it('banding 98 / 280 (exactly 0.35) gives PRIORITY', () => {
    expect(bandFor(morile, 98 / 280).id).toBe('PRIORITY');
  });
});

describe('bandReason', () => {
  it('quotes s to 4 places and the thresholds that place it', () => {
    expect(bandReason(morile, 0.53968)).toBe('s = 0.5397 >= 0.35 (PRIORITY threshold)');
    expect(bandReason(morile, 0.2)).toBe(
      's = 0.2000 >= 0.15 (INTELLIGENCE_REQUIREMENT threshold) and < 0.35 (PRIORITY threshold)',
    );
    expect(bandReason(morile, 0)).toBe('s = 0.0000 < 0.15 (INTELLIGENCE_REQUIREMENT threshold)');
  });
});
