/**
 * The risk register as CSV: a register spreadsheet imports (headers by alias, DD/MM/YYYY dates,
 * actions split on semicolons) and an export imports back unchanged; a review log adds dated
 * reviews keeping the history, and the same log imported again changes nothing; every bad row is
 * named by line and field and nothing is stored from that file.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { getRisk, listRiskReviews, listRisks } from '../store/index.js';
import { exportRiskReviewsCsv, exportRisksCsv, importRiskReviewsCsv, importRisksCsv } from './risks-csv.js';

const REGISTER = [
  'Ref,Risk,Category,Risk owner,Cause,Consequence,Inherent likelihood,Inherent impact,Residual likelihood,Residual impact,Mitigation narrative,Actions,Date identified,Next review date,Status',
  'SR01,Demand exceeds capacity,Operational,Assistant Chief Constable (Local Policing),"Rising demand, fewer staff",Vulnerable people unprotected,5,5,4,4,Demand review under way,"Demand review; Shift pattern change",05/12/2016,09/01/2017,open',
  'SR02,Integrity monitoring,Organisational,Deputy Chief Constable,,,4,4,,,,,2016-12-05,,',
].join('\r\n');

describeEachDialect('risk register CSV', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('imports a register spreadsheet, and an export imports back unchanged', async () => {
    const stored = await importRisksCsv(get(), w.analyst, w.force, REGISTER, 'risks.csv');
    expect(stored.map((r) => [r.reference, r.residual.score, r.nextReview, r.actions])).toEqual([
      ['SR01', 16, '2017-01-09', ['Demand review', 'Shift pattern change']],
      ['SR02', 16, '2017-01-05', []],
    ]);
    const exported = (await exportRisksCsv(get(), w.analyst, w.force)).csv;
    expect(exported.split('\n')[0]).toBe(
      'reference,title,category,owner,cause,consequence,scale,inherent_likelihood,inherent_impact,residual_likelihood,residual_impact,mitigation,actions,identified_on,next_review,status,marking,shared_with',
    );
    await importRisksCsv(get(), w.admin, w.other, exported, 'exported.csv');
    expect((await exportRisksCsv(get(), w.admin, w.other)).csv).toBe(exported);
  });

  it('exports only what the reader may see', async () => {
    const v = await makeWorld(get());
    const hidden = [
      'reference,title,category,owner,inherent_likelihood,inherent_impact,marking',
      'SR50,Hidden-integrity-risk,Organisational,DCC,3,3,OFFICIAL-SENSITIVE',
    ].join('\n');
    await importRisksCsv(get(), v.analyst, v.force, hidden, 'hidden.csv');
    expect((await exportRisksCsv(get(), v.analyst, v.force)).csv).toContain('Hidden-integrity-risk');
    expect((await exportRiskReviewsCsv(get(), v.analyst, v.force)).csv).toContain('SR50');
    for (const who of [v.reader, v.otherReader, v.partnerReader]) {
      expect((await exportRisksCsv(get(), who)).csv).not.toContain('Hidden-integrity-risk');
      expect((await exportRiskReviewsCsv(get(), who)).csv).not.toContain('SR50');
    }
  });

  it('adds a review log to the history, and the same log again changes nothing', async () => {
    const log = [
      'reference,date,likelihood,impact,update,status,next review date',
      'SR01,09/01/2017,4,5,Demand rose over Christmas.,,',
      'SR02,2017-01-09,3,4,"Audit tool procured; ""go live"" in March.",tolerated,2017-03-01',
      'SR01,2017-02-06,3,4,Shift pattern in place.,,',
    ].join('\n');
    expect(await importRiskReviewsCsv(get(), w.analyst, w.force, log, 'reviews.csv')).toEqual({
      added: 3,
      unchanged: 0,
    });
    const sr01 = (await listRisks(get(), w.analyst, { organisationId: w.force, reference: 'SR01' }))[0];
    expect(sr01).toMatchObject({ residual: { score: 12 }, movement: 'down', version: 3 });
    expect((await getRisk(get(), w.analyst, sr01?.id ?? 0)).reviews.map((r) => [r.dated, r.score])).toEqual([
      ['2016-12-05', 16],
      ['2017-01-09', 20],
      ['2017-02-06', 12],
    ]);
    expect(await importRiskReviewsCsv(get(), w.analyst, w.force, log, 'reviews.csv')).toEqual({
      added: 0,
      unchanged: 3,
    });
    const exported = (await exportRiskReviewsCsv(get(), w.analyst, w.force)).csv;
    expect(exported.split('\n').slice(0, 3)).toEqual([
      'reference,dated,likelihood,impact,narrative,status,next_review',
      'SR01,2016-12-05,4,4,Initial assessment.,open,2017-01-09',
      'SR01,2017-01-09,4,5,Demand rose over Christmas.,open,2017-02-09',
    ]);
    expect(await importRiskReviewsCsv(get(), w.analyst, w.force, exported, 'exported.csv')).toEqual({
      added: 0,
      unchanged: 5,
    });
  });

  it('names every bad row by line and field and stores nothing', async () => {
    const w2 = await makeWorld(get());
    const bad = [
      'reference,title,category,owner,inherent_likelihood,inherent_impact,status,marking,colour',
      'SR01,ok,Operational,DCC,3,3,open,OFFICIAL,red',
      ',no reference,Operational,DCC,11,3,finished,official,blue',
    ].join('\n');
    await expect(importRisksCsv(get(), w2.analyst, w2.force, bad, 'bad.csv')).rejects.toThrow(
      /bad\.csv line 1, field "colour": not a column[\s\S]*bad\.csv line 3, field "reference": is empty[\s\S]*line 3, field "inherent_likelihood": "11" is not a whole number from 1 to 10[\s\S]*line 3, field "status": "finished" is not one of[\s\S]*line 3, field "marking": "official" is not one of/,
    );
    // Rows the store refuses (a level off a 3x3 scale, a duplicate reference, a marking above clearance) after a good row went in.
    const refused = [
      'reference,title,category,owner,scale,inherent_likelihood,inherent_impact,marking',
      'SR01,first,Operational,DCC,5,3,3,OFFICIAL',
      'SR02,small scale,Operational,DCC,3,4,3,OFFICIAL',
      'SR01,same reference,Operational,DCC,5,3,3,OFFICIAL',
      'SR03,too high,Operational,DCC,5,3,3,SECRET',
    ].join('\n');
    const err = await importRisksCsv(get(), w2.analyst, w2.force, refused, 'refused.csv').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(
      /refused\.csv line 3: The inherent likelihood must be a whole number from 1 to 3[\s\S]*refused\.csv line 4: .*already has a risk with reference SR01[\s\S]*refused\.csv line 5: .*SECRET/,
    );
    expect(await listRisks(get(), w2.analyst, { organisationId: w2.force })).toEqual([]);
    // A review log with an unknown risk and a backdated review stores none of its rows.
    await importRisksCsv(
      get(),
      w2.analyst,
      w2.force,
      'reference,title,category,owner,inherent_likelihood,inherent_impact,identified_on\nSR09,x,Operational,DCC,3,3,2017-01-01',
      'one.csv',
    );
    const log = [
      'reference,dated,likelihood,impact,narrative',
      'SR09,2017-02-01,2,2,fine',
      'SR99,2017-02-01,2,2,no such risk',
      'SR09,2016-06-01,2,2,backdated',
      'SR09,2017-03-01,2,,no impact',
    ].join('\n');
    await expect(importRiskReviewsCsv(get(), w2.analyst, w2.force, log, 'log.csv')).rejects.toThrow(
      /log\.csv line 5, field "impact": is empty/,
    );
    const err2 = await importRiskReviewsCsv(
      get(),
      w2.analyst,
      w2.force,
      log.split('\n').slice(0, 4).join('\n'),
      'log.csv',
    ).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err2?.message).toMatch(
      /log\.csv line 3: .*no risk with reference SR99[\s\S]*log\.csv line 4: .*was last reviewed on 2017-02-01; a review dated 2016-06-01/,
    );
    expect((await listRiskReviews(get(), w2.analyst, { organisationId: w2.force })).map((r) => r.dated)).toEqual([
      '2017-01-01',
    ]);
  });
});
