/**
 * Recommendations as CSV: a spreadsheet in the seed's "recommendation | update" shape imports with
 * its updates; every bad row is named by line and field and nothing is stored from that file (also
 * when the store refuses a row after earlier rows went in); an export imports back unchanged.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { createAssessment, getRecommendation, listRecommendations } from '../store/index.js';
import { exportRecommendationsCsv, importRecommendationsCsv } from './recommendations-csv.js';

const SHEET = [
  'No,Theme,Recommendation,Status,Update date,Update',
  '10,CSE,"Record the drugs used during exploitation, where known.",in progress,01/04/2017,Ongoing',
  ',Cyber Crime,Raise awareness of cyber enabled crime.,complete,2017-04-09,"Done: see the ""Cyber"" plan"',
  '16,Modern Slavery and Human Trafficking,Support the delivery plan.,,,',
].join('\r\n');

describeEachDialect('recommendations CSV', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('imports a spreadsheet with its updates, and an export imports back unchanged', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2016/17',
      versionLabel: 'V1',
    });
    const stored = await importRecommendationsCsv(get(), w.analyst, a.id, SHEET, 'recs.csv');
    expect(stored.map((r) => [r.number, r.theme, r.status])).toEqual([
      ['10', 'CSE', 'in_progress'],
      [null, 'Cyber Crime', 'complete'],
      ['16', 'Modern Slavery and Human Trafficking', 'proposed'],
    ]);
    const cyber = await getRecommendation(get(), w.analyst, stored[1]?.id ?? 0);
    expect(cyber.updates.map((u) => [u.dated, u.text])).toEqual([['2017-04-09', 'Done: see the "Cyber" plan']]);
    const exported = (await exportRecommendationsCsv(get(), w.analyst, a.id)).csv;
    expect(exported.split('\n')[0]).toBe('number,theme,text,owner,status,marking,shared_with,update_dated,update');
    const b = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V1',
    });
    await importRecommendationsCsv(get(), w.analyst, b.id, exported, 'exported.csv');
    expect((await exportRecommendationsCsv(get(), w.analyst, b.id)).csv).toBe(exported);
  });

  it('names every bad row by line and field and stores nothing', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2018/19',
      versionLabel: 'V1',
    });
    const bad = [
      'theme,text,status,marking,colour',
      'CSE,ok,agreed,OFFICIAL,red',
      ',no theme,finished,official,blue',
    ].join('\n');
    await expect(importRecommendationsCsv(get(), w.analyst, a.id, bad, 'bad.csv')).rejects.toThrow(
      /bad\.csv line 1, field "colour": not a column[\s\S]*bad\.csv line 3, field "theme": is empty[\s\S]*line 3, field "status": "finished" is not one of[\s\S]*line 3, field "marking": "official" is not one of/,
    );
    // Rows the store refuses (a duplicate number, a marking above the analyst's clearance) after a good row went in.
    const refused = [
      'number,theme,text,marking',
      '1,CSE,first,OFFICIAL',
      '1,CSE,same number,OFFICIAL',
      '2,CSE,too high,SECRET',
    ].join('\n');
    const err = await importRecommendationsCsv(get(), w.analyst, a.id, refused, 'refused.csv').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(
      /refused\.csv line 3: Assessment \d+ already has a recommendation numbered 1[\s\S]*refused\.csv line 4: .*SECRET/,
    );
    expect(await listRecommendations(get(), w.analyst, { assessmentId: a.id })).toEqual([]);
  });
});
