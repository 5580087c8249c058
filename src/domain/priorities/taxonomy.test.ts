import { describe, expect, it } from 'vitest';
import { parsePriorityPeriod } from './period.js';
import { PRIORITY_TAXONOMY, TAXONOMY_IDS, parseTaxonomyIds, taxonomyIdsForTheme } from './taxonomy.js';

describe('the priority taxonomy', () => {
  it('has unique ids, each a lower-case slug with a label', () => {
    expect(new Set(TAXONOMY_IDS).size).toBe(TAXONOMY_IDS.length);
    for (const t of PRIORITY_TAXONOMY) {
      expect(t.id).toMatch(/^[a-z][a-z-]*$/);
      expect(t.label.length).toBeGreaterThan(2);
    }
  });

  it('maps each theme to one heading only', () => {
    const all = PRIORITY_TAXONOMY.flatMap((t) => t.themes.map((theme) => theme.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });

  it('reads a mapping in taxonomy order, each id once', () => {
    expect(parseTaxonomyIds(['sexual-violence', ' violent-crime', 'sexual-violence'])).toEqual([
      'violent-crime',
      'sexual-violence',
    ]);
  });

  it('refuses an unknown id naming the known ones, and an empty mapping', () => {
    expect(() => parseTaxonomyIds(['asb', 'burglery'])).toThrow(
      /Unknown priority taxonomy id "burglery": use one or more of reoffending, asb, .*honour-based-abuse/,
    );
    expect(() => parseTaxonomyIds([' '])).toThrow(/needs at least one taxonomy id/);
  });

  it('matches Control Strategy themes ignoring case and punctuation', () => {
    expect(taxonomyIdsForTheme('Under reported Hate Crime')).toEqual(['hate-crime']);
    expect(taxonomyIdsForTheme('rape / sexual assault')).toEqual(['sexual-violence']);
    expect(taxonomyIdsForTheme('Modern slavery and human trafficking')).toEqual(['modern-slavery']);
    expect(taxonomyIdsForTheme('HMIC')).toEqual([]);
  });

  it('reads a period written 2016/17 or 2016-17 as 2016/17, and refuses others', () => {
    expect(parsePriorityPeriod('2016-17')).toBe('2016/17');
    expect(parsePriorityPeriod('2016/17')).toBe('2016/17');
    expect(() => parsePriorityPeriod('2016/18')).toThrow(/financial year written like 2016\/17/);
    expect(() => parsePriorityPeriod('2016')).toThrow(/financial year/);
  });
});
