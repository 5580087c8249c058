/**
 * The audit log: every change through the store writes a row with who, when, what, and the
 * record before and after, in the same transaction; the table refuses UPDATE, DELETE and
 * TRUNCATE whatever talks to it, and a change that fails leaves no audit row behind.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import {
  addScore,
  approveControlStrategy,
  createAssessment,
  createThreat,
  deleteThreat,
  listAudit,
  updateScore,
  updateThreat,
} from '../index.js';
import { dbOf } from './store.js';

const values = {
  physical: 2,
  psychological: 2,
  financial: 1,
  community: 1,
  environmental: 0,
  scope: 2,
  vulnerability: 2,
  frequency: 4,
  trend: 0,
  capacity: 1,
  capability: 1,
  partnership: 1,
  confidence: 'high',
};

describeEachDialect('audit log', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
  });

  it('records every change with who, when, before and after', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V1',
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'KSI' });
    const edited = await updateThreat(get(), w.analyst, t.id, t.version, {
      description: 'Killed and seriously injured',
    });
    const s = await addScore(get(), w.analyst, { threatId: t.id, assessor: w.analyst.username, values });
    await updateScore(get(), w.analyst, s.id, s.version, { values: { ...values, trend: 1 } });
    const gone = await createThreat(get(), w.analyst, a.id, { name: 'Temporary' });
    await deleteThreat(get(), w.analyst, gone.id, gone.version);
    await approveControlStrategy(get(), w.approver, a.id);
    const rows = (await listAudit(get(), w.approver)).filter(
      (r) => r.organisationId === w.force && r.table !== 'memberships' && r.table !== 'organisations',
    );
    expect(rows.map((r) => `${r.actorName.replace(`${w.tag}-`, '')} ${r.action} ${r.table}`)).toEqual([
      'analyst create assessments',
      'analyst create threats',
      'analyst update threats',
      'analyst create scores',
      'analyst update scores',
      'analyst create threats',
      'analyst delete threats',
      'approver approve control_strategies',
      'approver update assessments',
    ]);
    const update = rows[2];
    expect(update?.before).toMatchObject({ description: '', version: 1 });
    expect(update?.after).toMatchObject({ description: 'Killed and seriously injured', version: 2 });
    expect(edited.version).toBe(2);
    expect(rows[6]?.before).toMatchObject({ name: 'Temporary' });
    expect(rows[6]?.after).toBeNull();
    expect(rows[7]?.after).toMatchObject({ approvedBy: w.approver.username });
    expect(rows.every((r) => r.at.endsWith('Z') && r.actorId !== null)).toBe(true);
  });

  it.each([
    ['UPDATE', sql`UPDATE audit_log SET actor_name = 'someone else'`],
    ['DELETE', sql`DELETE FROM audit_log`],
    ['TRUNCATE', sql`TRUNCATE audit_log`],
  ])('refuses %s of audit rows, even in raw SQL', async (op, statement) => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(dbOf(get()));
    await expect(statement.execute(dbOf(get()))).rejects.toThrow(`audit_log is append-only: ${op} refused`);
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(dbOf(get()));
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('writes no audit row for a change that is refused', async () => {
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V2',
    });
    const t = await createThreat(get(), w.analyst, a.id, { name: 'FGM' });
    const count = async () => (await listAudit(get(), w.analyst, { table: 'threats', recordId: t.id })).length;
    const n = await count();
    await expect(updateThreat(get(), w.analyst, t.id, 99, { description: 'stale' })).rejects.toThrow(/version/);
    await expect(updateThreat(get(), w.analyst, t.id, 1, { evidence: { offenceCodes: ['NOPE'] } })).rejects.toThrow(
      /offenceCodes/,
    );
    await expect(updateThreat(get(), w.analyst, t.id, 1, { sharedWith: ['no-such-csp'] })).rejects.toThrow(
      'Cannot share with "no-such-csp": no such organisation',
    );
    expect(await count()).toBe(n);
  });
});
