/**
 * The inspections register: a finding's update only adds (earlier updates stay, in order, and the
 * table refuses UPDATE and DELETE even in raw SQL); a stale write is a CONFLICT that saves
 * nothing; a finding is never seen without its inspection and never shown to a reader without
 * clearance, of another force, or a partner it is not shared with; every change is audited.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  addInspectionFinding,
  addInspectionFindingUpdate,
  createInspection,
  getInspection,
  getInspectionFinding,
  listAudit,
  listInspectionFindings,
  listInspections,
  updateInspection,
} from '../../index.js';
import { dbOf } from '../../core/store.js';
import { refusal } from '../../../../test/refusal.js';

const LEGITIMACY = { body: 'HMIC', title: 'PEEL: Legitimacy 2016', dated: '2016-05', grade: 'good' as const };

describeEachDialect('inspections register', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('adds dated updates without losing earlier ones, and sets the status', async () => {
    const i = await createInspection(get(), w.analyst, { organisationId: w.force, ...LEGITIMACY });
    expect(i).toMatchObject({ dated: '2016-05', grade: 'good', marking: 'OFFICIAL', version: 1 });
    const f = await addInspectionFinding(get(), w.analyst, i.id, {
      text: 'The force should improve how it manages individual performance.',
      owner: 'Head of People',
    });
    expect(f).toMatchObject({
      kind: 'area_for_improvement',
      status: 'open',
      inspection: 'PEEL: Legitimacy 2016',
      body: 'HMIC',
    });
    await addInspectionFindingUpdate(get(), w.analyst, f.id, 1, {
      dated: '2016-11-01',
      text: 'New appraisal process agreed.',
      status: 'in_progress',
    });
    const second = await addInspectionFindingUpdate(get(), w.analyst, f.id, 2, {
      dated: '2017-03-01',
      text: 'Rolled out.',
    });
    await addInspectionFindingUpdate(get(), w.analyst, f.id, 3, {
      dated: '2017-04-09',
      text: 'Signed off by HMIC.',
      status: 'complete',
    });
    const now = await getInspectionFinding(get(), w.reader, f.id);
    expect(now).toMatchObject({ status: 'complete', version: 4 });
    expect(now.updates.map((u) => [u.dated, u.statusAfter, u.author])).toEqual([
      ['2016-11-01', 'in_progress', w.analyst.username],
      ['2017-03-01', 'in_progress', w.analyst.username],
      ['2017-04-09', 'complete', w.analyst.username],
    ]);
    await expect(
      sql`UPDATE inspection_finding_updates SET text = 'rewritten' WHERE id = ${second.update.id}`.execute(dbOf(get())),
    ).rejects.toThrow('inspection_finding_updates is append-only: UPDATE refused');
    await expect(
      sql`DELETE FROM inspection_finding_updates WHERE id = ${second.update.id}`.execute(dbOf(get())),
    ).rejects.toThrow('inspection_finding_updates is append-only: DELETE refused');
    expect((await getInspectionFinding(get(), w.analyst, f.id)).updates.map((u) => u.text)).toEqual([
      'New appraisal process agreed.',
      'Rolled out.',
      'Signed off by HMIC.',
    ]);
    const listed = await listInspections(get(), w.analyst, { organisationId: w.force });
    expect(listed.find((x) => x.id === i.id)).toMatchObject({ findings: 1, open: 0 });
  });

  it('refuses stale writes, naming both versions, and saves nothing', async () => {
    const i = await createInspection(get(), w.analyst, {
      organisationId: w.force,
      body: 'HMIC',
      title: 'PEEL: Leadership 2016',
      dated: '2016-05',
      grade: 'not_graded',
    });
    const f = await addInspectionFinding(get(), w.analyst, i.id, {
      text: 'Develop a comprehensive leadership skills analysis.',
    });
    await addInspectionFindingUpdate(get(), w.admin, f.id, 1, {
      dated: '2016-12-01',
      text: 'Skills analysis started.',
      status: 'in_progress',
    });
    const err = await refusal(
      addInspectionFindingUpdate(get(), w.analyst, f.id, 1, { dated: '2016-12-02', text: 'Done.', status: 'complete' }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(
      `Inspection finding ${f.id} has changed since you read it: you had version 1, it is now version 2 (last changed by ${w.admin.username}`,
    );
    expect(await getInspectionFinding(get(), w.analyst, f.id)).toMatchObject({
      status: 'in_progress',
      version: 2,
      updates: [{ text: 'Skills analysis started.' }],
    });
    const graded = await updateInspection(get(), w.analyst, i.id, 1, { grade: 'good', dated: '2016-05-20' });
    expect(graded).toMatchObject({ grade: 'good', dated: '2016-05-20', version: 2 });
    expect((await refusal(updateInspection(get(), w.admin, i.id, 1, { grade: 'inadequate' }))).code).toBe('CONFLICT');
    expect((await getInspection(get(), w.analyst, i.id)).grade).toBe('good');
    await expect(
      createInspection(get(), w.analyst, { organisationId: w.force, body: 'HMIC', title: 'x', dated: 'May 2016' }),
    ).rejects.toThrow('is not a date');
  });

  it('never shows a finding to a reader without clearance, of another force, or a partner it is not shared with', async () => {
    const shared = await createInspection(get(), w.analyst, {
      organisationId: w.force,
      ...LEGITIMACY,
      title: 'PEEL: Legitimacy (shared)',
      sharedWith: [w.partner],
    });
    const plain = await addInspectionFinding(get(), w.analyst, shared.id, {
      text: 'Monitor all computer systems.',
      sharedWith: [w.partner],
    });
    const sensitive = await addInspectionFinding(get(), w.analyst, shared.id, {
      text: 'Counter-corruption gap 5521.',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const unshared = await createInspection(get(), w.analyst, {
      organisationId: w.force,
      body: 'HMIC',
      title: 'Missing children',
    });
    const hiddenToPartner = await addInspectionFinding(get(), w.analyst, unshared.id, {
      text: 'Return home interviews 8812.',
    });
    expect((await getInspection(get(), w.analyst, shared.id)).findings.map((f) => f.id)).toEqual([
      plain.id,
      sensitive.id,
    ]);
    expect((await getInspection(get(), w.reader, shared.id)).findings.map((f) => f.id)).toEqual([plain.id]);
    expect((await listInspections(get(), w.reader)).find((x) => x.id === shared.id)).toMatchObject({
      findings: 1,
      open: 1,
    });
    expect((await listInspectionFindings(get(), w.partnerReader)).map((f) => f.id)).toEqual([plain.id]);
    expect((await listInspections(get(), w.partnerReader)).map((x) => x.id)).toEqual([shared.id]);
    expect(await listInspections(get(), w.otherReader)).toEqual([]);
    expect(await listInspectionFindings(get(), w.otherReader)).toEqual([]);
    for (const [who, id] of [
      [w.reader, sensitive.id],
      [w.otherReader, plain.id],
      [w.partnerReader, hiddenToPartner.id],
      [w.partnerReader, sensitive.id],
    ] as const) {
      expect((await refusal(getInspectionFinding(get(), who, id))).message).toBe(
        `There is no inspection finding ${id} that you can see.`,
      );
      expect((await refusal(addInspectionFindingUpdate(get(), who, id, 1, { text: 'x' }))).code).toBe('NOT_FOUND');
    }
    for (const who of [w.reader, w.otherReader, w.partnerReader]) {
      const seen = JSON.stringify([await listAudit(get(), who), await listInspectionFindings(get(), who)]);
      expect(seen).not.toContain('Counter-corruption gap 5521');
    }
    expect((await refusal(getInspection(get(), w.partnerReader, unshared.id))).code).toBe('NOT_FOUND');
    await expect(
      addInspectionFinding(get(), w.analyst, unshared.id, { text: 'x', sharedWith: [w.partner] }),
    ).rejects.toThrow(`is not shared with ${w.partner}: share the inspection first`);
    const high = await createInspection(get(), w.analyst, {
      organisationId: w.force,
      body: 'HMICFRS',
      title: 'Sensitive',
      marking: 'OFFICIAL-SENSITIVE',
    });
    await expect(addInspectionFinding(get(), w.analyst, high.id, { text: 'x', marking: 'OFFICIAL' })).rejects.toThrow(
      'must be marked at least OFFICIAL-SENSITIVE',
    );
    await expect(addInspectionFinding(get(), w.reader, shared.id, { text: 'x' })).rejects.toThrow(
      /needs the admin or analyst role/,
    );
  });

  it('writes an audit row for every change', async () => {
    const i = await createInspection(get(), w.analyst, { organisationId: w.force, ...LEGITIMACY, title: 'Audited' });
    const f = await addInspectionFinding(get(), w.analyst, i.id, {
      text: 'Produce a counter-corruption assessment.',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const { update } = await addInspectionFindingUpdate(get(), w.analyst, f.id, 1, {
      dated: '2017-01-10',
      text: 'Drafted.',
      status: 'in_progress',
    });
    await updateInspection(get(), w.analyst, i.id, 1, { source: 'https://www.justiceinspectorates.gov.uk/hmicfrs/' });
    const actions = async (table: string, recordId: number) =>
      (await listAudit(get(), w.approver, { table, recordId })).map((x) => x.action);
    expect(await actions('inspections', i.id)).toEqual(['create', 'update']);
    expect(await actions('inspection_findings', f.id)).toEqual(['create', 'update']);
    expect(await actions('inspection_finding_updates', update.id)).toEqual(['create']);
    const change = (await listAudit(get(), w.approver, { table: 'inspection_findings', recordId: f.id }))[1];
    expect([change?.before, change?.after, change?.marking]).toMatchObject([
      { status: 'open', version: 1 },
      { status: 'in_progress', version: 2 },
      'OFFICIAL-SENSITIVE',
    ]);
    expect(await listAudit(get(), w.reader, { table: 'inspection_findings', recordId: f.id })).toEqual([]);
  });
});
