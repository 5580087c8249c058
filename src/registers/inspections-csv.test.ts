/**
 * Inspection findings as CSV: an improvement tracker imports with its inspections and updates;
 * every bad row is named by line and field and nothing is stored from that file (also when the
 * store refuses a row after earlier rows went in); an export imports back unchanged.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { getInspectionFinding, listInspectionFindings, listInspections } from '../store/index.js';
import { exportInspectionFindingsCsv, importInspectionFindingsCsv } from './inspections-csv.js';

const SHEET = (partner: string) =>
  [
    'Inspectorate,Inspection,Date,Grade,Area for improvement,Owner,Status,Shared with,Update date,Update',
    `HMIC,PEEL: Legitimacy 2016,2016-05,good,"The force should ensure that it has the capability and capacity to monitor all its computer systems.",Head of PSD,in progress,${partner},01/03/2017,"Software procured; ""go live"" in June"`,
    'HMIC,PEEL: Legitimacy 2016,2016-05,,The force should improve how it manages individual performance.,,,,,',
    'HMIC,PEEL: Leadership 2016,2016-05,not graded,"The force should develop a comprehensive leadership skills analysis.",,open,,,',
  ].join('\r\n');

describeEachDialect('inspections CSV', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('imports a tracker with its inspections and updates, and an export imports back unchanged', async () => {
    const stored = await importInspectionFindingsCsv(get(), w.analyst, w.force, SHEET(w.partner), 'afi.csv');
    expect(stored.map((f) => [f.inspection, f.status, f.owner])).toEqual([
      ['PEEL: Legitimacy 2016', 'in_progress', 'Head of PSD'],
      ['PEEL: Legitimacy 2016', 'open', null],
      ['PEEL: Leadership 2016', 'open', null],
    ]);
    const inspections = await listInspections(get(), w.analyst, { organisationId: w.force });
    expect(inspections.map((i) => [i.title, i.dated, i.grade, i.findings, i.sharedWith])).toEqual([
      ['PEEL: Legitimacy 2016', '2016-05', 'good', 2, [w.partner]],
      ['PEEL: Leadership 2016', '2016-05', 'not_graded', 1, []],
    ]);
    expect(
      (await getInspectionFinding(get(), w.analyst, stored[0]?.id ?? 0)).updates.map((u) => [u.dated, u.text]),
    ).toEqual([['2017-03-01', 'Software procured; "go live" in June']]);
    expect((await listInspectionFindings(get(), w.partnerReader)).map((f) => f.id)).toEqual([stored[0]?.id]);
    const out = await exportInspectionFindingsCsv(get(), w.analyst, { organisationId: w.force });
    expect(out).toMatchObject({ rows: 3, marking: 'OFFICIAL' });
    expect(out.csv.split('\n')[0]).toBe(
      'body,inspection,dated,grade,reference,kind,finding,detail,owner,status,marking,shared_with,update_dated,update',
    );
    // The administrator of both forces brings the file into the other force.
    await importInspectionFindingsCsv(get(), w.admin, w.other, out.csv, 'exported.csv');
    expect((await exportInspectionFindingsCsv(get(), w.admin, { organisationId: w.other })).csv).toBe(out.csv);
  });

  it('exports only what the reader may see', async () => {
    const rows = [
      'body,inspection,finding,marking',
      'HMIC,Counter-corruption 2017,Open finding,OFFICIAL',
      'HMIC,Counter-corruption 2017,Sensitive finding 6610,OFFICIAL-SENSITIVE',
    ].join('\n');
    await importInspectionFindingsCsv(get(), w.analyst, w.force, rows, 'cc.csv');
    const full = await exportInspectionFindingsCsv(get(), w.analyst, { organisationId: w.force });
    expect(full.csv).toContain('Sensitive finding 6610');
    expect(full.marking).toBe('OFFICIAL-SENSITIVE');
    const reader = await exportInspectionFindingsCsv(get(), w.reader, { organisationId: w.force });
    expect(reader.csv).toContain('Open finding');
    expect(reader.csv).not.toContain('Sensitive finding 6610');
    expect(reader.marking).toBe('OFFICIAL');
    for (const who of [w.otherReader, w.partnerReader]) {
      const out = await exportInspectionFindingsCsv(get(), who);
      expect(out.csv).not.toContain('Counter-corruption 2017');
    }
  });

  it('names every bad row by line and field and stores nothing', async () => {
    const bad = [
      'body,inspection,dated,grade,finding,status,marking,colour',
      'HMIC,PEEL 2017,2017-13,good,ok,open,OFFICIAL,red',
      'HMIC,,2017,excellent,,closed,official,blue',
    ].join('\n');
    await expect(importInspectionFindingsCsv(get(), w.analyst, w.force, bad, 'bad.csv')).rejects.toThrow(
      /bad\.csv line 1, field "colour": not a column[\s\S]*line 2, field "dated": "2017-13" is not a date[\s\S]*line 3, field "inspection": is empty[\s\S]*line 3, field "grade": "excellent" is not one of[\s\S]*line 3, field "finding": is empty[\s\S]*line 3, field "status": "closed" is not one of[\s\S]*line 3, field "marking": "official" is not one of/,
    );
    // Rows the store refuses (a duplicate reference, a marking above the analyst's clearance, a clashing grade) after a good row went in.
    const refused = [
      'body,inspection,dated,grade,reference,finding,marking',
      'HMICFRS,PEEL 2018,2018,good,AFI1,first,OFFICIAL',
      'HMICFRS,PEEL 2018,2018,,AFI1,same reference,OFFICIAL',
      'HMICFRS,PEEL 2018,2018,,AFI2,too high,SECRET',
      'HMICFRS,PEEL 2018,2018,inadequate,AFI3,other grade,OFFICIAL',
    ].join('\n');
    const err = await importInspectionFindingsCsv(get(), w.analyst, w.force, refused, 'refused.csv').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(
      /refused\.csv line 3: Inspection \d+ already has a finding AFI1[\s\S]*refused\.csv line 4: .*SECRET[\s\S]*refused\.csv line 5: inspection \d+ \(PEEL 2018\) is graded good, not inadequate/,
    );
    expect((await listInspections(get(), w.analyst, { organisationId: w.force })).map((i) => i.title)).not.toContain(
      'PEEL 2018',
    );
  });
});
