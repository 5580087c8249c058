/**
 * The link analysis routes (issue 16) in process, on the demo store with real iLEAPP results
 * from two public iPhone images (Josh Hickman's iOS 15 and iOS 17) linked by +19198887386:
 * investigations opened and listed under the marking rule, exports uploaded all or nothing (a bad
 * row named, a second upload of one file changing nothing), the search with deconfliction (a match
 * in a SECRET investigation told only as whom to contact, audited for both sides), the
 * cross-reference, network, path and timeline, and their CSV and GraphML exports audited at their
 * marking, with CSV injection neutralised.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import type {
  ErrorAnswer,
  LinkImported,
  LinkInvestigationListed,
  LinkNetworkAnswer,
  LinkPathAnswer,
  LinkSearchAnswer,
  LinkTimelineAnswer,
  LinkXrefAnswer,
} from '../../api/index.js';
import { actorFor, flushEvents, listAudit } from '../../store/index.js';
import { demoApp, type DemoApp } from '../../../test/demo-app.js';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import type { ApiClient } from '../../../test/api-client.js';

const ileapp = (f: string) => sharedData('phone-exports', 'ileapp-test-results', f);
const SMS15 = 'sms/sms.sms.josh_ios15_ffs.20260725222900.json';
const VOICE17 = 'googleVoice/googleVoice.googleVoiceMessages.josh_ios17_ffs.20260725220317.json';

let demo: DemoApp;
let analyst: ApiClient;
let admin: ApiClient;

async function upload(client: ApiClient, investigation: string, device: string, name: string, text: string) {
  return client.call<LinkImported | ErrorAnswer>(
    'POST',
    `/api/links/imports?investigation=${investigation}&device=${device}&region=US&name=${encodeURIComponent(name)}`,
    undefined,
    { raw: text, headers: { 'content-type': 'application/octet-stream' } },
  );
}

describeWithSharedData('link analysis routes on real exports', () => {
  beforeAll(async () => {
    demo = await demoApp();
    analyst = await demo.as('r.patel');
    admin = await demo.as('admin');
  });

  it('opens and lists investigations under the marking rule', async () => {
    const made = await analyst.call('POST', '/api/links/investigations', {
      organisationId: 'wwm-alliance',
      reference: 'OP-ALDER',
      title: 'Alder',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ reference: 'OP-ALDER', marking: 'OFFICIAL-SENSITIVE' });
    const secret = await admin.call('POST', '/api/links/investigations', {
      organisationId: 'west-mercia',
      reference: 'OP-HOLLY',
      marking: 'SECRET',
    });
    expect(secret.status).toBe(201);
    const bad = await analyst.call<ErrorAnswer>('POST', '/api/links/investigations', {
      organisationId: 'wwm-alliance',
      reference: 'A/B',
    });
    expect(bad.status).toBe(400);
    expect(
      (await analyst.get<LinkInvestigationListed[]>('/api/links/investigations')).body.map((i) => i.reference),
    ).toEqual(['OP-ALDER']);
    const official = await demo.as('k.hughes');
    expect((await official.get('/api/links/investigations')).body).toEqual([]);
  });

  it('imports an uploaded export all or nothing, naming each rejected row, and the same file once', async () => {
    const text = await readFile(ileapp(SMS15), 'utf8');
    const first = await upload(analyst, 'OP-ALDER', 'IPHONE8', 'sms.json', text);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ records: 48, events: 48, already: false, format: 'ileapp-json' });
    const again = await upload(analyst, 'OP-ALDER', 'IPHONE8', 'sms.json', text);
    expect([again.status, (again.body as LinkImported).already]).toEqual([200, true]);
    const bad = await upload(
      analyst,
      'OP-ALDER',
      'IPHONE8',
      'bad.csv',
      'record,timestamp,direction,identifier\ncontact,,,07911 123456\ncall,not a time,outgoing,07911 123456\n',
    );
    expect(bad.status).toBe(400);
    const e = (bad.body as ErrorAnswer).error;
    expect(e.message).toContain('bad.csv: 1 row rejected, so nothing was imported');
    expect(e.details?.['rejects']).toEqual([
      expect.objectContaining({ source: 'bad.csv', line: 3, field: 'timestamp' }),
    ]);
    const list = (await analyst.get<LinkInvestigationListed[]>('/api/links/investigations')).body;
    expect(list[0]).toMatchObject({ devices: 1, events: 48 });
    // A reader may not import; nor may anyone into an investigation they cannot see.
    const reader = await demo.as('rugby.csp');
    expect((await upload(reader, 'OP-ALDER', 'X', 'sms.json', text)).status).toBe(404);
    expect((await upload(analyst, 'OP-HOLLY', 'X', 'sms.json', text)).status).toBe(404);
    expect(
      (await upload(admin, 'OP-HOLLY', 'IPHONE11', 'voice.json', await readFile(ileapp(VOICE17), 'utf8'))).status,
    ).toBe(201);
  });

  it('tells a searcher only whom to contact about a match they may not see, and audits it for both sides', async () => {
    const r = await analyst.get<LinkSearchAnswer>(
      `/api/links/search?q=${encodeURIComponent('(919) 888-7386')}&region=US`,
    );
    expect(r.status).toBe(200);
    expect(r.body.identifier).toBe('+19198887386');
    expect(r.body.found?.places.map((p) => p.investigation)).toEqual(['OP-ALDER']);
    expect(r.body.elsewhere).toEqual([
      {
        organisationId: 'west-mercia',
        organisation: 'West Mercia Police',
        contact: 'the deconfliction officer of West Mercia Police',
        message:
          'Another investigation holds this identifier; contact the deconfliction officer of West Mercia Police.',
      },
    ]);
    expect(JSON.stringify(r.body)).not.toContain('OP-HOLLY');
    expect(JSON.stringify(r.body)).not.toContain('IPHONE11');
    // The administrator sees both, so no deconfliction.
    const both = (await admin.get<LinkSearchAnswer>('/api/links/search?q=%2B19198887386')).body;
    expect([both.found?.investigations, both.elsewhere]).toEqual([2, []]);
    await flushEvents(demo.store);
    const rows = await listAudit(demo.store, await actorFor(demo.store, 'admin'), { table: 'link_investigations' });
    const hits = rows.filter((a) => a.action === 'deconflict');
    expect(hits.map((a) => [a.organisationId, a.marking, (a.after as { side: string }).side])).toEqual(
      expect.arrayContaining([
        ['west-mercia', 'SECRET', 'owner'],
        ['wwm-alliance', 'OFFICIAL', 'searcher'],
      ]),
    );
    expect(hits.find((a) => a.organisationId === 'west-mercia')!.after).toMatchObject({
      identifier: 'phone:+19198887386',
      investigations: ['OP-HOLLY'],
      searchedBy: 'r.patel',
    });
    // The searcher's own row names no investigation.
    expect(JSON.stringify(hits.find((a) => a.organisationId === 'wwm-alliance')!.after)).not.toContain('OP-HOLLY');
  });

  it("names an organisation's designated contact once its administrator sets one", async () => {
    expect((await analyst.call('PUT', '/api/links/contacts/west-mercia', { contact: 'DS Jones' })).status).toBe(403);
    const set = await admin.call('PUT', '/api/links/contacts/west-mercia', {
      contact: 'DS A. Jones, Intelligence Bureau, 01905 000000',
    });
    expect(set.status).toBe(200);
    const r = (await analyst.get<LinkSearchAnswer>('/api/links/search?q=%2B19198887386')).body;
    expect(r.elsewhere.map((w) => w.message)).toEqual([
      'Another investigation holds this identifier; contact DS A. Jones, Intelligence Bureau, 01905 000000 (West Mercia Police).',
    ]);
    const list = (await analyst.get<{ organisationId: string; contact: string | null }[]>('/api/links/contacts')).body;
    expect(list.find((o) => o.organisationId === 'west-mercia')?.contact).toBe(
      'DS A. Jones, Intelligence Bureau, 01905 000000',
    );
  });

  it('cross-references, draws the network, finds the path and the timeline over what each may see', async () => {
    const x = (await admin.get<LinkXrefAnswer>('/api/links/xref')).body;
    expect(x.marking).toBe('SECRET');
    expect(x.entries.map((e) => [e.key, e.investigations])).toContainEqual(['+19198887386', 2]);
    expect((await analyst.get<LinkXrefAnswer>('/api/links/xref')).body).toEqual({
      marking: 'OFFICIAL-SENSITIVE',
      entries: [],
    });
    const net = (await admin.get<LinkNetworkAnswer>('/api/links/network')).body.network;
    expect(net.components[0]!.entities).toEqual(['OP-ALDER', 'OP-HOLLY']);
    expect(net.nodes.find((n) => n.id === 'phone:+19198887386')).toMatchObject({ degree: 2, component: 1 });
    const none = (await admin.get<LinkNetworkAnswer>('/api/links/network?from=2030-01-01&type=call,message')).body;
    expect(none.network.nodes).toEqual([]);
    const path = (await admin.get<LinkPathAnswer>('/api/links/path?a=OP-ALDER&b=OP-HOLLY')).body;
    expect(path.path?.map((s) => s.label)).toEqual(['OP-ALDER', '+19198887386', 'OP-HOLLY']);
    // An investigation the analyst may not see is no investigation: read as a handle, linked to nothing.
    const hidden = await analyst.get<LinkPathAnswer>('/api/links/path?a=OP-ALDER&b=OP-HOLLY');
    expect([hidden.status, hidden.body.path]).toEqual([200, null]);
    expect(JSON.stringify(hidden.body)).not.toMatch(/investigation:\d+"?$|"to":"investigation/);
    const t = (await admin.get<LinkTimelineAnswer>('/api/links/timeline?identifier=%2B19198887386')).body;
    expect(t.events.length).toBeGreaterThan(1);
    expect(new Set(t.events.map((e) => e.investigation))).toEqual(new Set(['OP-ALDER', 'OP-HOLLY']));
    const sorted = t.events.map((e) => e.at).filter((a) => a !== null);
    expect(sorted).toEqual([...sorted].sort());
    const byInv = (await analyst.get<LinkTimelineAnswer>('/api/links/timeline?investigation=OP-ALDER')).body;
    expect(byInv.events).toHaveLength(48);
    expect((await analyst.get('/api/links/timeline')).status).toBe(400);
    expect((await analyst.get('/api/links/xref?type=fax')).status).toBe(400);
  });

  it('exports the cross-reference, network and timeline as CSV and GraphML, each audited at its marking', async () => {
    const csv = await admin.get<string>('/api/links/xref.csv');
    expect(csv.headers.get('x-protective-marking')).toBe('SECRET');
    expect(csv.body.split('\n')[0]).toBe(
      'identifier,kind,flagged,investigations,devices,records,first,last,roles,where',
    );
    expect(csv.body).toContain('+19198887386,phone,');
    const g = await admin.get<string>('/api/links/network.graphml?level=device');
    expect(g.headers.get('content-type')).toContain('application/graphml+xml');
    expect(g.body).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(g.body).toContain('<data key="g_marking">SECRET</data>');
    expect(g.body).toContain('<node id="phone:+19198887386">');
    const nodes = await analyst.get<string>('/api/links/network.csv?all=true');
    expect(nodes.headers.get('x-protective-marking')).toBe('OFFICIAL-SENSITIVE');
    const tl = await analyst.get<string>('/api/links/timeline.csv?investigation=OP-ALDER');
    expect(tl.body.trim().split('\n')).toHaveLength(49);
    await flushEvents(demo.store);
    const rows = await listAudit(demo.store, await actorFor(demo.store, 'admin'), {});
    const exports = rows.filter((a) => a.action === 'export' && String(a.recordId).startsWith('/api/links/'));
    expect(exports.map((a) => [a.recordId, a.marking])).toEqual(
      expect.arrayContaining([
        ['/api/links/xref.csv', 'SECRET'],
        ['/api/links/network.graphml', 'SECRET'],
        ['/api/links/network.csv', 'OFFICIAL-SENSITIVE'],
        ['/api/links/timeline.csv', 'OFFICIAL-SENSITIVE'],
      ]),
    );
    const reads = rows.filter(
      (a) => a.action === 'read' && (a.after as { purpose?: string } | null)?.purpose === 'export',
    );
    expect(reads.map((a) => (a.after as { asked: { export: string } }).asked.export)).toEqual(
      expect.arrayContaining(['xref', 'network', 'timeline']),
    );
  });

  it('neutralises a formula a seized phone holds in every CSV export', async () => {
    await analyst.call('POST', '/api/links/investigations', { organisationId: 'wwm-alliance', reference: 'OP-ASH' });
    const evil =
      'record,timestamp,direction,identifier,name\ncall,2024-01-05T10:00:00Z,outgoing,"=HYPERLINK(""x"")",\n';
    expect((await upload(analyst, 'OP-ASH', 'EVIL', 'evil.csv', evil)).status).toBe(201);
    // A malformed file is refused naming its line, not a server error.
    const broken = await upload(
      analyst,
      'OP-ASH',
      'EVIL',
      'broken.csv',
      evil.replace('"=HYPERLINK(""x"")"', '=H("x")'),
    );
    expect([broken.status, (broken.body as ErrorAnswer).error.message]).toEqual([
      400,
      expect.stringContaining('broken.csv line 2:'),
    ]);
    const tl = await analyst.get<string>('/api/links/timeline.csv?investigation=OP-ASH');
    expect(tl.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(tl.body).toContain(`'=HYPERLINK`);
  });
});
