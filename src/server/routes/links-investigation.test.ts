/**
 * One investigation's page (GET /links/investigations/:id), its re-marking (PUT .../marking) and
 * a column mapping saved from the web (GET/PUT /links/mappings/:id), in process on the demo store
 * with real iLEAPP results (Josh Hickman's iOS 15 and iOS 17 images, linked by +19198887386):
 * devices, imports (file, records, who, when), identifiers with counts and roles, the linked
 * investigations the reader may see and, for a hidden one, only whom to contact (audited both
 * sides); re-marking up to the writer's clearance by the owning organisation's analyst, audited,
 * a stale version refused, readers refused; a saved mapping used by a later import.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorAnswer,
  LinkImported,
  LinkInvestigation,
  LinkInvestigationDetailAnswer,
  LinkMappingAnswer,
} from '../../api/index.js';
import { actorFor, createLinkInvestigation, flushEvents, listAudit } from '../../store/index.js';
import { importExport } from '../../links/import-export.js';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';

const ileapp = (f: string) => sharedData('phone-exports', 'ileapp-test-results', f);
const SMS15 = 'sms/sms.sms.josh_ios15_ffs.20260725222900.json';
const BOOK15 = 'addressBook/addressBook.addressBook.josh_ios15_ffs.20250621194251.json';
const VOICE17 = 'googleVoice/googleVoice.googleVoiceMessages.josh_ios17_ffs.20260725220317.json';
const WA15 = 'whatsApp/whatsApp.whatsAppCallHistory.josh_ios15_ffs.20250621193412.json';

let demo: DemoApp;
const ids: Record<string, number> = {};

describeWithSharedData("an investigation's page, its marking, and saved mappings", () => {
  beforeAll(async () => {
    demo = await demoApp();
    const patel = await actorFor(demo.store, 'r.patel');
    const admin = await actorFor(demo.store, 'admin');
    const open = async (who: typeof patel, organisationId: string, reference: string, marking?: 'SECRET') =>
      (ids[reference] = (await createLinkInvestigation(demo.store, who, { organisationId, reference, marking })).id);
    await open(patel, 'wwm-alliance', 'OP-ALDER');
    await open(patel, 'wwm-alliance', 'OP-BIRCH');
    await open(admin, 'west-mercia', 'OP-HOLLY', 'SECRET');
    const put = (who: typeof patel, f: string, investigation: string, device: string) =>
      importExport(demo.store, who, ileapp(f), { investigation, device, region: 'US' });
    await put(patel, SMS15, 'OP-ALDER', 'IPHONE8');
    await put(patel, BOOK15, 'OP-ALDER', 'IPHONE8');
    await put(patel, VOICE17, 'OP-BIRCH', 'IPHONE11');
    await put(admin, WA15, 'OP-HOLLY', 'HANDSET');
  }, 180_000);

  it('shows devices, imports, identifiers with roles, linked investigations, and a hidden one only as a contact', async () => {
    const analyst = await demo.as('r.patel');
    const r = await analyst.get<LinkInvestigationDetailAnswer>(`/api/links/investigations/${ids['OP-ALDER']}`);
    expect(r.status).toBe(200);
    const page = r.body;
    expect(page.investigation).toMatchObject({ reference: 'OP-ALDER', marking: 'OFFICIAL-SENSITIVE' });
    expect(page.devices).toEqual([
      expect.objectContaining({ label: 'IPHONE8', imports: 2, identifiers: 11, events: 48 }),
    ]);
    expect(page.imports.map((i) => [i.fileName, i.format, i.records, i.skipped, i.importedBy])).toEqual([
      [SMS15.split('/')[1], 'ileapp-json', 48, 0, 'r.patel'],
      [BOOK15.split('/')[1], 'ileapp-json', 7, 2, 'r.patel'],
    ]);
    expect(page.imports[0]!.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const shared = page.identifiers.find((i) => i.value === '+19198887386')!;
    expect(shared).toMatchObject({ kind: 'phone', status: 'valid', devices: 1 });
    expect(shared.roles).toMatchObject({ contact: 2, recipient: 14 });
    expect(shared.count).toBe(Object.values(shared.roles).reduce((a, b) => a + b, 0));
    expect(page.linked).toEqual([
      expect.objectContaining({ reference: 'OP-BIRCH', organisationId: 'wwm-alliance', shared: 2 }),
    ]);
    expect(page.elsewhere).toEqual([
      {
        organisationId: 'west-mercia',
        organisation: 'West Mercia Police',
        contact: 'the deconfliction officer of West Mercia Police',
        message:
          'Another investigation holds identifiers of this one; contact the deconfliction officer of West Mercia Police.',
      },
    ]);
    const text = JSON.stringify(page);
    expect(text).not.toContain('OP-HOLLY');
    expect(text).not.toContain('HANDSET');
    // The administrator sees OP-HOLLY itself among the linked, and is told nothing more.
    const admin = await demo.as('admin');
    const all = (await admin.get<LinkInvestigationDetailAnswer>(`/api/links/investigations/${ids['OP-ALDER']}`)).body;
    expect(all.linked.map((l) => l.reference).sort()).toEqual(['OP-BIRCH', 'OP-HOLLY']);
    expect(all.elsewhere).toEqual([]);
    // Hidden, or not an id: not found, whoever asks.
    expect((await analyst.get(`/api/links/investigations/${ids['OP-HOLLY']}`)).status).toBe(404);
    expect((await analyst.get('/api/links/investigations/07700900123')).status).toBe(404);
    expect((await (await demo.as('k.hughes')).get(`/api/links/investigations/${ids['OP-ALDER']}`)).status).toBe(404);

    await flushEvents(demo.store);
    const rows = await listAudit(demo.store, await actorFor(demo.store, 'admin'), { table: 'link_investigations' });
    const hits = rows.filter((a) => a.action === 'deconflict' && a.actorName === 'r.patel');
    expect(hits.map((a) => [a.organisationId, a.marking, (a.after as { side: string }).side]).sort()).toEqual([
      ['west-mercia', 'SECRET', 'owner'],
      ['wwm-alliance', 'OFFICIAL-SENSITIVE', 'searcher'],
    ]);
    const owner = hits.find((a) => a.organisationId === 'west-mercia')!;
    expect(owner.after).toMatchObject({
      purpose: 'investigation page',
      investigations: ['OP-HOLLY'],
      searchedBy: 'r.patel',
    });
    // The owner's row never names the reader's investigation (it may be marked above the owner).
    expect(JSON.stringify(owner.after)).not.toContain('OP-ALDER');
  });

  it('re-marks an investigation up to the writer clearance, audited, its records moving with it', async () => {
    const analyst = await demo.as('r.patel');
    const id = ids['OP-BIRCH']!;
    const before = (await analyst.get<LinkInvestigationDetailAnswer>(`/api/links/investigations/${id}`)).body
      .investigation;
    const above = await analyst.call<ErrorAnswer>('PUT', `/api/links/investigations/${id}/marking`, {
      marking: 'SECRET',
      expectedVersion: before.version,
    });
    expect(above.status).toBe(403);
    const reader = await demo.as('acc.morgan');
    expect(
      (
        await reader.call('PUT', `/api/links/investigations/${id}/marking`, {
          marking: 'OFFICIAL',
          expectedVersion: before.version,
        })
      ).status,
    ).toBe(403);
    const lowered = await analyst.call<LinkInvestigation>('PUT', `/api/links/investigations/${id}/marking`, {
      marking: 'OFFICIAL',
      expectedVersion: before.version,
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ marking: 'OFFICIAL', version: before.version + 1 });
    const stale = await analyst.call<ErrorAnswer>('PUT', `/api/links/investigations/${id}/marking`, {
      marking: 'OFFICIAL-SENSITIVE',
      expectedVersion: before.version,
    });
    expect(stale.status).toBe(409);
    // k.hughes (OFFICIAL) now sees it, with its device and its 118 messages.
    const official = await demo.as('k.hughes');
    const seen = await official.get<LinkInvestigationDetailAnswer>(`/api/links/investigations/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.devices).toEqual([expect.objectContaining({ label: 'IPHONE11', events: 118 })]);
    // Raised again: hidden from k.hughes, whose search is then told only whom to contact.
    const raised = await analyst.call<LinkInvestigation>('PUT', `/api/links/investigations/${id}/marking`, {
      marking: 'OFFICIAL-SENSITIVE',
      expectedVersion: lowered.body.version,
    });
    expect(raised.status).toBe(200);
    expect((await official.get(`/api/links/investigations/${id}`)).status).toBe(404);
    const bad = await analyst.call<ErrorAnswer>('PUT', `/api/links/investigations/${id}/marking`, {
      marking: 'TOP-SECRET',
      expectedVersion: raised.body.version,
    });
    expect(bad.status).toBe(400);

    await flushEvents(demo.store);
    const rows = await listAudit(demo.store, await actorFor(demo.store, 'admin'), {
      table: 'link_investigations',
      recordId: id,
    });
    const updates = rows.filter((a) => a.action === 'update');
    expect(
      updates
        .map((a) => [a.marking, (a.before as { marking: string }).marking, (a.after as { marking: string }).marking])
        .sort(),
    ).toEqual([
      ['OFFICIAL-SENSITIVE', 'OFFICIAL', 'OFFICIAL-SENSITIVE'],
      ['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE', 'OFFICIAL'],
    ]);
  });

  it('keeps a refused file on the page: who tried it, when, its rows and the first rejects, none of its records', async () => {
    const analyst = await demo.as('r.patel');
    const bad = await analyst.call<ErrorAnswer>(
      'POST',
      `/api/links/imports?investigation=${ids['OP-ALDER']}&device=IPHONE8&name=bad.csv`,
      undefined,
      {
        raw: 'record,timestamp,direction,identifier\ncontact,,,07911 123456\ncall,not a time,outgoing,07911 123456\ncall,,outgoing,\n',
        headers: { 'content-type': 'application/octet-stream' },
      },
    );
    expect(bad.status).toBe(400);
    // Nobody else's attempt is kept: a reader is refused for the investigation first.
    const reader = await demo.as('acc.morgan');
    expect(
      (
        await reader.call(
          'POST',
          `/api/links/imports?investigation=${ids['OP-ALDER']}&device=X&name=r.csv`,
          undefined,
          {
            raw: 'record,timestamp,direction,identifier\ncall,nope,outgoing,07911 123456\n',
            headers: { 'content-type': 'application/octet-stream' },
          },
        )
      ).status,
    ).not.toBe(201);
    const page = (await analyst.get<LinkInvestigationDetailAnswer>(`/api/links/investigations/${ids['OP-ALDER']}`))
      .body;
    expect(page.refused).toEqual([
      {
        device: 'IPHONE8',
        fileName: 'bad.csv',
        rowsRead: 3,
        rejects: 2,
        firstRejects: [
          expect.objectContaining({ source: 'bad.csv', line: 3, field: 'timestamp' }),
          expect.objectContaining({ source: 'bad.csv', line: 4, field: 'identifier', reason: 'no other party' }),
        ],
        refusedBy: 'r.patel',
        refusedAt: expect.stringMatching(/^\d{4}-/),
      },
    ]);
    expect(page.imports.map((i) => i.fileName)).not.toContain('bad.csv');
  });

  describe('a saved column mapping', () => {
    it('is saved by header names from the web, refused to readers and for shipped ids, and used by a later import', async () => {
      const analyst = await demo.as('r.patel');
      const shipped = await analyst.get<LinkMappingAnswer>('/api/links/mappings/ileapp-whatsapp-calls');
      expect(shipped.body).toMatchObject({ origin: 'shipped', mapping: { id: 'ileapp-whatsapp-calls' } });
      const mine = {
        tool: 'Force HTCU',
        artifact: 'WhatsApp calls, our own extract',
        record: 'call',
        detect: ['Starting Timestamp', 'Contact ID', 'Direction'],
        timestamp: { column: 'Starting Timestamp' },
        direction: { column: 'Direction', values: { Incoming: 'incoming', Outgoing: 'outgoing' } },
        parties: [{ column: 'Contact ID' }],
      };
      const reader = await demo.as('acc.morgan');
      expect((await reader.call('PUT', '/api/links/mappings/htcu-wa-calls', mine)).status).toBe(403);
      expect((await analyst.call('PUT', '/api/links/mappings/ileapp-sms', mine)).status).toBe(409);
      const invalid = await analyst.call<ErrorAnswer>('PUT', '/api/links/mappings/htcu-wa-calls', {
        ...mine,
        record: 'meeting',
        parties: [],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details?.['fields']).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'record' }),
          expect.objectContaining({ field: 'parties' }),
        ]),
      );
      const saved = await analyst.call('PUT', '/api/links/mappings/htcu-wa-calls', mine);
      expect(saved.status).toBe(201);
      const edited = await analyst.call('PUT', '/api/links/mappings/htcu-wa-calls', {
        ...mine,
        artifact: 'WhatsApp calls',
      });
      expect(edited.status).toBe(200);
      const back = (await analyst.get<LinkMappingAnswer>('/api/links/mappings/htcu-wa-calls')).body;
      expect(back).toMatchObject({
        origin: 'saved',
        mapping: { artifact: 'WhatsApp calls', parties: [{ column: 'Contact ID' }] },
      });
      // A later import names it: the real WhatsApp call history read through the saved mapping.
      const up = await analyst.call<LinkImported>(
        'POST',
        `/api/links/imports?investigation=OP-ALDER&device=IPHONE8&region=US&mapping=htcu-wa-calls&name=wa.json`,
        undefined,
        { raw: await readFile(ileapp(WA15), 'utf8'), headers: { 'content-type': 'application/octet-stream' } },
      );
      expect(up.status).toBe(201);
      expect(up.body.tables).toEqual([expect.objectContaining({ mapping: 'htcu-wa-calls', records: 4 })]);
      await flushEvents(demo.store);
      const audit = await listAudit(demo.store, await actorFor(demo.store, 'admin'), { table: 'link_mappings' });
      expect(audit.map((a) => [a.action, a.actorName, a.recordId])).toEqual(
        expect.arrayContaining([
          ['create', 'r.patel', 'htcu-wa-calls'],
          ['update', 'r.patel', 'htcu-wa-calls'],
        ]),
      );
    });
  });
});
