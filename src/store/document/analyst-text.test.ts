/**
 * The analyst's text in the store: a part's text is created, then changed only with the version
 * read (a stale write is a CONFLICT naming who changed it, and saves nothing); text above a
 * reader's clearance or outside their organisations is not listed; a reader cannot write; a
 * hidden part cannot be overwritten and the refusal says nothing of it; every change is audited;
 * a new version of the assessment carries the texts with their markings.
 */
import { beforeAll, expect, it } from 'vitest';
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

  it('hides text above the clearance or outside the organisations, and refuses overwriting it without naming it', async () => {
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
    // An OFFICIAL analyst of the force cannot see the part, and cannot overwrite it.
    const lowAnalyst = { ...w.analyst, clearance: 'OFFICIAL' as const };
    const clash = await refusal(
      writeAnalystText(get(), lowAnalyst, {
        assessmentId: a.id,
        part: 'serious-organised-crime',
        body: 'Mine.',
        expectedVersion: null,
      }),
    );
    expect(clash.message).toBe('That part cannot be used here; choose another.');
    expect(clash.message).not.toMatch(/QXHIDDEN/);
  });

  it('carries every text, with its marking, into a new version after approval', async () => {
    await approveControlStrategy(get(), w.approver, a.id);
    const { assessment, carried } = await reviseAssessment(get(), w.analyst, a.id, { versionLabel: 'V2' });
    expect(carried.texts).toBe(2);
    const texts = await listAnalystTexts(get(), w.analyst, assessment.id);
    expect(texts.map((t) => [t.part, t.marking, t.version])).toEqual([
      ['demand', 'OFFICIAL', 1],
      ['serious-organised-crime', 'OFFICIAL-SENSITIVE', 1],
    ]);
    expect((await listAnalystTexts(get(), w.reader, assessment.id)).map((t) => t.part)).toEqual(['demand']);
  });
});
