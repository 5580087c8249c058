/**
 * The strategic risk register: a review only adds (earlier entries stay, in order, readable and
 * chartable, and the table refuses UPDATE and DELETE even in raw SQL); a stale review or edit is
 * refused and changes nothing; values are checked against each risk's own scale; the heat map
 * and the overdue list are built from what the actor may see; every change writes an audit row.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../../test/store-world.js';
import {
  createRisk,
  getRisk,
  listAudit,
  listRiskReviews,
  listRisks,
  overdueRiskReviews,
  reviewRisk,
  riskHeatMap,
  updateRisk,
  type NewRisk,
} from '../../index.js';
import { dbOf } from '../../core/store.js';
import { refusal } from '../../../../test/refusal.js';

const base = (w: World, reference: string, extra: Partial<NewRisk> = {}): NewRisk => ({
  organisationId: w.force,
  reference,
  title: `Risk ${reference}`,
  category: 'Organisational',
  owner: 'Deputy Chief Constable',
  inherent: { likelihood: 4, impact: 5 },
  residual: { likelihood: 3, impact: 4 },
  identifiedOn: '2016-12-05',
  ...extra,
});

describeEachDialect('strategic risk register', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('keeps every review: the initial assessment, then each monthly review, readable and charted', async () => {
    const r = await createRisk(
      get(),
      w.analyst,
      base(w, 'SR01', {
        cause: 'Rising demand',
        consequence: 'Vulnerable people unprotected',
        actions: ['Demand review', ' ', 'Shift pattern change'],
      }),
    );
    expect(r).toMatchObject({
      version: 1,
      status: 'open',
      scaleSize: 5,
      nextReview: '2017-01-05',
      inherent: { score: 20 },
      residual: { likelihood: 3, impact: 4, score: 12 },
      actions: ['Demand review', 'Shift pattern change'],
    });
    const first = await reviewRisk(get(), w.analyst, r.id, 1, {
      dated: '2017-01-09',
      likelihood: 4,
      impact: 4,
      narrative: 'Demand rose over Christmas.',
    });
    expect(first.risk).toMatchObject({
      version: 2,
      residual: { likelihood: 4, impact: 4, score: 16 },
      nextReview: '2017-02-09',
    });
    const second = await reviewRisk(get(), w.analyst, r.id, 2, {
      dated: '2017-02-06',
      likelihood: 3,
      impact: 3,
      narrative: 'New shift pattern in place.',
      nextReview: '2017-03-13',
    });
    const now = await getRisk(get(), w.analyst, r.id);
    expect(now).toMatchObject({
      version: 3,
      residual: { score: 9 },
      nextReview: '2017-03-13',
      movement: 'down',
      previous: { likelihood: 4, impact: 4, score: 16 },
    });
    expect(now.reviews.map((v) => [v.dated, v.likelihood, v.impact, v.score, v.narrative, v.author])).toEqual([
      ['2016-12-05', 3, 4, 12, 'Initial assessment.', w.analyst.username],
      ['2017-01-09', 4, 4, 16, 'Demand rose over Christmas.', w.analyst.username],
      ['2017-02-06', 3, 3, 9, 'New shift pattern in place.', w.analyst.username],
    ]);
    expect(now.series.map((p) => [p.dated, p.score, p.rating, p.movement])).toEqual([
      ['2016-12-05', 12, 'high', 'new'],
      ['2017-01-09', 16, 'high', 'up'],
      ['2017-02-06', 9, 'medium', 'down'],
    ]);
    await expect(
      sql`UPDATE risk_reviews SET narrative = 'rewritten' WHERE id = ${second.review.id}`.execute(dbOf(get())),
    ).rejects.toThrow('risk_reviews is append-only: UPDATE refused');
    await expect(sql`DELETE FROM risk_reviews WHERE id = ${first.review.id}`.execute(dbOf(get()))).rejects.toThrow(
      'risk_reviews is append-only: DELETE refused',
    );
    await expect(sql`TRUNCATE risk_reviews`.execute(dbOf(get()))).rejects.toThrow(
      'risk_reviews is append-only: TRUNCATE refused',
    );
    expect((await getRisk(get(), w.analyst, r.id)).reviews).toHaveLength(3);
    // An edit of the description leaves the history as it was, and the audit keeps the old text.
    const edited = await updateRisk(get(), w.analyst, r.id, 3, {
      mitigation: 'Demand management plan.',
      actions: ['Plan agreed at Exec Board'],
    });
    expect(edited).toMatchObject({
      version: 4,
      mitigation: 'Demand management plan.',
      actions: ['Plan agreed at Exec Board'],
      residual: { score: 9 },
    });
    expect((await getRisk(get(), w.analyst, r.id)).reviews).toHaveLength(3);
    const [, edit] = (await listAudit(get(), w.analyst, { table: 'risks', recordId: r.id }))
      .filter((a) => a.action === 'update')
      .slice(-2);
    expect(edit?.before).toMatchObject({ mitigation: '', actions: ['Demand review', 'Shift pattern change'] });
  });

  it('refuses a stale review or edit, naming both versions, and changes nothing', async () => {
    const r = await createRisk(get(), w.analyst, base(w, 'SR02'));
    await reviewRisk(get(), w.admin, r.id, 1, {
      dated: '2017-01-09',
      likelihood: 2,
      impact: 4,
      narrative: 'Controls working.',
    });
    const err = await refusal(
      reviewRisk(get(), w.analyst, r.id, 1, { dated: '2017-01-10', likelihood: 5, impact: 5, narrative: 'Worse.' }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain(
      `Risk ${r.id} (SR02) has changed since you read it: you had version 1, it is now version 2 (last changed by ${w.admin.username}`,
    );
    const edit = await refusal(updateRisk(get(), w.analyst, r.id, 1, { title: 'Renamed' }));
    expect(edit.code).toBe('CONFLICT');
    const now = await getRisk(get(), w.analyst, r.id);
    expect(now).toMatchObject({ version: 2, title: 'Risk SR02', residual: { score: 8 } });
    expect(now.reviews.map((v) => v.narrative)).toEqual(['Initial assessment.', 'Controls working.']);
  });

  it("checks values against the risk's own scale, and reviews in date order", async () => {
    const small = await createRisk(
      get(),
      w.analyst,
      base(w, 'SR03', { scaleSize: 3, inherent: { likelihood: 3, impact: 3 }, residual: { likelihood: 2, impact: 3 } }),
    );
    expect(small).toMatchObject({ scaleSize: 3, inherent: { score: 9 } });
    expect(
      (
        await refusal(
          reviewRisk(get(), w.analyst, small.id, 1, { likelihood: 4, impact: 1, narrative: 'x', dated: '2017-01-01' }),
        )
      ).message,
    ).toBe("The likelihood must be a whole number from 1 to 3 on this risk's 3x3 scale, not 4.");
    expect(
      (await refusal(createRisk(get(), w.analyst, base(w, 'SR04', { inherent: { likelihood: 6, impact: 1 } }))))
        .message,
    ).toContain('inherent likelihood must be a whole number from 1 to 5');
    expect((await refusal(createRisk(get(), w.analyst, base(w, 'SR04', { scaleSize: 11 })))).message).toContain(
      'from 2 to 10',
    );
    // The database itself refuses a level above the stored scale size.
    await expect(
      sql`UPDATE risks SET residual_likelihood = 3, residual_impact = 4 WHERE id = ${small.id}`.execute(dbOf(get())),
    ).rejects.toThrow(/check constraint/);
    expect(
      (
        await refusal(
          reviewRisk(get(), w.analyst, small.id, 1, {
            likelihood: 1,
            impact: 1,
            narrative: 'Backdated.',
            dated: '2016-11-01',
          }),
        )
      ).message,
    ).toBe(
      `Risk ${small.id} (SR03) was last reviewed on 2016-12-05; a review dated 2016-11-01 would come before it. Reviews are added in date order.`,
    );
    expect((await refusal(createRisk(get(), w.analyst, base(w, 'SR03')))).message).toBe(
      `${w.force} already has a risk with reference SR03; choose another reference.`,
    );
    expect((await refusal(createRisk(get(), w.analyst, base(w, 'SR05', { owner: ' ' })))).message).toContain(
      'A risk needs an owner',
    );
    expect(
      (
        await refusal(
          reviewRisk(get(), w.analyst, small.id, 1, {
            likelihood: 1,
            impact: 1,
            narrative: 'x',
            dated: '2017-01-01',
            nextReview: '2016-12-31',
          }),
        )
      ).message,
    ).toContain('cannot be before this review');
  });

  it('maps the held risks on a heat map with counts, names and movement, and lists overdue reviews', async () => {
    const w2 = await makeWorld(get());
    const a = await createRisk(get(), w2.analyst, base(w2, 'HM1', { residual: { likelihood: 3, impact: 4 } }));
    const b = await createRisk(get(), w2.analyst, base(w2, 'HM2', { residual: { likelihood: 4, impact: 4 } }));
    const c = await createRisk(
      get(),
      w2.analyst,
      base(w2, 'HM3', { residual: { likelihood: 2, impact: 2 }, nextReview: '2017-05-01' }),
    );
    const closed = await createRisk(get(), w2.analyst, base(w2, 'HM4'));
    await createRisk(
      get(),
      w2.analyst,
      base(w2, 'HM5', { scaleSize: 4, inherent: { likelihood: 2, impact: 2 }, residual: { likelihood: 2, impact: 2 } }),
    );
    await reviewRisk(get(), w2.analyst, a.id, 1, {
      dated: '2017-01-09',
      likelihood: 4,
      impact: 4,
      narrative: 'Worse.',
    });
    await reviewRisk(get(), w2.analyst, b.id, 1, {
      dated: '2017-01-09',
      likelihood: 4,
      impact: 4,
      narrative: 'No change.',
      nextReview: '2017-03-01',
    });
    await reviewRisk(get(), w2.analyst, closed.id, 1, {
      dated: '2017-01-09',
      likelihood: 1,
      impact: 1,
      narrative: 'Mitigated fully.',
      status: 'closed',
    });
    const map = await riskHeatMap(get(), w2.analyst, { organisationId: w2.force });
    expect(map.total).toBe(3);
    expect(map.otherScales).toBe(1);
    const cell = map.rows.find((r) => r.impact === 4)?.cells.find((c) => c.likelihood === 4);
    expect(cell).toMatchObject({ count: 2, score: 16, rating: 'high' });
    expect(cell?.risks.map((r) => [r.reference, r.movement])).toEqual([
      ['HM1', 'up'],
      ['HM2', 'same'],
    ]);
    expect(map.rows.find((r) => r.impact === 2)?.cells[1]?.risks.map((r) => [r.reference, r.movement])).toEqual([
      ['HM3', 'new'],
    ]);
    expect(map.byMovement).toEqual({ up: 1, down: 0, same: 1, new: 1 });
    expect((await riskHeatMap(get(), w2.analyst, { organisationId: w2.force, includeClosed: true })).total).toBe(4);
    expect(
      (await riskHeatMap(get(), w2.analyst, { organisationId: w2.force, scaleSize: 4 })).rows.map((r) => r.label),
    ).toEqual(['Severe', 'Major', 'Moderate', 'Minor']);

    const overdue = await overdueRiskReviews(get(), w2.analyst, { organisationId: w2.force, asOf: '2017-03-02' });
    expect(overdue.risks.map((r) => [r.reference, r.nextReview, r.daysOverdue])).toEqual([
      ['HM5', '2017-01-05', 56],
      ['HM1', '2017-02-09', 21],
      ['HM2', '2017-03-01', 1],
    ]);
    expect(
      (await overdueRiskReviews(get(), w2.analyst, { organisationId: w2.force })).risks.map((r) => r.reference),
    ).toEqual(['HM5', 'HM1', 'HM2', 'HM3']);
    expect(c.nextReview).toBe('2017-05-01');
  });

  it('applies the marking rule to lists, reads, history, heat map and overdue list; writes need a role', async () => {
    const w3 = await makeWorld(get());
    const plain = await createRisk(get(), w3.analyst, base(w3, 'MK1', { sharedWith: [w3.partner] }));
    const hidden = await createRisk(
      get(),
      w3.analyst,
      base(w3, 'MK2', { title: 'Hidden-corruption-risk', marking: 'OFFICIAL-SENSITIVE' }),
    );
    await reviewRisk(get(), w3.analyst, hidden.id, 1, {
      dated: '2017-01-09',
      likelihood: 5,
      impact: 5,
      narrative: 'Hidden narrative.',
    });
    const refs = async (a: World['reader']) =>
      (await listRisks(get(), a, { organisationId: w3.force })).map((r) => r.reference);
    expect(await refs(w3.analyst)).toEqual(['MK1', 'MK2']);
    expect(await refs(w3.reader)).toEqual(['MK1']);
    expect(await refs(w3.otherReader)).toEqual([]);
    expect(await refs(w3.partnerReader)).toEqual(['MK1']);
    for (const who of [w3.reader, w3.otherReader, w3.partnerReader]) {
      const err = await refusal(getRisk(get(), who, hidden.id));
      expect([err.code, err.message]).toEqual(['NOT_FOUND', `There is no risk ${hidden.id} that you can see.`]);
      await expect(reviewRisk(get(), who, hidden.id, 2, { likelihood: 1, impact: 1, narrative: 'x' })).rejects.toThrow(
        `There is no risk ${hidden.id} that you can see.`,
      );
      const seen = JSON.stringify([
        await listRisks(get(), who),
        await listRiskReviews(get(), who),
        await riskHeatMap(get(), who),
        await overdueRiskReviews(get(), who, { asOf: '2030-01-01' }),
        await listAudit(get(), who, { table: 'risks' }),
        await listAudit(get(), who, { table: 'risk_reviews' }),
      ]);
      expect(seen).not.toContain('Hidden-corruption-risk');
      expect(seen).not.toContain('Hidden narrative');
    }
    const map = await riskHeatMap(get(), w3.analyst, { organisationId: w3.force });
    expect(map.marking).toBe('OFFICIAL-SENSITIVE');
    expect((await riskHeatMap(get(), w3.reader, { organisationId: w3.force })).marking).toBe('OFFICIAL');
    await expect(
      reviewRisk(get(), w3.reader, plain.id, 1, { likelihood: 1, impact: 1, narrative: 'x' }),
    ).rejects.toThrow(/needs the admin or analyst role/);
    await expect(
      reviewRisk(get(), w3.partnerReader, plain.id, 1, { likelihood: 1, impact: 1, narrative: 'x' }),
    ).rejects.toThrow(/needs the admin or analyst role/);
    await expect(createRisk(get(), w3.analyst, base(w3, 'MK3', { marking: 'SECRET' }))).rejects.toThrow(
      /clearance is OFFICIAL-SENSITIVE/,
    );
    await expect(createRisk(get(), w3.analyst, base(w3, 'MK3', { organisationId: w3.other }))).rejects.toThrow(
      /needs the admin or analyst role/,
    );
    await expect(createRisk(get(), w3.analyst, base(w3, 'MK3', { sharedWith: ['no-such-org'] }))).rejects.toThrow(
      'Cannot share with "no-such-org"',
    );
  });

  it('writes an audit row for every create, review and edit', async () => {
    const w4 = await makeWorld(get());
    const r = await createRisk(get(), w4.analyst, base(w4, 'AU1', { marking: 'OFFICIAL-SENSITIVE' }));
    const { review } = await reviewRisk(get(), w4.analyst, r.id, 1, {
      dated: '2017-01-09',
      likelihood: 2,
      impact: 2,
      narrative: 'Better.',
      status: 'tolerated',
    });
    await updateRisk(get(), w4.analyst, r.id, 2, { owner: 'Chief Constable' });
    const ofRisk = await listAudit(get(), w4.approver, { table: 'risks', recordId: r.id });
    expect(ofRisk.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(ofRisk[1]?.before).toMatchObject({ status: 'open', version: 1, residual: { score: 12 } });
    expect(ofRisk[1]?.after).toMatchObject({ status: 'tolerated', version: 2, residual: { score: 4 } });
    expect(ofRisk[2]?.after).toMatchObject({ owner: 'Chief Constable', version: 3 });
    expect(ofRisk.every((a) => a.marking === 'OFFICIAL-SENSITIVE' && a.actorName === w4.analyst.username)).toBe(true);
    const reviews = (await listAudit(get(), w4.approver, { table: 'risk_reviews' })).filter(
      (a) => (a.after as { riskId: number }).riskId === r.id,
    );
    expect(reviews.map((a) => [a.action, (a.after as { narrative: string }).narrative])).toEqual([
      ['create', 'Initial assessment.'],
      ['create', 'Better.'],
    ]);
    expect(reviews[1]?.recordId).toBe(String(review.id));
    expect(await listAudit(get(), w4.reader, { table: 'risks', recordId: r.id })).toEqual([]);
  });
});
