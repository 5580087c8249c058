/**
 * Partners' priorities as CSV: a partner's table imports with its mappings; every bad row is
 * named by line and field and nothing is stored from that file (also when the store refuses a
 * row after earlier rows went in); an export imports back unchanged.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { listPriorities } from '../store/index.js';
import { exportPrioritiesCsv, importPrioritiesCsv } from './priorities-csv.js';

describeEachDialect("partners' priorities CSV", (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it("imports a partner's table with its mappings, and an export imports back unchanged", async () => {
    const sheet = [
      'Partner,Year,Priority,Maps to,Kind',
      `${w.partner},2016-17,Reduce Re-offending,reoffending,`,
      `${w.partner},2016/17,"Violent Crime (focusing on with / without injury / sexual offences)",violent-crime; sexual-violence,priority`,
      `${w.partner},2016/17,Community Safety Agreement not produced until after 2016/17 Police and Crime Plan,,note`,
    ].join('\r\n');
    const stored = await importPrioritiesCsv(get(), w.analyst, sheet, 'csp.csv');
    expect(stored.map((p) => [p.period, p.kind, p.taxonomyIds, p.organisationId, p.sharedWith])).toEqual([
      ['2016/17', 'priority', ['reoffending'], w.force, [w.partner]],
      ['2016/17', 'priority', ['violent-crime', 'sexual-violence'], w.force, [w.partner]],
      ['2016/17', 'note', [], w.force, [w.partner]],
    ]);
    const { csv: exported, rows, marking } = await exportPrioritiesCsv(get(), w.analyst, { period: '2016/17' });
    expect([rows, marking]).toEqual([3, 'OFFICIAL']);
    expect(exported.split('\n')[0]).toBe('partner,period,wording,taxonomy_ids,kind,held_by,marking,shared_with');
    expect(exported).toContain(
      `${w.partner},2016/17,Violent Crime (focusing on with / without injury / sexual offences),violent-crime; sexual-violence,priority,${w.force},OFFICIAL,${w.partner}`,
    );
    // The same file for the next year imports back and exports the same.
    const nextYear = exported.replaceAll('2016/17', '2017/18');
    await importPrioritiesCsv(get(), w.analyst, nextYear, 'exported.csv');
    expect((await exportPrioritiesCsv(get(), w.analyst, { period: '2017/18' })).csv).toBe(nextYear);
  });

  it('names every bad row by line and field and stores nothing', async () => {
    const bad = [
      'partner,period,wording,taxonomy_ids,marking,colour',
      `${w.partner},2015/16,ASB,asb,OFFICIAL,red`,
      `${w.partner},2015/17,,burglery,official,blue`,
    ].join('\n');
    await expect(importPrioritiesCsv(get(), w.analyst, bad, 'bad.csv')).rejects.toThrow(
      /bad\.csv line 1, field "colour": not a column[\s\S]*bad\.csv line 3, field "period": Period "2015\/17" must be a financial year[\s\S]*line 3, field "wording": is empty[\s\S]*line 3, field "taxonomy_ids": Unknown priority taxonomy id "burglery": use one or more of reoffending, asb[\s\S]*line 3, field "marking": "official" is not one of/,
    );
    // Rows the store refuses (a priority with no mapping, a repeated wording, a marking above the analyst's clearance) after a good row went in.
    const refused = [
      'partner,period,wording,taxonomy_ids,marking',
      `${w.partner},2015/16,ASB,asb,OFFICIAL`,
      `${w.partner},2015/16,Rural Crime,,OFFICIAL`,
      `${w.partner},2015/16,ASB,asb,OFFICIAL`,
      `${w.partner},2015/16,Hate Crime,hate-crime,SECRET`,
    ].join('\n');
    const err = await importPrioritiesCsv(get(), w.analyst, refused, 'refused.csv').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(
      /refused\.csv line 3: A priority needs at least one taxonomy id[\s\S]*refused\.csv line 4: .*already has the priority "ASB" for 2015\/16[\s\S]*refused\.csv line 5: .*SECRET/,
    );
    expect(await listPriorities(get(), w.analyst, { period: '2015/16' })).toEqual([]);
  });

  it('exports only what the reader may see, marked with the highest marking exported', async () => {
    const sheet = [
      'partner,period,wording,taxonomy_ids,marking',
      `${w.partner},2014/15,Road Safety,road-safety,OFFICIAL`,
      `${w.partner},2014/15,Hidden-OCG-work,serious-organised-crime,OFFICIAL-SENSITIVE`,
    ].join('\n');
    await importPrioritiesCsv(get(), w.analyst, sheet, 'mixed.csv');
    expect(await exportPrioritiesCsv(get(), w.analyst, { period: '2014/15' })).toMatchObject({
      rows: 2,
      marking: 'OFFICIAL-SENSITIVE',
    });
    const reader = await exportPrioritiesCsv(get(), w.reader, { period: '2014/15' });
    expect(reader).toMatchObject({ rows: 1, marking: 'OFFICIAL' });
    expect(reader.csv).not.toContain('Hidden-OCG-work');
    expect(await exportPrioritiesCsv(get(), w.otherReader, { period: '2014/15' })).toMatchObject({
      rows: 0,
      csv: 'partner,period,wording,taxonomy_ids,kind,held_by,marking,shared_with\n',
    });
  });
});
