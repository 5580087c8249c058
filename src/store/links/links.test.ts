/**
 * Link analysis in the store on both dialects: investigations marked OFFICIAL-SENSITIVE by default
 * and owned by a force; imports all-or-nothing and once per file; cross-reference and network
 * only over what the reader may see (clearance, organisation, shares); every import and every
 * consultation audited, naming what was asked. Real exports from ../shared/data/phone-exports.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { hasSharedData, sharedData } from '../../../test/shared-data.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { tempDir } from '../../../test/temp-workspace.js';
import { linkNetwork, linkPath, linkXref } from '../../links/analysis.js';
import { importExport } from '../../links/import-export.js';
import { createLinkInvestigation, listAudit, listLinkInvestigations, type Store } from '../index.js';

const HEAD = 'record,timestamp,direction,identifier,name,duration_s,region';

async function csv(name: string, rows: string[]): Promise<string> {
  const path = join(await tempDir('stra-links-store-', 'file'), name);
  await writeFile(path, [HEAD, ...rows].join('\n'));
  return path;
}

describeEachDialect('link analysis store', (get) => {
  let w: World;
  let store: Store;
  beforeAll(async () => {
    store = get();
    w = await makeWorld(store);
    const a = await createLinkInvestigation(store, w.analyst, {
      organisationId: w.force,
      reference: 'OP-A',
      title: 'Alder',
    });
    expect(a.marking).toBe('OFFICIAL-SENSITIVE');
    await createLinkInvestigation(store, w.analyst, {
      organisationId: w.force,
      reference: 'OP-B',
      sharedWith: [w.partner],
    });
    await createLinkInvestigation(store, w.admin, { organisationId: w.other, reference: 'OP-C' });
    await importExport(
      store,
      w.analyst,
      await csv('a.csv', [
        'owner,,,+447700900111,,,',
        'call,2024-01-05T10:00:00Z,outgoing,07911 123456,,30,',
        'call,2024-02-05T10:00:00Z,incoming,07911 123456,,30,',
        'call,2024-01-06T10:00:00Z,outgoing,999,,5,',
        'message,2024-01-07T10:00:00Z,outgoing,+447911222333,,,',
      ]),
      { investigation: 'OP-A', device: 'EXH-A1' },
    );
    await importExport(
      store,
      w.analyst,
      await csv('b.csv', [
        'contact,,,+44 7911 123456,Dee,,',
        'contact,,,999,Emergency,,',
        'call,2024-03-01T09:00:00Z,outgoing,+447911222333,,12,',
      ]),
      { investigation: 'OP-B', device: 'EXH-B1' },
    );
    await importExport(store, w.admin, await csv('c.csv', ['contact,,,07911123456,D,,']), {
      investigation: 'OP-C',
      device: 'EXH-C1',
    });
  });

  it('cross-references identifiers across the investigations the reader may see, never a service number', async () => {
    const x = await linkXref(store, w.analyst, {});
    expect(x.map((e) => [e.key, e.investigations, e.count, e.first, e.last, e.roles])).toEqual([
      [
        '+447911123456',
        2,
        3,
        '2024-01-05T10:00:00.000Z',
        '2024-02-05T10:00:00.000Z',
        { callee: 1, caller: 1, contact: 1 },
      ],
      ['+447911222333', 2, 2, '2024-01-07T10:00:00.000Z', '2024-03-01T09:00:00.000Z', { recipient: 1, callee: 1 }],
    ]);
    // The admin of both forces sees OP-C too.
    expect((await linkXref(store, w.admin, {}))[0]).toMatchObject({ key: '+447911123456', investigations: 3 });
  });

  it('shows nothing above clearance, outside the organisation, or unshared', async () => {
    expect(await listLinkInvestigations(store, w.reader)).toEqual([]);
    expect(await linkXref(store, w.reader, {})).toEqual([]);
    expect((await listLinkInvestigations(store, w.otherReader)).map((i) => i.reference)).toEqual(['OP-C']);
    expect((await listLinkInvestigations(store, w.partnerReader)).map((i) => i.reference)).toEqual(['OP-B']);
    await expect(linkXref(store, w.otherReader, { investigations: ['OP-A'] })).rejects.toThrow(
      /no investigation OP-A that you can see/,
    );
  });

  it('refuses imports without the analyst role in the owning force', async () => {
    const path = await csv('r.csv', ['contact,,,07911 555666,,,']);
    await expect(importExport(store, w.reader, path, { investigation: 'OP-A', device: 'X' })).rejects.toThrow(
      /no investigation OP-A/,
    );
    await expect(importExport(store, w.approver, path, { investigation: 'OP-A', device: 'X' })).rejects.toThrow(
      /admin or analyst role/,
    );
    await expect(
      createLinkInvestigation(store, w.analyst, { organisationId: w.force, reference: 'OP-S', marking: 'SECRET' }),
    ).rejects.toThrow(/clearance is OFFICIAL-SENSITIVE/);
  });

  it('imports all or nothing, and the same file once', async () => {
    const before = await listLinkInvestigations(store, w.analyst);
    const bad = await csv('bad.csv', ['contact,,,07911 555666,,,', 'call,not a time,outgoing,07911 555666,,,']);
    await expect(importExport(store, w.analyst, bad, { investigation: 'OP-A', device: 'EXH-A2' })).rejects.toThrow(
      /bad.csv: 1 row rejected, so nothing was imported:\n {2}bad.csv line 3, timestamp: "not a time"/,
    );
    await importExport(store, w.analyst, await csv('a2.csv', ['contact,,,07911 555666,,,']), {
      investigation: 'OP-A',
      device: 'EXH-A3',
    });
    const path = await csv('once.csv', ['contact,,,07911 777888,,,']);
    const first = await importExport(store, w.analyst, path, { investigation: 'OP-A', device: 'EXH-A4' });
    const second = await importExport(store, w.analyst, path, { investigation: 'OP-A', device: 'EXH-A4' });
    expect([first.already, second.already, second.importId]).toEqual([false, true, first.importId]);
    const after = await listLinkInvestigations(store, w.analyst);
    const a = (list: typeof before) => list.find((i) => i.reference === 'OP-A')!;
    expect(a(after).identifiers).toBe(a(before).identifiers + 2);
    expect(a(after).devices).toBe(a(before).devices + 2);
  });

  it('draws the network of investigations and finds the path between two of them and between two numbers', async () => {
    const net = await linkNetwork(store, w.analyst, {});
    expect(net.components[0]!.entities).toEqual(['OP-A', 'OP-B']);
    const p = await linkPath(store, w.admin, 'OP-A', 'OP-C');
    expect(p.path?.map((s) => s.label)).toEqual(['OP-A', '+447911123456', 'OP-C']);
    const q = await linkPath(store, w.analyst, '+447700900111', '07911 222333');
    expect(q.path?.map((s) => s.label)).toEqual(['+447700900111', 'OP-A', '+447911222333']);
    expect((await linkNetwork(store, w.analyst, { from: '2024-03-01', types: ['call', 'message'] })).nodes).toEqual([]);
  });

  it('audits each import and each consultation, with what was asked', async () => {
    await linkPath(store, w.analyst, '07911 123456', 'OP-B');
    const rows = await listAudit(store, w.admin, { table: 'link_investigations' });
    const path = rows.find(
      (r) =>
        r.action === 'read' &&
        (r.after as { purpose?: string }).purpose === 'path' &&
        (r.after as { asked?: { from?: string } }).asked?.from === 'phone:+447911123456',
    );
    expect(path).toMatchObject({
      actorName: w.analyst.username,
      marking: 'OFFICIAL-SENSITIVE',
      organisationId: w.force,
    });
    expect((path!.after as { asked: unknown }).asked).toEqual({
      from: 'phone:+447911123456',
      to: expect.stringMatching(/^investigation:\d+$/),
    });
    const imports = await listAudit(store, w.admin, { table: 'link_imports' });
    expect(imports.some((r) => r.action === 'import' && (r.after as { file: string }).file === 'a.csv')).toBe(true);
  });

  it.skipIf(!hasSharedData)(
    'links two real public images through a number both hold (Josh Hickman iOS 15 and iOS 17)',
    async () => {
      const px = (p: string) => sharedData('phone-exports', 'ileapp-test-results', p);
      await createLinkInvestigation(store, w.analyst, { organisationId: w.force, reference: 'OP-IOS15' });
      await createLinkInvestigation(store, w.analyst, { organisationId: w.force, reference: 'OP-IOS17' });
      for (const f of [
        'whatsApp/whatsApp.whatsAppCallHistory.josh_ios15_ffs.20250621193412.json',
        'sms/sms.sms.josh_ios15_ffs.20260725222900.json',
        'addressBook/addressBook.addressBook.josh_ios15_ffs.20250621194251.json',
      ]) {
        await importExport(store, w.analyst, px(f), { investigation: 'OP-IOS15', device: 'IPHONE8', region: 'US' });
      }
      await importExport(
        store,
        w.analyst,
        px('googleVoice/googleVoice.googleVoiceMessages.josh_ios17_ffs.20260725220317.json'),
        {
          investigation: 'OP-IOS17',
          device: 'IPHONE11',
          region: 'US',
        },
      );
      const x = await linkXref(store, w.analyst, { investigations: ['OP-IOS15', 'OP-IOS17'] });
      const dfir2 = x.find((e) => e.key === '+19198887386')!;
      expect(dfir2.places.map((p) => [p.investigation, p.device, p.roles])).toEqual([
        ['OP-IOS15', 'IPHONE8', ['callee', 'caller', 'contact', 'recipient', 'sender']],
        ['OP-IOS17', 'IPHONE11', expect.arrayContaining(['recipient'])],
      ]);
    },
  );
});
