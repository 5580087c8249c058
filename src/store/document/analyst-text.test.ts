/**
 * The analyst's text in the store: a part's text is created, then changed only with the version
 * read (a stale write is a CONFLICT naming who changed it, and saves nothing); text above a
 * reader's clearance or outside their organisations is not listed; a reader cannot write; a part
 * holds one text per marking, so a writer below a part's hidden text writes their own and is
 * answered exactly as for an unused part (issue 13, defect 5); every change is audited;
 * a new version of the assessment carries the texts with their markings.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyStore } from '../../../test/store-snapshots.js';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { refusal } from '../../../test/refusal.js';
import {
  approveControlStrategy,
  createAssessment,
  listAnalystTexts,
  listAudit,
  reviseAssessment,
  writeAnalystText,
  type Assessment,
} from '../index.js';
import { dbOf } from '../core/store.js';
import { MIGRATIONS, migrate } from '../migrations/index.js';

describeEachDialect('analyst text', (get) => {
  let w: World;
  let a: Assessment;
  beforeAll(async () => {
    w = await makeWorld(get());
    a = await createAssessment(get(), w.analyst, { organisationId: w.force, period: '2017/18', versionLabel: 'V1' });
  });

  it('creates a part, then changes it only with the version read; a stale write saves nothing', async () => {
    const first = await writeAnalystText(get(), w.analyst, {
      assessmentId: a.id,
      part: 'demand',
      body: 'Calls rose.\r\n',
      expectedVersion: null,
    });
    expect(first).toMatchObject({ created: true, text: { version: 1, marking: 'OFFICIAL', body: 'Calls rose.\n' } });
    const second = await writeAnalystText(get(), w.analyst, {
      assessmentId: a.id,
      part: 'demand',
      body: 'Calls rose by 4%.',
      expectedVersion: 1,
    });
    expect(second.text).toMatchObject({ version: 2, updatedByName: w.analyst.username });
    const stale = await refusal(
      writeAnalystText(get(), w.admin, { assessmentId: a.id, part: 'demand', body: 'Old edit.', expectedVersion: 1 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(
      new RegExp(`you had version 1, it is now version 2 \\(last changed by ${w.analyst.username}`),
    );
    const again = await refusal(
      writeAnalystText(get(), w.admin, { assessmentId: a.id, part: 'demand', body: 'New.', expectedVersion: null }),
    );
    expect(again.code).toBe('CONFLICT');
    expect((await listAnalystTexts(get(), w.analyst, a.id)).map((t) => t.body)).toEqual(['Calls rose by 4%.']);
    const audit = await listAudit(get(), w.admin, { table: 'analyst_texts' });
    expect(
      audit
        .filter((e) => e.recordId === String(first.text.id))
        .map((e) => e.action)
        .sort(),
    ).toEqual(['create', 'update']);
  });

  it('refuses an unknown part, a reader, another organisation, and a marking above the writer', async () => {
    const part = await refusal(
      writeAnalystText(get(), w.analyst, { assessmentId: a.id, part: 'appendix', body: 'x', expectedVersion: null }),
    );
    expect(part.message).toMatch(/"appendix" is not a part of the document.*introduction/);
    const reader = await refusal(
      writeAnalystText(get(), w.reader, { assessmentId: a.id, part: 'people', body: 'x', expectedVersion: null }),
    );
    expect(reader.code).toBe('FORBIDDEN');
    // Another force's reader of equal clearance, and a partner it is not shared with: not found.
    for (const outsider of [w.otherReader, w.partnerReader]) {
      const refused = await refusal(
        writeAnalystText(get(), outsider, { assessmentId: a.id, part: 'people', body: 'x', expectedVersion: null }),
      );
      expect(refused.code).toBe('NOT_FOUND');
    }
    const secret = await refusal(
      writeAnalystText(get(), w.analyst, {
        assessmentId: a.id,
        part: 'people',
        body: 'x',
        marking: 'SECRET',
        expectedVersion: null,
      }),
    );
    expect(secret.code).toBe('FORBIDDEN');
    expect((await listAnalystTexts(get(), w.analyst, a.id)).map((t) => t.part)).toEqual(['demand']);
  });

  it('hides text above the clearance or outside the organisations; a writer below it writes their own text, answered as for an unused part', async () => {
    await writeAnalystText(get(), w.analyst, {
      assessmentId: a.id,
      part: 'serious-organised-crime',
      body: 'QXHIDDEN covert source.',
      marking: 'OFFICIAL-SENSITIVE',
      expectedVersion: null,
    });
    expect((await listAnalystTexts(get(), w.analyst, a.id)).map((t) => t.part)).toEqual([
      'demand',
      'serious-organised-crime',
    ]);
    expect((await listAnalystTexts(get(), w.reader, a.id)).map((t) => t.part)).toEqual(['demand']);
    expect((await refusal(listAnalystTexts(get(), w.otherReader, a.id))).code).toBe('NOT_FOUND');
    // An OFFICIAL analyst of the force cannot see the OFFICIAL-SENSITIVE text: writing the part
    // (which has one) and writing a part nobody has written are answered alike.
    const lowAnalyst = { ...w.analyst, clearance: 'OFFICIAL' as const };
    const write = (part: string) =>
      writeAnalystText(get(), lowAnalyst, { assessmentId: a.id, part, body: 'Mine.', expectedVersion: null });
    const shape = (r: Awaited<ReturnType<typeof write>>) => ({
      created: r.created,
      changed: r.changed,
      text: { ...r.text, id: 0, part: '', createdAt: '', updatedAt: '' },
    });
    const hiddenPart = await write('serious-organised-crime');
    const unusedPart = await write('people');
    expect(shape(hiddenPart)).toEqual(shape(unusedPart));
    expect(hiddenPart).toMatchObject({ created: true, text: { marking: 'OFFICIAL', version: 1, body: 'Mine.' } });
    expect(JSON.stringify(hiddenPart)).not.toMatch(/QXHIDDEN|SENSITIVE/);
    // Their edit goes to their own text; the hidden one is untouched (and a stale edit is told about theirs only).
    const edited = await writeAnalystText(get(), lowAnalyst, {
      assessmentId: a.id,
      part: 'serious-organised-crime',
      body: 'Mine, again.',
      expectedVersion: 1,
    });
    expect(edited.text).toMatchObject({ id: hiddenPart.text.id, version: 2, marking: 'OFFICIAL' });
    // The OFFICIAL-SENSITIVE reader sees both texts of the part, lowest marking first.
    const both = (await listAnalystTexts(get(), w.analyst, a.id)).filter((t) => t.part === 'serious-organised-crime');
    expect(both.map((t) => [t.marking, t.version, t.body])).toEqual([
      ['OFFICIAL', 2, 'Mine, again.'],
      ['OFFICIAL-SENSITIVE', 1, 'QXHIDDEN covert source.'],
    ]);
    // Seeing both, an edit must say which; re-marking onto a text they can see is refused by name.
    const which = await refusal(
      writeAnalystText(get(), w.analyst, {
        assessmentId: a.id,
        part: 'serious-organised-crime',
        body: 'x',
        expectedVersion: 2,
      }),
    );
    expect(which.message).toMatch(/marked OFFICIAL and OFFICIAL-SENSITIVE that you can see; say which/);
    const remark = await refusal(
      writeAnalystText(get(), w.analyst, {
        assessmentId: a.id,
        part: 'serious-organised-crime',
        body: 'x',
        editing: 'OFFICIAL',
        marking: 'OFFICIAL-SENSITIVE',
        expectedVersion: 2,
      }),
    );
    expect(remark.message).toMatch(/already has a OFFICIAL-SENSITIVE text \(version 1\); change that one instead/);
    // The OFFICIAL analyst editing "the OFFICIAL-SENSITIVE text" is answered as for a text that does not exist.
    const above = async (part: string) =>
      refusal(
        writeAnalystText(get(), lowAnalyst, {
          assessmentId: a.id,
          part,
          body: 'x',
          marking: 'OFFICIAL-SENSITIVE',
          expectedVersion: 1,
        }),
      );
    const [aboveHidden, aboveUnused] = [await above('serious-organised-crime'), await above('capacity')];
    expect([aboveHidden.code, aboveUnused.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(aboveHidden.message.replace('serious-organised-crime', 'capacity')).toBe(aboveUnused.message);
    // Each text's changes are audited on its own record.
    const audit = await listAudit(get(), w.admin, { table: 'analyst_texts' });
    expect(
      audit
        .filter((e) => e.recordId === String(hiddenPart.text.id))
        .map((e) => e.action)
        .sort(),
    ).toEqual(['create', 'update']);
  });

  it('moves a text to another marking when the part has none there', async () => {
    const moved = await writeAnalystText(get(), w.analyst, {
      assessmentId: a.id,
      part: 'people',
      body: 'Mine, now sensitive.',
      editing: 'OFFICIAL',
      marking: 'OFFICIAL-SENSITIVE',
      expectedVersion: 1,
    });
    expect(moved.text).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', version: 2 });
    expect((await listAnalystTexts(get(), w.reader, a.id)).map((t) => t.part)).toEqual([
      'demand',
      'serious-organised-crime',
    ]);
  });

  it('carries every text, with its marking, into a new version after approval', async () => {
    await approveControlStrategy(get(), w.approver, a.id);
    const { assessment, carried } = await reviseAssessment(get(), w.analyst, a.id, { versionLabel: 'V2' });
    expect(carried.texts).toBe(4);
    const texts = await listAnalystTexts(get(), w.analyst, assessment.id);
    expect(texts.map((t) => [t.part, t.marking, t.version])).toEqual([
      ['demand', 'OFFICIAL', 1],
      ['serious-organised-crime', 'OFFICIAL', 1],
      ['serious-organised-crime', 'OFFICIAL-SENSITIVE', 1],
      ['people', 'OFFICIAL-SENSITIVE', 1],
    ]);
    expect((await listAnalystTexts(get(), w.reader, assessment.id)).map((t) => t.part)).toEqual([
      'demand',
      'serious-organised-crime',
    ]);
  });
});

describe('migration 017 on a store made before it', () => {
  it('keeps every existing text and its marking when migration 017 runs on a store made before it', async () => {
    const store = await emptyStore();
    const get = () => store;
    const w = await makeWorld(store);
    const old = await createAssessment(get(), w.analyst, {
      organisationId: w.force,
      period: '2018/19',
      versionLabel: 'V1',
      marking: 'OFFICIAL-SENSITIVE',
    });
    const before = await writeAnalystText(get(), w.analyst, {
      assessmentId: old.id,
      part: 'demand',
      body: 'Written before 017.',
      expectedVersion: null,
    });
    // The store as it was after migration 016: one text per (assessment, part), 017 not applied.
    const db = dbOf(get());
    await sql`DROP INDEX analyst_texts_part_in_sight`.execute(db);
    await sql`ALTER TABLE analyst_texts ADD CONSTRAINT analyst_texts_assessment_id_part_key UNIQUE (assessment_id, part)`.execute(
      db,
    );
    await sql`DROP INDEX link_investigations_reference_in_sight`.execute(db);
    await sql`ALTER TABLE link_investigations ADD CONSTRAINT link_investigations_organisation_id_reference_key UNIQUE (organisation_id, reference)`.execute(
      db,
    );
    await sql`DROP INDEX plan_mappings_pair_in_sight`.execute(db);
    await sql`CREATE UNIQUE INDEX plan_mappings_pair ON plan_mappings (least(plan_a_id, plan_b_id), greatest(plan_a_id, plan_b_id))`.execute(
      db,
    );
    // Later migrations are undone too: the store must look as it did before 017 ran.
    const later = Object.entries(MIGRATIONS).filter(([name]) => name > '017-texts-per-marking');
    for (const [name, migration] of [...later].reverse()) {
      if (migration.down === undefined) throw new Error(`Migration ${name} has no down(): this test must undo it.`);
      await migration.down(db as never);
    }
    await sql`DELETE FROM ${sql.id(get().schema, 'kysely_migration')} WHERE name >= '017-texts-per-marking'`.execute(
      db,
    );
    expect(await migrate(db as never, get().schema)).toEqual(['017-texts-per-marking', ...later.map(([name]) => name)]);
    const after = await listAnalystTexts(get(), w.analyst, old.id);
    expect(after.map((t) => [t.id, t.part, t.marking, t.version, t.body])).toEqual([
      [before.text.id, 'demand', 'OFFICIAL-SENSITIVE', 1, 'Written before 017.'],
    ]);
    // The part now takes an OFFICIAL text beside it.
    const beside = await writeAnalystText(get(), w.analyst, {
      assessmentId: old.id,
      part: 'demand',
      body: 'For everyone.',
      marking: 'OFFICIAL',
      expectedVersion: null,
    });
    expect(beside).toMatchObject({ created: true, text: { marking: 'OFFICIAL', version: 1 } });
    await store.close();
  }, 120_000);
});
