/**
 * Every real export in ../shared/data/phone-exports read in place through the shipped mappings:
 * iLEAPP results from public iOS images and Android provider databases (README of that folder).
 * The expected counts are the rows its README records.
 */
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { loadMappings } from './mappings.js';
import { parseExport } from './parse-export.js';

const px = (...p: string[]) => sharedData('phone-exports', ...p);
const mappings = await loadMappings();

describe('the shipped mappings', () => {
  it('all validate, with unique ids', () => {
    expect(mappings.length).toBeGreaterThanOrEqual(26);
    expect(new Set(mappings.map((m) => m.id)).size).toBe(mappings.length);
  });
});

describeWithSharedData('real phone exports, read in place', () => {
  it('reads iLEAPP SMS (48 rows) by header name, with E.164 numbers, short codes and e-mail handles', async () => {
    const p = await parseExport(px('ileapp-test-results/sms/sms.sms.josh_ios15_ffs.20260725222900.json'), mappings, {
      region: 'US',
    });
    expect(p.tables).toEqual([expect.objectContaining({ mapping: 'ileapp-sms', records: 48, rejects: 0 })]);
    const first = p.records[0]!;
    expect(first).toMatchObject({ type: 'message', direction: 'incoming', at: '2023-04-15T17:30:09.000Z', line: 1 });
    expect(first.parties[0]).toMatchObject({ role: 'sender', identifier: { key: '466', status: 'service' } });
    const keys = new Set(p.records.flatMap((r) => r.parties.map((x) => x.identifier.kind)));
    expect([...keys].sort()).toEqual(expect.arrayContaining(['phone']));
    const directions = p.records.reduce<Record<string, number>>(
      (a, r) => ({ ...a, [r.direction]: (a[r.direction] ?? 0) + 1 }),
      {},
    );
    expect(directions).toEqual({ incoming: 33, outgoing: 15 });
  });

  it('reads the iLEAPP address book, splitting CR-joined numbers and dropping labels', async () => {
    const p = await parseExport(
      px('ileapp-test-results/addressBook/addressBook.addressBook.josh_ios15_ffs.20250621194251.json'),
      mappings,
      {
        region: 'US',
      },
    );
    const josh = p.records.find((r) => r.name === 'Josh Hickman')!;
    expect(josh.parties.map((x) => x.identifier.key)).toEqual([
      '+19195790479',
      '+19193912507',
      'joshuahickman957@gmail.com',
    ]);
    expect(p.records.length + p.skipped).toBe(9);
  });

  it('reads a WhatsApp JID and the formatted number of the same call to one key', async () => {
    const p = await parseExport(
      px('ileapp-test-results/whatsApp/whatsApp.whatsAppCallHistory.josh_ios15_ffs.20250621193412.json'),
      mappings,
      {
        region: 'US',
      },
    );
    expect(p.records[0]).toMatchObject({ type: 'call', direction: 'outgoing', durationS: 95 });
    expect(p.records[0]!.parties).toEqual([
      {
        role: 'callee',
        identifier: expect.objectContaining({ key: '+19198887386', raw: '19198887386@s.whatsapp.net' }),
      },
    ]);
  });

  it('reads the batched rows of the older iLEAPP harness (Burner)', async () => {
    const p = await parseExport(
      px('ileapp-test-results/burnerCache/burnerCache.burnerCache_messages.josh_ios15_ffs.20250621013336.json'),
      mappings,
    );
    expect(p.rejects).toEqual([]);
    expect(p.records[0]!.parties.map((x) => [x.role, x.identifier.key])).toEqual([
      ['sender', '+18285205789'],
      ['recipient', '+19198887386'],
    ]);
  });

  it('reads every iLEAPP result file with no rejects', async () => {
    const { readdirSync } = await import('node:fs');
    const dirs = readdirSync(px('ileapp-test-results'), { withFileTypes: true }).filter((d) => d.isDirectory());
    let records = 0;
    for (const d of dirs) {
      for (const f of readdirSync(px('ileapp-test-results', d.name))) {
        const p = await parseExport(px('ileapp-test-results', d.name, f), mappings, { region: 'US' });
        expect(p.rejects, f).toEqual([]);
        records += p.records.length;
      }
    }
    expect(records).toBe(328);
  });

  it('reads the DFRWS 2021 mmssms.db (WAL mode) read-only: 32 SMS, sender names and short codes as services', async () => {
    const p = await parseExport(px('android-sqlite/dfrws2021-samsung-galaxy-s10/mmssms.db'), mappings, {
      region: 'CH',
    });
    expect(p.tables).toEqual([
      expect.objectContaining({ source: 'mmssms.db [sms]', mapping: 'android-sms', records: 32 }),
      expect.objectContaining({ source: 'mmssms.db [mms]', mapping: 'android-mms', records: 0 }),
    ]);
    const ids = p.records.map((r) => r.parties[0]!.identifier);
    expect(ids[0]).toMatchObject({ kind: 'sender', raw: 'CoopMobile', status: 'service' });
    expect(ids.find((i) => i.raw === '0766013486')).toMatchObject({ key: '+41766013486', status: 'valid' });
    expect(ids.find((i) => i.raw === '506')).toMatchObject({ status: 'service', reason: 'short code' });
    expect(p.records[1]).toMatchObject({ direction: 'outgoing', at: '2021-04-08T17:09:21.280Z', line: 2 });
  });

  it('reads both spellings of one number in the plaso mmssms.db to one key, flagged invalid', async () => {
    const p = await parseExport(px('android-sqlite/plaso/mmssms.db'), mappings);
    const keys = new Set(p.records.map((r) => r.parties[0]!.identifier.key));
    expect([...keys]).toEqual(['+15555215554']);
    expect(p.records[0]!.parties[0]!.identifier.status).toBe('invalid');
  });

  it('reads calls and contacts out of contacts2.db, the calls in their own country', async () => {
    const plaso = await parseExport(px('android-sqlite/plaso/contacts2.db'), mappings);
    expect(plaso.records.map((r) => [r.direction, r.durationS, r.parties[0]!.identifier.key])).toEqual([
      ['missed', 0, '+15404561685'],
      ['outgoing', 126, '+15404561685'],
      ['incoming', 639, '+15404561685'],
    ]);
    const htc = await parseExport(px('android-sqlite/nist-cftt-htc-desire-626/contacts2.db'), mappings, {
      region: 'US',
    });
    expect(htc.tables.map((t) => [t.mapping, t.records])).toEqual([
      ['android-calls', 1],
      ['android-contacts', 13],
    ]);
    const call = htc.records[0]!;
    expect(call.parties.map((x) => [x.role, x.identifier.key])).toEqual([
      ['callee', '+13019754971'],
      ['owner', '+15868232570'],
    ]);
    const names = htc.records.filter((r) => r.type === 'contact').map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['阿恶哈拉', 'Aurélien', '*']));
    const short = htc.records
      .flatMap((r) => r.parties.map((x) => x.identifier))
      .filter((i) => i.raw.replace(/\D/g, '') === '411');
    expect(short[0]).toMatchObject({ status: 'service' });
  });
});
