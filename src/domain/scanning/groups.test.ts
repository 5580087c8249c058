import { describe, expect, it } from 'vitest';
import { groupDrivers, parseChallengeGroup, parseGroupingScheme, parsePesteloHeading } from './groups.js';

const d = (
  number: number,
  challenge: 'social' | 'partner' | 'policing' | null,
  pestelo: 'technological' | 'economic' | null = null,
) => ({ number, challenge, pestelo });

describe('driver groups', () => {
  it("groups by the seed's Social, Partner and Policing Challenges by default, in that order and by number", () => {
    const groups = groupDrivers([d(13, 'policing'), d(7, 'partner'), d(2, 'social'), d(1, 'social')]);
    expect(groups.map((g) => [g.label, g.drivers.map((x) => x.number)])).toEqual([
      ['Social Challenges', [1, 2]],
      ['Partner Challenges', [7]],
      ['Policing Challenges', [13]],
    ]);
  });

  it('groups by PESTELO headings as an option, listing drivers without one as not grouped', () => {
    const groups = groupDrivers(
      [d(1, 'social', 'technological'), d(6, 'social', 'economic'), d(9, 'partner')],
      'pestelo',
    );
    expect(groups.map((g) => [g.key, g.label, g.drivers.map((x) => x.number)])).toEqual([
      ['economic', 'Economic', [6]],
      ['technological', 'Technological', [1]],
      [null, 'Not grouped', [9]],
    ]);
  });

  it('reads group names as people write them and refuses others with the choices', () => {
    expect(parseChallengeGroup('Policing Challenges')).toBe('policing');
    expect(parseChallengeGroup(' PARTNER ')).toBe('partner');
    expect(parsePesteloHeading('T')).toBe('technological');
    expect(parsePesteloHeading('Organisational')).toBe('organisational');
    expect(() => parseChallengeGroup('economic')).toThrow('expected one of social, partner, policing');
    expect(() => parsePesteloHeading('cultural')).toThrow('expected one of political, economic');
    expect(parseGroupingScheme('PESTELO')).toBe('pestelo');
    expect(() => parseGroupingScheme('steep')).toThrow('Unknown grouping "steep"');
  });
});
