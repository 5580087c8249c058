/**
 * Drivers as CSV: a spreadsheet of drivers imports with its scores as each driver's first review;
 * every bad row is named by line and field and nothing is stored from that file (also when the
 * store refuses a row after earlier rows went in); an export imports back unchanged.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { createAssessment, getDriver, listDrivers } from '../store/index.js';
import { exportDriversCsv, importDriversCsv } from './drivers-csv.js';

const SHEET = [
  'No,Driver,Group,PESTELO,Impact,Level of uncertainty,Themes,Evidence,Review date,Note',
  '1,Connected society faces diverse cyber threats,Social Challenges,T,9,7,Cyber; Vulnerability,"There were 2.11 million victims of cyber crime within the UK in 2015. [source: STRA 2017/18]\nBusiness cyber crime is vastly unreported.",09/04/2017,Illustrative',
  '8,Combined Authorities – Future impact,partner,,6,9,Partnership,,2017-04-09,',
  '16,Police and partners must evidence “what works”,Policing,,6,3,,,,',
].join('\r\n');

describeEachDialect('drivers CSV', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('imports a spreadsheet with scores, themes and evidence, and an export imports back unchanged', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V1',
    });
    const stored = await importDriversCsv(get(), w.analyst, a.id, SHEET, 'drivers.csv');
    expect(stored.map((d) => [d.number, d.challenge, d.pestelo, d.impact, d.uncertainty, d.themes])).toEqual([
      [1, 'social', 'technological', 9, 7, ['Cyber', 'Vulnerability']],
      [8, 'partner', null, 6, 9, ['Partnership']],
      [16, 'policing', null, 6, 3, []],
    ]);
    const cyber = await getDriver(get(), w.analyst, stored[0]?.id ?? 0);
    expect(cyber.evidence).toEqual([
      { text: 'There were 2.11 million victims of cyber crime within the UK in 2015.', source: 'STRA 2017/18' },
      { text: 'Business cyber crime is vastly unreported.', source: null },
    ]);
    expect(cyber.reviews.map((r) => [r.dated, r.impact, r.uncertainty, r.note])).toEqual([
      ['2017-04-09', 9, 7, 'Illustrative'],
    ]);
    const exported = (await exportDriversCsv(get(), w.analyst, a.id)).csv;
    expect(exported.split('\n')[0]).toBe(
      'number,name,group,pestelo,impact,uncertainty,themes,evidence,marking,shared_with,reviewed_on,review_note',
    );
    const b = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2018/19',
      versionLabel: 'V1',
    });
    await importDriversCsv(get(), w.analyst, b.id, exported, 'exported.csv');
    expect((await exportDriversCsv(get(), w.analyst, b.id)).csv).toBe(exported);
  });

  it('exports only the drivers the actor can see', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2019/20',
      versionLabel: 'V1',
    });
    const sheet = [
      'name,group,impact,uncertainty,marking',
      'Open,social,5,5,OFFICIAL',
      'Sensitive,policing,5,5,OFFICIAL-SENSITIVE',
    ].join('\n');
    await importDriversCsv(get(), w.analyst, a.id, sheet, 'marked.csv');
    const byReader = (await exportDriversCsv(get(), w.reader, a.id)).csv;
    expect(byReader).toContain('Open');
    expect(byReader).not.toContain('Sensitive');
    expect((await exportDriversCsv(get(), w.otherReader, a.id)).csv).toBe(
      'number,name,group,pestelo,impact,uncertainty,themes,evidence,marking,shared_with,reviewed_on,review_note\n',
    );
  });

  it('names every bad row by line and field and stores nothing', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2020/21',
      versionLabel: 'V1',
    });
    const bad = [
      'name,group,impact,uncertainty,marking,colour',
      'Fine,social,5,5,OFFICIAL,red',
      ',economic,11,0,official,blue',
    ].join('\n');
    await expect(importDriversCsv(get(), w.analyst, a.id, bad, 'bad.csv')).rejects.toThrow(
      /bad\.csv line 1, field "colour": not a column[\s\S]*bad\.csv line 3, field "name": is empty[\s\S]*line 3, field "group": Unknown driver group "economic"[\s\S]*line 3, field "impact": "11" is not a whole number from 1 to 10[\s\S]*line 3, field "uncertainty": "0" is not[\s\S]*line 3, field "marking": "official" is not one of/,
    );
    // Rows the store refuses (a duplicate number, no group, a marking above the analyst's clearance) after a good row went in.
    const refused = [
      'number,name,group,impact,uncertainty,marking',
      '1,First,social,5,5,OFFICIAL',
      '1,Same number,partner,5,5,OFFICIAL',
      '2,No group,,5,5,OFFICIAL',
      '3,Too high,social,5,5,SECRET',
    ].join('\n');
    const err = await importDriversCsv(get(), w.analyst, a.id, refused, 'refused.csv').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(
      /refused\.csv line 3: Assessment \d+ already has a driver numbered 1[\s\S]*refused\.csv line 4: A driver needs a group[\s\S]*refused\.csv line 5: .*SECRET/,
    );
    expect(await listDrivers(get(), w.analyst, { assessmentId: a.id })).toEqual([]);
  });
});
