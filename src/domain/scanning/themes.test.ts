import { describe, expect, it } from 'vitest';
import { crossCuttingThemes, distinctThemes } from './themes.js';
import { checkConfiguration } from './configuration.js';
import { evidenceLines, parseEvidenceLines } from './evidence.js';

describe('meta use: cross-cutting themes', () => {
  it('lists each theme with the drivers that share it, most shared first, matching case and spacing', () => {
    const themes = crossCuttingThemes([
      { number: 1, challenge: 'social' as const, themes: ['Cyber', 'Vulnerability'] },
      { number: 12, challenge: 'partner' as const, themes: ['cyber '] },
      { number: 15, challenge: 'policing' as const, themes: ['CYBER', 'Technology'] },
      { number: 2, challenge: 'social' as const, themes: ['vulnerability'] },
    ]);
    expect(themes.map((t) => [t.theme, t.drivers.map((d) => d.number), t.groups, t.crossCutting])).toEqual([
      ['Cyber', [1, 12, 15], ['social', 'partner', 'policing'], true],
      ['Vulnerability', [1, 2], ['social'], true],
      ['Technology', [15], ['policing'], false],
    ]);
  });

  it('keeps one spelling of a theme given twice', () => {
    expect(distinctThemes(['Funding', ' funding', 'Demand'])).toEqual(['Funding', 'Demand']);
  });
});

describe('configured use', () => {
  it('accepts primary and secondary drivers for a topic', () => {
    expect(checkConfiguration({ topic: '  Cyber  crime ', primary: [1, 15], secondary: [12, 14] })).toEqual({
      topic: 'Cyber crime',
      primary: [1, 15],
      secondary: [12, 14],
    });
  });

  it('refuses a driver both primary and secondary, repeats and a missing topic, listing every problem', () => {
    expect(() => checkConfiguration({ topic: '', primary: [1, 1], secondary: [1, 0] })).toThrow(
      'The configuration is not valid: it needs a topic (what the drivers are applied to); "0" is not a driver number; driver 1 is listed twice as primary; driver 1 cannot be both primary and secondary.',
    );
    expect(() => checkConfiguration({ topic: 'x', primary: [], secondary: [2] })).toThrow(
      'it needs at least one primary driver',
    );
  });
});

describe('evidence notes', () => {
  it('round-trips notes with and without sources through one cell', () => {
    const cell =
      'Cyber enabled fraud accounted for 36% of all UK crime in 2015. [source: STRA 2017/18, Alliance Priorities]\nA second   note';
    const notes = parseEvidenceLines(cell);
    expect(notes).toEqual([
      {
        text: 'Cyber enabled fraud accounted for 36% of all UK crime in 2015.',
        source: 'STRA 2017/18, Alliance Priorities',
      },
      { text: 'A second note', source: null },
    ]);
    expect(parseEvidenceLines(evidenceLines(notes))).toEqual(notes);
  });
});
