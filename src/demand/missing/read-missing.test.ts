/**
 * The missing-person reader on hand-made files in the OpenSTRA form (no open record-level missing
 * data exists; see ../shared/data/incidents/README.md, "What was looked for and not found").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/shared-data.js';
import { StraError } from '../../errors.js';
import { loadMapping } from '../mapping/load-mapping.js';
import { missingMappingSchema } from '../mapping/missing-mapping.js';
import { pseudonymiser } from './pseudonymiser.js';
import { readMissing } from './read-missing.js';

const KEY = 'a deployment key of at least thirty-two bytes, kept outside the workspace';
const dir = mkdtempSync(path.join(tmpdir(), 'openstra-missing-'));
let n = 0;
const file = (text: string) => {
  const f = path.join(dir, `m${n++}.csv`);
  writeFileSync(f, text);
  return f;
};
const mapping = () => loadMapping(`${repoRoot}/data/demand/mappings/openstra-missing.json`, missingMappingSchema);
const HEADER =
  'episode_id,person_ref,reported_at,found_at,risk,age,looked_after,missing_from_type,missing_from_ref,missing_from_lsoa,found_lsoa';

describe('readMissing (OpenSTRA missing-person CSV)', () => {
  it('reads episodes and replaces the person reference by a keyed pseudonym, the same for the same person', async () => {
    const f = file(
      [
        HEADER,
        'M1,WM/12345,2018-03-01T22:00,2018-03-02T06:30,high,15,Y,care-home,CH-07,E01031035,E01031036',
        'M2,wm/ 12345,2018-03-09T21:00,,medium,15,Y,care-home,CH-07,E01031035,',
        'M3,WM/99999,2018-03-10T10:00,2018-03-10T12:00,absent,42,N,home,,,',
      ].join('\n'),
    );
    const { episodes, report } = await readMissing(f, await mapping(), pseudonymiser(KEY), 'm.csv');
    expect(report).toMatchObject({ rows: 3, accepted: 3, rejected: 0, duplicatesSkipped: 0 });
    expect(episodes[0]!.person).toMatch(/^[0-9a-f]{32}$/);
    expect(episodes[1]!.person).toBe(episodes[0]!.person);
    expect(episodes[2]!.person).not.toBe(episodes[0]!.person);
    expect(episodes[0]).toMatchObject({
      risk: 'high',
      ageBand: '15-17',
      lookedAfter: true,
      addressType: 'care-home',
      missingFrom: 'CH-07',
      missingFromArea: 'E01031035',
      foundArea: 'E01031036',
      reported: { utc: Date.parse('2018-03-01T22:00:00Z') },
    });
    expect(episodes[1]!.found).toBeNull();
    expect(episodes[2]).toMatchObject({ risk: 'no-apparent-risk', ageBand: '40-59', lookedAfter: false });
  });

  it('keeps no trace of the raw reference in what it returns', async () => {
    const f = file(
      `${HEADER}\nM1,WM/12345,2018-03-01T22:00,,high,15,Y,care-home,CH-07,,\nM1,WM/12345,2018-03-01T23:00,,high,15,Y,care-home,CH-07,,\n`,
    );
    const out = await readMissing(f, await mapping(), pseudonymiser(KEY), 'm.csv');
    expect(JSON.stringify(out)).not.toMatch(/12345/);
  });

  it('gives different pseudonyms under different keys', async () => {
    const a = pseudonymiser(KEY)('WM/12345');
    const b = pseudonymiser(`${KEY} (another force)`)('WM/12345');
    expect(a).not.toBe(b);
  });

  it('refuses a key shorter than 32 bytes', () => {
    expect(() => pseudonymiser('short')).toThrow(StraError);
    expect(() => pseudonymiser('short')).toThrow(/needs at least 32/);
  });

  it('rejects by line and field: found before reported, no person, a bad age, a conflicting repeat', async () => {
    const f = file(
      [
        HEADER,
        'M1,P1,2018-03-01T22:00,2018-03-01T21:00,high,15,Y,home,,,', // line 2
        'M2,,2018-03-01T22:00,,high,15,Y,home,,,', // line 3
        'M3,P3,2018-03-01T22:00,,high,fifteen,Y,home,,,', // line 4
        'M4,P4,2018-03-01T22:00,,low,30,N,home,,,', // line 5
        'M4,P4,2018-03-01T22:00,,low,30,N,home,,,', // line 6: identical, skipped
        'M4,P4,2018-03-02T22:00,,low,30,N,home,,,', // line 7: different
      ].join('\n'),
    );
    const { report } = await readMissing(f, await mapping(), pseudonymiser(KEY), 'm.csv');
    expect(report.rejects).toEqual([
      { file: 'm.csv', line: 2, field: 'found_at', reason: 'found before being reported missing' },
      {
        file: 'm.csv',
        line: 3,
        field: 'person_ref',
        reason: 'person_ref is empty: repeat episodes cannot be counted without it',
      },
      { file: 'm.csv', line: 4, field: 'age', reason: "age 'fifteen' is not an age in years" },
      {
        file: 'm.csv',
        line: 7,
        field: 'episode_id',
        reason: 'episode M4 was already read at line 5 with different values',
      },
    ]);
    expect(report).toMatchObject({ rows: 6, accepted: 1, rejected: 4, duplicatesSkipped: 1 });
  });

  it('reads a file that leaves out the optional columns, and lists codes the mapping does not know', async () => {
    const f = file('episode_id,person_ref,reported_at,risk\nM1,P1,2018-03-01T22:00,CRITICAL\n');
    const { episodes, report } = await readMissing(f, await mapping(), pseudonymiser(KEY), 'm.csv');
    expect(episodes[0]).toMatchObject({
      risk: 'unknown',
      ageBand: 'unknown',
      lookedAfter: null,
      addressType: 'unknown',
      found: null,
    });
    expect(report.unmappedCodes).toEqual([{ lookup: 'risk', code: 'CRITICAL', rows: 1 }]);
  });

  it('refuses a file without the required columns', async () => {
    const f = file('episode_id,reported_at\nM1,2018-03-01T22:00\n');
    await expect(readMissing(f, await mapping(), pseudonymiser(KEY), 'm.csv')).rejects.toThrow(
      /needs column 'person_ref'/,
    );
  });
});
