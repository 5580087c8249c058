/**
 * The partners' priorities register: a priority is held by the partner or by a police body on its
 * behalf (and then shared with the partner); a change of wording or mapping keeps every earlier
 * version readable (the revision table refuses UPDATE and DELETE even in raw SQL); a stale change
 * is refused; unknown taxonomy ids are refused naming the known ones; the marking rule applies to
 * lists, reads, revisions, the matrix and congruence; every change writes an audit row; and
 * congruence is measured against the priority band of an assessment's Control Strategy.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  addScore,
  createAssessment,
  createOrganisation,
  createPriority,
  createThreat,
  getPriority,
  listAudit,
  listPriorities,
  priorityCongruence,
  priorityMatrix,
  updatePriority,
} from '../../index.js';
import { dbOf } from '../../core/store.js';
import { refusal } from '../../../../test/refusal.js';

const HIGH = {
  physical: 4,
  psychological: 4,
  financial: 4,
  community: 4,
  environmental: 2,
  scope: 4,
  vulnerability: 4,
  frequency: 5,
  trend: 1,
  capacity: 3,
  capability: 3,
  partnership: 3,
  confidence: 'high',
};
const LOW = {
  physical: 0,
  psychological: 0,
  financial: 0,
  community: 0,
  environmental: 0,
  scope: 0,
  vulnerability: 0,
  frequency: 1,
  trend: -1,
  capacity: 0,
  capability: 0,
  partnership: 0,
  confidence: 'high',
};

describeEachDialect("partners' priorities register", (get) => {
  let w: World;
  let csp2: string;
  beforeAll(async () => {
    w = await makeWorld(get());
    csp2 = `${w.tag}-csp2`;
    await createOrganisation(get(), w.admin, { id: csp2, name: 'Second CSP', kind: 'csp' });
  });

  it("records a partner's priority held by the force on its behalf, shared with the partner", async () => {
    const p = await createPriority(get(), w.analyst, {
      partnerId: w.partner,
      period: '2016-17',
      wording: 'ASB (focusing on street begging)',
      taxonomyIds: ['asb'],
    });
    expect(p).toMatchObject({
      partnerId: w.partner,
      period: '2016/17',
      kind: 'priority',
      organisationId: w.force,
      sharedWith: [w.partner],
      marking: 'OFFICIAL',
      version: 1,
      taxonomyIds: ['asb'],
    });
    expect((await getPriority(get(), w.partnerReader, p.id)).wording).toBe('ASB (focusing on street begging)');
    expect((await getPriority(get(), w.reader, p.id)).id).toBe(p.id);
    const dup = await refusal(
      createPriority(get(), w.analyst, {
        partnerId: w.partner,
        period: '2016/17',
        wording: 'ASB (focusing on street begging)',
        taxonomyIds: ['asb'],
      }),
    );
    expect(dup.message).toContain(
      `already has the priority "ASB (focusing on street begging)" for 2016/17 (priority ${p.id})`,
    );
  });

  it("refuses unknown taxonomy ids naming the known ones, a force as partner, and a CSP holding another's priority", async () => {
    const bad = await refusal(
      createPriority(get(), w.analyst, {
        partnerId: w.partner,
        period: '2016/17',
        wording: 'Burglary',
        taxonomyIds: ['burglery'],
      }),
    );
    expect(bad.code).toBe('INPUT');
    expect(bad.message).toMatch(
      /Unknown priority taxonomy id "burglery": use one or more of reoffending, asb, violent-crime, .*burglary/,
    );
    await expect(
      createPriority(get(), w.analyst, { partnerId: w.partner, period: '2016/17', wording: 'Burglary' }),
    ).rejects.toThrow(/needs at least one taxonomy id/);
    await expect(
      createPriority(get(), w.analyst, {
        partnerId: w.force,
        period: '2016/17',
        wording: 'Burglary',
        taxonomyIds: ['burglary'],
      }),
    ).rejects.toThrow(/is a force: priorities are recorded for partners/);
    await expect(
      createPriority(get(), w.analyst, {
        partnerId: w.partner,
        period: '2016/17',
        wording: 'Burglary',
        taxonomyIds: ['burglary'],
        heldBy: csp2,
      }),
    ).rejects.toThrow(/held by .* itself or by an alliance or force/);
    await expect(
      createPriority(get(), w.partnerReader, {
        partnerId: w.partner,
        period: '2016/17',
        wording: 'Burglary',
        taxonomyIds: ['burglary'],
      }),
    ).rejects.toThrow(/needs the admin or analyst role/);
    expect(await listPriorities(get(), w.analyst, { taxonomyId: 'burglary' })).toEqual([]);
  });

  it("keeps a note on a partner's table apart from its priorities", async () => {
    const note = await createPriority(get(), w.analyst, {
      partnerId: csp2,
      period: '2015/16',
      kind: 'note',
      wording: 'Community Safety Agreement not produced until after the Police and Crime Plan',
    });
    expect(note).toMatchObject({ kind: 'note', taxonomyIds: [] });
    await expect(
      createPriority(get(), w.analyst, {
        partnerId: csp2,
        period: '2015/16',
        kind: 'note',
        wording: 'x',
        taxonomyIds: ['asb'],
      }),
    ).rejects.toThrow(/maps to no taxonomy heading/);
    const m = await priorityMatrix(get(), w.analyst, { period: '2015/16' });
    expect(m.columns).toMatchObject([{ id: csp2, priorities: 0, notes: [note.wording] }]);
    expect(m.rows).toEqual([]);
  });

  it('keeps every earlier wording and mapping readable after changes, and refuses a stale change', async () => {
    const p = await createPriority(get(), w.analyst, {
      partnerId: w.partner,
      period: '2017/18',
      wording: 'Violent Crime',
      taxonomyIds: ['violent-crime'],
    });
    await updatePriority(get(), w.analyst, p.id, 1, {
      taxonomyIds: ['violent-crime', 'sexual-violence'],
      reason: 'the plan names sexual violence',
    });
    const now = await updatePriority(get(), w.admin, p.id, 2, {
      wording: 'Violent Crime (focusing on sexual violence)',
    });
    expect(now).toMatchObject({
      version: 3,
      wording: 'Violent Crime (focusing on sexual violence)',
      taxonomyIds: ['violent-crime', 'sexual-violence'],
    });
    const stale = await refusal(updatePriority(get(), w.analyst, p.id, 2, { wording: 'Violence' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain(`you had version 2, it is now version 3 (last changed by ${w.admin.username}`);
    const { revisions } = await getPriority(get(), w.analyst, p.id);
    expect(revisions.map((r) => [r.version, r.wording, r.taxonomyIds, r.reason, r.changedBy])).toEqual([
      [1, 'Violent Crime', ['violent-crime'], null, w.analyst.username],
      [2, 'Violent Crime', ['violent-crime', 'sexual-violence'], 'the plan names sexual violence', w.analyst.username],
      [3, 'Violent Crime (focusing on sexual violence)', ['violent-crime', 'sexual-violence'], null, w.admin.username],
    ]);
    await expect(updatePriority(get(), w.analyst, p.id, 3, {})).rejects.toThrow(/already reads so/);
    await expect(updatePriority(get(), w.analyst, p.id, 3, { taxonomyIds: ['violent-crim'] })).rejects.toThrow(
      /Unknown priority taxonomy id "violent-crim"/,
    );
    await expect(
      sql`UPDATE partner_priority_revisions SET wording = 'rewritten' WHERE priority_id = ${p.id}`.execute(dbOf(get())),
    ).rejects.toThrow('partner_priority_revisions is append-only: UPDATE refused');
    await expect(
      sql`DELETE FROM partner_priority_revisions WHERE priority_id = ${p.id}`.execute(dbOf(get())),
    ).rejects.toThrow('partner_priority_revisions is append-only: DELETE refused');
    expect((await getPriority(get(), w.analyst, p.id)).revisions).toHaveLength(3);
  });

  it('applies the marking rule to lists, reads, revisions and the matrix', async () => {
    const open = await createPriority(get(), w.analyst, {
      partnerId: w.partner,
      period: '2014/15',
      wording: 'Road Safety',
      taxonomyIds: ['road-safety'],
    });
    const sensitive = await createPriority(get(), w.analyst, {
      partnerId: w.partner,
      period: '2014/15',
      wording: 'Hidden-CSE-network',
      taxonomyIds: ['cse'],
      marking: 'OFFICIAL-SENSITIVE',
    });
    const other = await createPriority(get(), w.analyst, {
      partnerId: csp2,
      period: '2014/15',
      wording: 'Rural Crime',
      taxonomyIds: ['rural-crime'],
    });
    const ids = async (who: typeof w.analyst) =>
      (await listPriorities(get(), who, { period: '2014/15' })).map((p) => p.id);
    expect(await ids(w.analyst)).toEqual([open.id, sensitive.id, other.id]);
    expect(await ids(w.reader)).toEqual([open.id, other.id]);
    expect(await ids(w.otherReader)).toEqual([]);
    expect(await ids(w.partnerReader)).toEqual([open.id, sensitive.id]);
    expect((await refusal(getPriority(get(), w.reader, sensitive.id))).message).toBe(
      `There is no partner priority ${sensitive.id} that you can see.`,
    );
    expect((await refusal(getPriority(get(), w.partnerReader, other.id))).code).toBe('NOT_FOUND');
    await expect(updatePriority(get(), w.reader, sensitive.id, 1, { wording: 'x' })).rejects.toThrow(
      `There is no partner priority ${sensitive.id} that you can see.`,
    );
    const full = await priorityMatrix(get(), w.analyst, { period: '2014/15' });
    expect(full.marking).toBe('OFFICIAL-SENSITIVE');
    expect(JSON.stringify(full)).toContain('Hidden-CSE-network');
    const readerView = await priorityMatrix(get(), w.reader, { period: '2014/15', partnerIds: [w.partner, csp2] });
    expect(JSON.stringify(readerView)).not.toContain('Hidden-CSE-network');
    expect(readerView.marking).toBe('OFFICIAL');
    expect(readerView.rows.map((r) => [r.taxonomyId, r.cells])).toEqual([
      ['road-safety', [['Road Safety'], []]],
      ['rural-crime', [[], ['Rural Crime']]],
    ]);
    expect(
      JSON.stringify(await priorityMatrix(get(), w.otherReader, { period: '2014/15', partnerIds: [w.partner] })),
    ).not.toContain('Road Safety');
    // Lowering the marking shows the current wording, never the earlier sensitive version.
    await updatePriority(get(), w.analyst, sensitive.id, 1, {
      wording: 'Child Sexual Exploitation',
      marking: 'OFFICIAL',
    });
    const seen = await getPriority(get(), w.reader, sensitive.id);
    expect(seen.revisions.map((r) => r.version)).toEqual([2]);
    expect(JSON.stringify(seen)).not.toContain('Hidden-CSE-network');
    await expect(
      createPriority(get(), w.analyst, {
        partnerId: w.partner,
        period: '2014/15',
        wording: 'x',
        taxonomyIds: ['asb'],
        marking: 'SECRET',
      }),
    ).rejects.toThrow(/clearance is OFFICIAL-SENSITIVE/);
  });

  it('writes an audit row for every create and change', async () => {
    const p = await createPriority(get(), w.analyst, {
      partnerId: w.partner,
      period: '2013/14',
      wording: 'Hate Crime',
      taxonomyIds: ['hate-crime'],
      marking: 'OFFICIAL-SENSITIVE',
    });
    await updatePriority(get(), w.analyst, p.id, 1, {
      taxonomyIds: ['hate-crime', 'community-cohesion'],
      reason: 'remapped',
    });
    const rows = await listAudit(get(), w.approver, { table: 'partner_priorities', recordId: p.id });
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[0]?.after).toMatchObject({ wording: 'Hate Crime', taxonomyIds: ['hate-crime'], version: 1 });
    expect(rows[1]?.before).toMatchObject({ taxonomyIds: ['hate-crime'], version: 1 });
    expect(rows[1]?.after).toMatchObject({
      taxonomyIds: ['hate-crime', 'community-cohesion'],
      version: 2,
      reason: 'remapped',
    });
    expect(
      rows.every(
        (r) => r.marking === 'OFFICIAL-SENSITIVE' && r.organisationId === w.force && r.actorName === w.analyst.username,
      ),
    ).toBe(true);
    expect(await listAudit(get(), w.reader, { table: 'partner_priorities', recordId: p.id })).toEqual([]);
    // A refused change leaves no audit row.
    await expect(updatePriority(get(), w.analyst, p.id, 1, { wording: 'x' })).rejects.toThrow(
      /version 1, it is now version 2/,
    );
    expect(await listAudit(get(), w.approver, { table: 'partner_priorities', recordId: p.id })).toHaveLength(2);
  });

  it("measures each partner against the priority band of an assessment's Control Strategy", async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2012/13',
      versionLabel: 'V1',
      sharedWith: [],
    });
    for (const [name, values] of [
      ['CSE', HIGH],
      ['Cyber', HIGH],
      ['HMIC', HIGH],
      ['KSI', LOW],
    ] as const) {
      const t = await createThreat(get(), w.analyst, a.id, { name });
      await addScore(get(), w.analyst, { threatId: t.id, assessor: w.analyst.username, values });
    }
    for (const [wording, ids] of [
      ['Cyber Crime', ['cyber-crime']],
      ['ASB', ['asb']],
      ['Road Safety', ['road-safety']],
    ] as const) {
      await createPriority(get(), w.analyst, {
        partnerId: w.partner,
        period: '2011/12',
        wording,
        taxonomyIds: [...ids],
      });
    }
    await createPriority(get(), w.analyst, {
      partnerId: csp2,
      period: '2011/12',
      wording: 'Child Sexual Exploitation',
      taxonomyIds: ['cse'],
    });
    await createPriority(get(), w.analyst, {
      partnerId: csp2,
      period: '2011/12',
      wording: 'Cyber',
      taxonomyIds: ['cyber-crime'],
    });
    const c = await priorityCongruence(get(), w.analyst, a.id);
    expect(c.period).toBe('2011/12'); // the latest period not after 2012/13
    expect(c.alliance.themes.map((t) => t.theme).sort()).toEqual(['CSE', 'Cyber', 'HMIC']);
    expect(c.alliance.taxonomyIds).toEqual(['cyber-crime', 'cse']);
    expect(c.alliance.unmapped).toEqual(['HMIC']);
    expect(c.partners.map((p) => [p.partnerId, p.shared, p.lacking, p.extra, p.coverage, p.jaccard])).toEqual([
      [w.partner, ['cyber-crime'], ['cse'], ['asb', 'road-safety'], 0.5, 0.25],
      [csp2, ['cyber-crime', 'cse'], [], [], 1, 1],
    ]);
    expect(c.marking).toBe('OFFICIAL');
    // A priority the reader may not see does not count for them, and raises the product's marking for those who may.
    await createPriority(get(), w.analyst, {
      partnerId: csp2,
      period: '2011/12',
      wording: 'Hidden-KSI-work',
      taxonomyIds: ['road-safety'],
      marking: 'OFFICIAL-SENSITIVE',
    });
    const cleared = await priorityCongruence(get(), w.analyst, a.id);
    expect(cleared.partners[1]).toMatchObject({ priorities: 3, extra: ['road-safety'] });
    expect(cleared.marking).toBe('OFFICIAL-SENSITIVE');
    const uncleared = await priorityCongruence(get(), w.reader, a.id);
    expect(uncleared.partners[1]).toMatchObject({ priorities: 2, extra: [] });
    expect(JSON.stringify(uncleared)).not.toContain('Hidden-KSI-work');
    // Without the assessment, there is no congruence to see.
    for (const who of [w.otherReader, w.partnerReader])
      expect((await refusal(priorityCongruence(get(), who, a.id))).code).toBe('NOT_FOUND');
  });
});
