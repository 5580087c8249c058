/**
 * The generator's data modules were counted from the real police.uk files once; these tests
 * recount them from `../shared/data` so the numbers in the code cannot drift from their source.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { loadAreaTable } from './area-table.js';
import { ALLIANCE_FORCES, CRIME_TYPES, REAL_CATEGORY_COUNTS_2018_03 } from './category-mix.js';
import { DISTRICT_PROFILES } from './districts.js';
import { OUTCOME_LABELS, REAL_OUTCOME_COUNTS } from './outcome-mix.js';
import { STOP_AND_SEARCH_HEADER, STREET_HEADER } from './police-uk-format.js';
import { POWERS, SEARCH_TYPES } from './stop-and-search-mix.js';

const MONTHS = ['2018-03', '2018-04'] as const;

function realFile(month: string, force: string, kind: string): string {
  return sharedData('police-uk', month, `${month}-${force}-${kind}.csv`);
}

function records(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
}

describeWithSharedData('generator data modules against the real police.uk files', () => {
  it('writes the same header lines as the real street and stop-and-search files', () => {
    for (const force of ALLIANCE_FORCES) {
      expect(readFileSync(realFile('2018-03', force, 'street'), 'utf8').split('\n')[0]).toBe(STREET_HEADER);
      expect(readFileSync(realFile('2018-03', force, 'stop-and-search'), 'utf8').split('\n')[0]).toBe(
        STOP_AND_SEARCH_HEADER,
      );
    }
  });

  it('has the category counts of the 2018-03 files', () => {
    for (const force of ALLIANCE_FORCES) {
      const counts: Record<string, number> = {};
      for (const r of records(realFile('2018-03', force, 'street')))
        counts[r['Crime type'] ?? ''] = (counts[r['Crime type'] ?? ''] ?? 0) + 1;
      expect(counts).toEqual(REAL_CATEGORY_COUNTS_2018_03[force]);
    }
  });

  it('has the in-area district counts and the outcome mix of the 2018-03 and 2018-04 files', async () => {
    const forceOf = new Map((await loadAreaTable()).map((a) => [a.district, a.force]));
    const districts: Record<string, number> = {};
    const outcomes: Record<string, number[]> = {};
    const unknownLabels = new Set<string>();
    for (const force of ALLIANCE_FORCES) {
      for (const month of MONTHS) {
        for (const r of records(realFile(month, force, 'street'))) {
          const district = (r['LSOA name'] ?? '').replace(/ \d{3}[A-Z]$/, '');
          if (forceOf.get(district) === force) districts[district] = (districts[district] ?? 0) + 1;
          const category = r['Crime type'] ?? '';
          if (category === 'Anti-social behaviour') continue;
          const row = (outcomes[category] ??= OUTCOME_LABELS.map(() => 0));
          const i = (OUTCOME_LABELS as readonly string[]).indexOf(r['Last outcome category'] ?? '');
          if (i < 0) unknownLabels.add(r['Last outcome category'] ?? '');
          else row[i] = (row[i] ?? 0) + 1;
        }
      }
    }
    expect([...unknownLabels]).toEqual([]);
    expect(districts).toEqual(Object.fromEntries(Object.entries(DISTRICT_PROFILES).map(([d, p]) => [d, p.rows])));
    expect(outcomes).toEqual(REAL_OUTCOME_COUNTS);
    expect(Object.keys(outcomes).sort()).toEqual(CRIME_TYPES.filter((c) => c !== 'Anti-social behaviour'));
  });

  it('has the stop-and-search type and power counts of the 2018-03 and 2018-04 files', () => {
    const types: Record<string, number> = {};
    const powers: Record<string, number> = {};
    for (const force of ALLIANCE_FORCES) {
      for (const month of MONTHS) {
        for (const r of records(realFile(month, force, 'stop-and-search'))) {
          types[r.Type ?? ''] = (types[r.Type ?? ''] ?? 0) + 1;
          const key = `${r.Legislation}|${r['Object of search']}`;
          powers[key] = (powers[key] ?? 0) + 1;
        }
      }
    }
    expect(types).toEqual(Object.fromEntries(SEARCH_TYPES));
    // The table keeps the powers seen at least 3 times.
    expect(Object.fromEntries(Object.entries(powers).filter(([, n]) => n >= 3))).toEqual(
      Object.fromEntries(POWERS.map(([l, o, n]) => [`${l}|${o}`, n])),
    );
  });
});
