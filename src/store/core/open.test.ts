/**
 * Opening a store: migrations run on open (and only once), the embedded store persists in its
 * folder, a second process is kept out of a PGlite folder, and both dialects return the same JS
 * types at the repository edge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld } from '../../../test/store-world.js';
import { migrate } from '../migrations/index.js';
import {
  addScore,
  createAssessment,
  createThreat,
  listAudit,
  listAssessments,
  listOrganisations,
  listScores,
  openStore,
  redact,
} from '../index.js';
import { dbOf } from './store.js';

describeEachDialect('store', (get) => {
  it('runs its migrations on open, and again does nothing', async () => {
    const db = dbOf(get());
    expect(await migrate(db as never, get().schema)).toEqual([]);
    const tables = await db.introspection.getTables();
    const mine = tables.filter((t) => t.schema === get().schema).map((t) => t.name);
    expect(mine).toEqual(
      expect.arrayContaining([
        'organisations',
        'users',
        'memberships',
        'audit_log',
        'scoring_models',
        'assessments',
        'threats',
        'scores',
        'control_strategies',
      ]),
    );
  });

  it('returns the same JS types on every driver (numbers, ISO times, arrays, parsed JSON)', async () => {
    const w = await makeWorld(get());
    const a = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2017/18',
      versionLabel: 'V1',
    });
    const t = await createThreat(get(), w.analyst, a.id, {
      name: 'Cyber',
      sharedWith: [w.partner],
      evidence: { policeUkCategories: ['other-crime'] },
    });
    await addScore(get(), w.analyst, {
      threatId: t.id,
      assessor: w.analyst.username,
      values: {
        physical: 1,
        psychological: 1,
        financial: 3,
        community: 1,
        environmental: 0,
        scope: 3,
        vulnerability: 2,
        frequency: 5,
        trend: 1,
        capacity: 2,
        capability: 2,
        partnership: 1,
        confidence: 'medium',
      },
    });
    const [listed] = await listAssessments(get(), w.analyst, { organisationId: w.force });
    const [score] = await listScores(get(), w.analyst, { threatId: t.id });
    const [audit] = await listAudit(get(), w.analyst, { table: 'threats', recordId: t.id });
    expect(typeof listed?.id).toBe('number');
    expect(listed?.version).toBe(1);
    expect(listed?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(t.sharedWith).toEqual([w.partner]);
    expect(t.evidence.policeUkCategories).toEqual(['other-crime']);
    expect(typeof score?.outputs.s).toBe('number');
    expect(score?.inputs.values.confidence).toBe(2);
    expect(typeof audit?.id).toBe('number');
    expect(audit?.after).toMatchObject({ name: 'Cyber' });
    expect((await listOrganisations(get())).map((o) => typeof o.createdAt)).not.toContain('object');
  });
});

describe('embedded store folder', () => {
  it('persists between opens and keeps a second opener out while open', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stra-store-'));
    try {
      const folder = path.join(dir, 'store');
      const first = await openStore({ folder });
      await makeWorld(first);
      await expect(openStore({ folder, lockWaitMs: 0 }).then((s) => s.close())).rejects.toThrow(/is in use by process/);
      await first.close();
      const again = await openStore({ folder });
      expect((await listOrganisations(again)).length).toBe(4);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('never shows a database password', () => {
    expect(redact('postgres://stra:hunter2@db.example:5432/stra')).toBe('postgres://stra:***@db.example:5432/stra');
  });
});
