/**
 * Plans as CSV: a plan's objectives and an Appendix 1 style comparison import (empty theme cells
 * repeat the one above), importing twice changes nothing, an export imports back unchanged, and a
 * bad row is named by line and field with nothing stored from the file.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/store-dialects.js';
import { makeWorld, type World } from '../../test/store-world.js';
import { createPlan, createPlanMapping, getPlan, planComparison } from '../store/index.js';
import {
  exportPlanComparisonCsv,
  exportPlanObjectivesCsv,
  importPlanComparisonCsv,
  importPlanObjectivesCsv,
} from './plans-csv.js';

const OBJECTIVES = [
  'Theme,Objective',
  'Putting victims first,Launch a Victims Board',
  ',"Publish Victims Charter"',
  'Reforming West Mercia,Invest to save initiatives',
].join('\r\n');

const APPENDIX = [
  'theme_a,objective_a,theme_b,objective_b',
  'Putting victims first,,Putting victims and survivors first,',
  ',Publish Victims Charter,,Publish Victims Charter',
  ',Support appropriate use of restorative justice,,Embed restorative justice across the county',
  ',,,Monitor restorative justice through multi-agency performance framework and OPCC annual survey',
  ',Ensure victims get effective services,,Ensure commissioned services work effectively',
  'Building a more secure West Mercia,,Protecting people from harm,',
  ',Reduced or stable levels of recorded crime,,',
  ',Child Sexual Exploitation,,Child Sexual Exploitation',
].join('\n');

describeEachDialect('plans CSV', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it("imports a plan's objectives in order, twice without change, and an export imports back", async () => {
    const p = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Plan', period: '2016-2021' });
    const first = await importPlanObjectivesCsv(get(), w.analyst, p.id, OBJECTIVES, 'plan.csv');
    expect(first.added.map((o) => [o.theme, o.text])).toEqual([
      ['Putting victims first', 'Launch a Victims Board'],
      ['Putting victims first', 'Publish Victims Charter'],
      ['Reforming West Mercia', 'Invest to save initiatives'],
    ]);
    expect(await importPlanObjectivesCsv(get(), w.analyst, p.id, OBJECTIVES, 'plan.csv')).toEqual({
      added: [],
      unchanged: 3,
    });
    const out = await exportPlanObjectivesCsv(get(), w.analyst, p.id);
    expect(out).toMatchObject({ rows: 3, marking: 'OFFICIAL' });
    expect(out.csv.split('\n')[0]).toBe('theme,objective');
    const copy = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Copy', period: '2016-2021' });
    await importPlanObjectivesCsv(get(), w.analyst, copy.id, out.csv, 'exported.csv');
    expect((await exportPlanObjectivesCsv(get(), w.analyst, copy.id)).csv).toBe(out.csv);
  });

  it('imports an Appendix 1 style comparison into both plans and the mapping, and an export imports back unchanged', async () => {
    const a = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'West Mercia',
      period: '2016-2021',
    });
    const b = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'Warwickshire',
      period: '2016-2021',
    });
    const m = await createPlanMapping(get(), w.analyst, { planAId: a.id, planBId: b.id, organisationId: w.force });
    expect(await importPlanComparisonCsv(get(), w.analyst, m.id, APPENDIX, 'appendix.csv')).toEqual({
      objectivesA: 5,
      objectivesB: 5,
      pairs: 4,
      themeLinks: 2,
    });
    expect(await importPlanComparisonCsv(get(), w.analyst, m.id, APPENDIX, 'appendix.csv')).toEqual({
      objectivesA: 0,
      objectivesB: 0,
      pairs: 0,
      themeLinks: 0,
    });
    const c = await planComparison(get(), w.analyst, a.id, b.id);
    expect(c.groups.map((g) => [g.themeA, g.themeB, g.rows.map((r) => [r.a?.text ?? '', r.b?.text ?? ''])])).toEqual([
      [
        'Putting victims first',
        'Putting victims and survivors first',
        [
          ['Publish Victims Charter', 'Publish Victims Charter'],
          ['Support appropriate use of restorative justice', 'Embed restorative justice across the county'],
          ['', 'Monitor restorative justice through multi-agency performance framework and OPCC annual survey'],
          ['Ensure victims get effective services', 'Ensure commissioned services work effectively'],
        ],
      ],
      [
        'Building a more secure West Mercia',
        'Protecting people from harm',
        [
          ['Reduced or stable levels of recorded crime', ''],
          ['Child Sexual Exploitation', 'Child Sexual Exploitation'],
        ],
      ],
    ]);
    const out = await exportPlanComparisonCsv(get(), w.analyst, m.id);
    const a2 = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'West Mercia again',
      period: '2016-2021',
    });
    const b2 = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'Warwickshire again',
      period: '2016-2021',
    });
    const m2 = await createPlanMapping(get(), w.analyst, { planAId: a2.id, planBId: b2.id, organisationId: w.force });
    await importPlanComparisonCsv(get(), w.analyst, m2.id, out.csv, 'exported.csv');
    expect((await exportPlanComparisonCsv(get(), w.analyst, m2.id)).csv).toBe(out.csv);
  });

  it('exports only what the reader may see', async () => {
    const a = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'Sensitive A',
      period: '2016-2021',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const b = await createPlan(get(), w.analyst, {
      organisationId: w.force,
      title: 'Open B',
      period: '2016-2021',
      sharedWith: [w.partner],
    });
    const m = await createPlanMapping(get(), w.analyst, {
      planAId: a.id,
      planBId: b.id,
      organisationId: w.force,
      sharedWith: [w.partner],
    });
    await importPlanComparisonCsv(
      get(),
      w.analyst,
      m.id,
      'theme_a,objective_a,theme_b,objective_b\nT,Hidden 3391,U,Open one',
      'x.csv',
    );
    expect((await exportPlanComparisonCsv(get(), w.analyst, m.id)).marking).toBe('OFFICIAL-SENSITIVE');
    for (const who of [w.reader, w.otherReader, w.partnerReader]) {
      await expect(exportPlanObjectivesCsv(get(), who, a.id)).rejects.toThrow(
        `There is no plan ${a.id} that you can see.`,
      );
      await expect(exportPlanComparisonCsv(get(), who, m.id)).rejects.toThrow(
        `There is no plan mapping ${m.id} that you can see.`,
      );
    }
    expect((await exportPlanObjectivesCsv(get(), w.partnerReader, b.id)).csv).toBe('theme,objective\nU,Open one\n');
  });

  it('names every bad row by line and field and stores nothing', async () => {
    const p = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'Bad', period: '2016-2021' });
    await expect(
      importPlanObjectivesCsv(get(), w.analyst, p.id, 'theme,objective,colour\nT,,red', 'bad.csv'),
    ).rejects.toThrow(
      /bad\.csv line 1, field "colour": not a column[\s\S]*bad\.csv line 2, field "objective": is empty/,
    );
    await expect(
      importPlanObjectivesCsv(get(), w.analyst, p.id, 'objective,theme\nFirst,\nSecond,T', 'bad.csv'),
    ).rejects.toThrow('bad.csv line 2, field "theme": is empty, and no row above gives one');
    const sheet = await importPlanComparisonCsv(
      get(),
      w.analyst,
      0,
      'theme_a,objective_a,theme_b,objective_b\n,One,,',
      'sheet.csv',
    ).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(sheet?.message).toContain('sheet.csv line 2, field "theme_a": is empty, and no row above gives one');
    const a = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'A', period: '2016-2021' });
    const b = await createPlan(get(), w.analyst, { organisationId: w.force, title: 'B', period: '2016-2021' });
    const m = await createPlanMapping(get(), w.analyst, { planAId: a.id, planBId: b.id, organisationId: w.force });
    // Rows the store refuses after earlier rows went in: one B objective paired twice, and two links for one theme.
    const refused = [
      'theme_a,objective_a,theme_b,objective_b',
      'T,,U,',
      ',One,,Uno',
      ',Two,,Uno',
      'T,,V,',
      ',,V,Vee',
    ].join('\n');
    const err = await importPlanComparisonCsv(get(), w.analyst, m.id, refused, 'refused.csv').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(
      /refused\.csv line 4: Objective \d+ is already paired in mapping[\s\S]*refused\.csv line 5: Mapping \d+ already links "T"; unlink it first/,
    );
    expect((await getPlan(get(), w.analyst, a.id)).themes).toEqual([]);
    expect((await getPlan(get(), w.analyst, b.id)).themes).toEqual([]);
    expect((await planComparison(get(), w.analyst, a.id, b.id)).mapping?.version).toBe(1);
  });
});
