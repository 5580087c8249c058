/**
 * The document's text from the web app: every part listed with the demo's text (read from the
 * store); a change with the version read is saved and audited, a stale one answered 409 with the
 * text as it is now; Markdown the document cannot print is refused with its line; a reader may
 * not write; text above a reader's clearance is not listed and not built into an OFFICIAL
 * document; a part holds one text per marking, so an OFFICIAL analyst writing a part that has a
 * hidden OFFICIAL-SENSITIVE text is answered as for an unused part (issue 13); an approved
 * assessment gets a new version carrying its text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actorFor, listAudit } from '../../store/index.js';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import type { ErrorAnswer, ReviseAnswer, TextPartsAnswer, TextWritten } from '../../api/index.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await demoApp();
}, 600_000);

describe("the document's text from the web app", () => {
  it('lists every part with the demo text, saves with the version read and answers a stale save 409', async () => {
    const analyst = await demo.as('r.patel');
    const list = await analyst.get<TextPartsAnswer>('/api/assessments/2/texts');
    expect(list.status).toBe(200);
    expect(list.body.parts[0]).toMatchObject({ part: 'introduction', text: { marking: 'OFFICIAL', version: 1 } });
    const demand = list.body.parts.find((p) => p.part === 'demand')!;
    expect(demand.text!.body).toContain('Non police related calls');
    const saved = await analyst.call<TextWritten>('PUT', '/api/assessments/2/texts/demand', {
      body: `${demand.text!.body}\nDemand rose by **4%**.\n`,
      expectedVersion: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ created: false, changed: true, text: { version: 2, updatedByName: 'r.patel' } });
    const other = await demo.as('k.hughes');
    const stale = await other.call<ErrorAnswer>('PUT', '/api/assessments/2/texts/demand', {
      body: 'Overwrite.',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/you had version 1, it is now version 2 \(last changed by r\.patel/);
    expect(stale.body.error.details).toMatchObject({ record: { version: 2, body: expect.stringContaining('4%') } });
    const audit = await listAudit(demo.store, await actorFor(demo.store, 'admin'), { table: 'analyst_texts' });
    expect(audit.some((e) => e.action === 'update' && e.actorName === 'r.patel')).toBe(true);
  }, 300_000);

  it('refuses Markdown the document cannot print, naming the line, and a reader', async () => {
    const analyst = await demo.as('r.patel');
    const bad = await analyst.call<ErrorAnswer>('PUT', '/api/assessments/2/texts/people', {
      body: 'Fine.\n\n<b>bold</b>\n',
      expectedVersion: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/line 3: HTML, images and tables are not supported/);
    const approver = await demo.as('acc.morgan');
    const refused = await approver.call('PUT', '/api/assessments/2/texts/capacity', {
      body: 'Mine.',
      expectedVersion: 1,
    });
    expect(refused.status).toBe(403);
  }, 300_000);

  it('hides OFFICIAL-SENSITIVE text from an OFFICIAL reader', async () => {
    const analyst = await demo.as('r.patel');
    const written = await analyst.call<TextWritten>('PUT', '/api/assessments/2/texts/public-service-transformation', {
      body: 'QXSENSITIVE partnership funding gap.',
      marking: 'OFFICIAL-SENSITIVE',
      expectedVersion: null,
    });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ created: true, text: { marking: 'OFFICIAL-SENSITIVE' } });
    const official = await demo.as('k.hughes');
    const list = await official.get('/api/assessments/2/texts');
    expect(JSON.stringify(list.body)).not.toContain('QXSENSITIVE');
  }, 300_000);

  it('answers an OFFICIAL analyst writing a part that has an OFFICIAL-SENSITIVE text exactly as for an unused part', async () => {
    const sensitive = await demo.as('r.patel');
    const official = await demo.as('k.hughes');
    const before = await sensitive.get<TextPartsAnswer>('/api/assessments/1/texts');
    const unused = before.body.parts.filter((p) => p.texts.length === 0).map((p) => p.part);
    const [hiddenPart, freePart] = [unused[0]!, unused[1]!];
    expect(freePart).toBeDefined();
    const hidden = await sensitive.call<TextWritten>('PUT', `/api/assessments/1/texts/${hiddenPart}`, {
      body: 'QXSENSITIVE source reporting.',
      marking: 'OFFICIAL-SENSITIVE',
      expectedVersion: null,
    });
    expect(hidden.status).toBe(200);
    const write = (part: string) =>
      official.call<TextWritten>('PUT', `/api/assessments/1/texts/${part}`, {
        body: 'Open words.',
        expectedVersion: null,
      });
    const [onHidden, onFree] = [await write(hiddenPart), await write(freePart)];
    const shape = (a: typeof onHidden) => ({
      status: a.status,
      body: { ...a.body, text: { ...a.body.text, id: 0, part: '', createdAt: '', updatedAt: '' } },
    });
    expect(shape(onHidden)).toEqual(shape(onFree));
    expect(onHidden).toMatchObject({ status: 200, body: { created: true, text: { marking: 'OFFICIAL', version: 1 } } });
    expect(JSON.stringify(onHidden.body)).not.toMatch(/QXSENSITIVE|OFFICIAL-SENSITIVE/);
    // Each sees the texts they may: the OFFICIAL analyst their own; the OFFICIAL-SENSITIVE one both,
    // with the one a document at their clearance prints (the higher) as the part's text.
    const mine = (await official.get<TextPartsAnswer>('/api/assessments/1/texts')).body.parts.find(
      (p) => p.part === hiddenPart,
    )!;
    expect(mine.texts.map((t) => t.body)).toEqual(['Open words.']);
    expect(JSON.stringify(mine)).not.toContain('QXSENSITIVE');
    const theirs = (await sensitive.get<TextPartsAnswer>('/api/assessments/1/texts')).body.parts.find(
      (p) => p.part === hiddenPart,
    )!;
    expect(theirs.texts.map((t) => [t.marking, t.body])).toEqual([
      ['OFFICIAL', 'Open words.'],
      ['OFFICIAL-SENSITIVE', 'QXSENSITIVE source reporting.'],
    ]);
    expect(theirs.text).toMatchObject({ marking: 'OFFICIAL-SENSITIVE' });
    // A stale edit of the OFFICIAL text is a 409 carrying that text, not the other.
    await official.call('PUT', `/api/assessments/1/texts/${hiddenPart}`, {
      body: 'Open words, v2.',
      expectedVersion: 1,
    });
    const stale = await sensitive.call<ErrorAnswer>('PUT', `/api/assessments/1/texts/${hiddenPart}`, {
      body: 'Late.',
      marking: 'OFFICIAL',
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({
      record: { marking: 'OFFICIAL', version: 2, body: 'Open words, v2.' },
    });
  }, 300_000);

  it('makes a new version of an approved assessment, carrying its threats, scores and text', async () => {
    const analyst = await demo.as('r.patel');
    const revised = await analyst.call<ReviseAnswer>('POST', '/api/assessments/1/revise', { versionLabel: 'V19.1' });
    expect(revised.status).toBe(201);
    expect(revised.body.assessment).toMatchObject({
      period: '2016/17',
      versionLabel: 'V19.1',
      status: 'draft',
      revisionOfId: 1,
    });
    expect(revised.body.carried.threats).toBeGreaterThan(20);
    expect(revised.body.carried.scores).toBeGreaterThan(20);
    const reader = await demo.as('acc.morgan');
    expect((await reader.call('POST', '/api/assessments/1/revise', { versionLabel: 'V19.2' })).status).toBe(403);
  }, 300_000);
});
