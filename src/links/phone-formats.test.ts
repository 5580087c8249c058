/**
 * The import forms added for issue 16's remainder: MMS metadata out of Android's `mmssms.db`
 * (pdu/addr/part), Cellebrite Excel's device sheet, Magnet AXIOM exports whose date columns carry
 * their zone and date format, and the OpenSTRA JSON form. Real files are read in place where they
 * exist (both real `mmssms.db` files; their `pdu` tables are empty, so the MMS rows are written
 * into a copy of the real plaso database, its own schema and triggers); Cellebrite Excel and
 * AXIOM have no real file (phone-exports README), so they are written as the documented layouts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test/shared-data.js';
import { tempDir } from '../../test/temp-workspace.js';
import { headerZone, readZonedTime } from '../domain/links/timestamps.js';
import { loadMappings } from './mappings.js';
import { parseExport } from './parse-export.js';

const mappings = await loadMappings();
const px = (...p: string[]) => sharedData('phone-exports', ...p);

async function file(name: string, body: string | Buffer | Uint8Array): Promise<string> {
  const path = join(await tempDir('stra-links-'), name);
  await writeFile(path, body);
  return path;
}

const roles = (r: { parties: readonly { role: string; identifier: { key: string } }[] }) =>
  r.parties.map((x) => `${x.role} ${x.identifier.key}`);

describeWithSharedData('MMS metadata out of mmssms.db (pdu, addr, part)', () => {
  it('reads the MMS tables of both real databases (none holds an MMS) beside their SMS', async () => {
    const dfrws = await parseExport(px('android-sqlite/dfrws2021-samsung-galaxy-s10/mmssms.db'), mappings, {
      region: 'CH',
    });
    expect(dfrws.tables.map((t) => [t.source, t.mapping, t.records])).toEqual([
      ['mmssms.db [sms]', 'android-sms', 32],
      ['mmssms.db [mms]', 'android-mms', 0],
    ]);
    const plaso = await parseExport(px('android-sqlite/plaso/mmssms.db'), mappings);
    expect(plaso.tables.map((t) => [t.mapping, t.records])).toEqual([
      ['android-sms', 9],
      ['android-mms', 0],
    ]);
  });

  it('reads sender, recipients and date (seconds) of MMS written into a copy of the real plaso database', async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('sql.js'));
    const SQL = await initSqlJs({ locateFile: (f: string) => join(dist, f) });
    const db = new SQL.Database(new Uint8Array(await readFile(px('android-sqlite/plaso/mmssms.db'))));
    // m_type 132 retrieved (incoming), 128 sent, 134 a delivery report (not a message).
    db.run(`INSERT INTO pdu (_id, thread_id, date, msg_box, m_type) VALUES
      (1, 1, 1383066400, 1, 132), (2, 1, 1383066500, 2, 128), (3, 1, 1383066600, 1, 134)`);
    db.run(`INSERT INTO addr (msg_id, address, type, charset) VALUES
      (1, '15555215554', 137, 106), (1, '+15555215556', 151, 106), (1, 'fred@example.com', 130, 106),
      (2, 'insert-address-token', 137, 106), (2, '1 555-521-5554', 151, 106), (2, '+44 7911 123456', 151, 106),
      (3, '15555215554', 137, 106)`);
    db.run(`INSERT INTO part (mid, seq, ct, text) VALUES (1, 0, 'image/jpeg', NULL), (1, 1, 'text/plain', 'not read')`);
    const path = await file('mmssms.db', db.export());
    db.close();
    const p = await parseExport(path, mappings, { region: 'US' });
    expect(p.tables.map((t) => [t.mapping, t.records])).toEqual([
      ['android-sms', 9],
      ['android-mms', 2],
    ]);
    const mms = p.records.filter((r) => r.source === 'mmssms.db [mms]');
    expect(mms.map((r) => [r.line, r.at, r.direction, roles(r)])).toEqual([
      [
        1,
        '2013-10-29T17:06:40.000Z',
        'incoming',
        ['sender +15555215554', 'recipient +15555215556', 'recipient fred@example.com'],
      ],
      [2, '2013-10-29T17:08:20.000Z', 'outgoing', ['recipient +15555215554', 'recipient +447911123456']],
    ]);
    expect(JSON.stringify(p.records)).not.toContain('not read');
  });
});

describe('Cellebrite Excel device sheet', () => {
  it('reads "Device Information" below its title row into the device identifiers, by item name', async () => {
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Device Information');
    info.addRow(['Device Information']);
    info.addRow(['#', 'Name', 'Value', 'Source']);
    info.addRow([1, ' Model', 'SM-G973F', '']);
    info.addRow([2, ' IMEI', '490154203237518', '']);
    info.addRow([3, ' IMEI2', '356938035643809', '']);
    info.addRow([4, 'IMSI', '234150999999999', '']);
    info.addRow([5, 'MSISDN', '+44 7911 123457', '']);
    const contacts = wb.addWorksheet('Contacts');
    contacts.addRow(['Contacts (1)']);
    contacts.addRow(['#', 'Name', 'Entries', 'Source', 'Account']);
    contacts.addRow([1, 'Dee', 'Phone-Mobile: 07911 123456', 'Native', '']);
    const p = await parseExport(await file('Report.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), mappings);
    expect(p.tables.map((t) => [t.source, t.mapping, t.records])).toEqual([
      ['Report.xlsx [Device Information]', 'cellebrite-device-info', 1],
      ['Report.xlsx [Contacts]', 'cellebrite-contacts', 1],
    ]);
    const owner = p.records[0]!;
    expect(owner).toMatchObject({ type: 'owner', line: 3, source: 'Report.xlsx [Device Information]' });
    expect(owner.parties.map((x) => [x.role, x.identifier.kind, x.identifier.status, x.identifier.raw])).toEqual([
      ['owner', 'imei', 'valid', '490154203237518'],
      ['owner', 'imei', 'valid', '356938035643809'],
      ['owner', 'imsi', 'valid', '234150999999999'],
      ['owner', 'phone', 'valid', '+44 7911 123457'],
    ]);
  });

  it('reads the older "Device Info" sheet whose names are in a Device column, flagging a mis-keyed IMEI', async () => {
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('Device Info');
    info.addRow(['Extraction summary']);
    info.addRow(['Device', 'Value']);
    info.addRow(['IMEI', '490154203237517']);
    const p = await parseExport(await file('old.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), mappings);
    expect(p.rejects).toEqual([]);
    expect(p.records[0]!.parties[0]!.identifier).toMatchObject({ kind: 'imei', status: 'invalid' });
  });
});

describe('Magnet AXIOM: the zone and date format in the column name', () => {
  it('reads the header zone and format', () => {
    expect(headerZone('Call Date/Time - UTC+00:00 (M/d/yyyy)')).toEqual({ zone: 'UTC+00:00', dateFormat: 'M/d/yyyy' });
    expect(headerZone('Message Sent Date/Time - UTC-05:00 (dd/MM/yyyy)')).toEqual({
      zone: 'UTC-05:00',
      dateFormat: 'dd/MM/yyyy',
    });
    expect(headerZone('Call Date/Time')).toBeNull();
  });

  it('keeps a fixed header offset across the clock change, and follows a named zone through it', () => {
    const fixed = { zone: 'UTC+01:00', dateFormat: 'd/M/yyyy' };
    // 28 March 2021: the UK clocks went forward at 01:00 UTC. A fixed offset does not move.
    expect(readZonedTime('27/3/2021 12:00:00', fixed)).toEqual({ ok: true, at: '2021-03-27T11:00:00.000Z' });
    expect(readZonedTime('29/3/2021 12:00:00', fixed)).toEqual({ ok: true, at: '2021-03-29T11:00:00.000Z' });
    const london = { zone: 'Europe/London', dateFormat: 'd/M/yyyy' };
    expect(readZonedTime('28/3/2021 00:30:00', london)).toEqual({ ok: true, at: '2021-03-28T00:30:00.000Z' });
    expect(readZonedTime('28/3/2021 02:30:00', london)).toEqual({ ok: true, at: '2021-03-28T01:30:00.000Z' });
    expect(readZonedTime('28/3/2021 01:30:00', london)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not exist in Europe\/London/),
    });
    // 31 October 2021, clocks back: 00:30 is still BST, 02:30 is GMT.
    expect(readZonedTime('31/10/2021 00:30:00', london)).toEqual({ ok: true, at: '2021-10-30T23:30:00.000Z' });
    expect(readZonedTime('31/10/2021 02:30:00', london)).toEqual({ ok: true, at: '2021-10-31T02:30:00.000Z' });
  });

  it('imports an AXIOM call log CSV (M/d/yyyy, 12-hour clock, UTC-05:00) and refuses a date in another format', async () => {
    const csv = [
      'Partner,Partner Name,Direction,Call Date/Time - UTC-05:00 (M/d/yyyy),Duration',
      '(919) 888-7386,This Is DFIR Two,Outgoing,3/14/2021 1:02:03 PM,00:01:35',
      '+44 7911 123456,,Incoming,3/15/2021 11:59:00 PM,00:00:05',
      '+44 7911 123456,,Incoming,2021-03-16 10:00:00,00:00:05',
    ].join('\r\n');
    const p = await parseExport(await file('Call Logs.csv', csv), mappings, { region: 'US' });
    expect(p.tables).toEqual([expect.objectContaining({ mapping: 'axiom-call-logs', records: 2, rejects: 1 })]);
    expect(p.records.map((r) => [r.at, r.direction, r.durationS, r.name, roles(r)])).toEqual([
      ['2021-03-14T18:02:03.000Z', 'outgoing', 95, 'This Is DFIR Two', ['callee +19198887386']],
      ['2021-03-16T04:59:00.000Z', 'incoming', 5, null, ['caller +447911123456']],
    ]);
    expect(p.rejects).toEqual([
      {
        source: 'Call Logs.csv',
        line: 4,
        field: 'Call Date/Time - UTC-05:00 (M/d/yyyy)',
        reason: '"2021-03-16 10:00:00" is not a date and time in M/d/yyyy as the column says',
      },
    ]);
  });

  it('imports AXIOM messages from XLSX, date cells read as the wall clock of the header zone', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('SMS');
    s.addRow(['Sender', 'Recipient', 'Direction', 'Message Sent Date/Time - UTC+01:00 (d/M/yyyy)']);
    s.addRow(['+44 7911 123456', '+44 7700 900111', 'Received', new Date(Date.UTC(2021, 2, 27, 12, 0, 0))]);
    s.addRow(['+44 7700 900111', '07911 123456', 'Sent', new Date(Date.UTC(2021, 2, 29, 12, 0, 0))]);
    const p = await parseExport(await file('axiom.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), mappings);
    expect(p.tables).toEqual([expect.objectContaining({ mapping: 'axiom-messages', records: 2 })]);
    expect(p.records.map((r) => [r.at, r.direction])).toEqual([
      ['2021-03-27T11:00:00.000Z', 'incoming'],
      ['2021-03-29T11:00:00.000Z', 'outgoing'],
    ]);
  });
});

const doc = (records: unknown[]) => JSON.stringify({ format: 'openstra-links', version: 1, records }, null, 2);

describe('the OpenSTRA JSON form', () => {
  it('reads every record type, several identifiers on a contact, through the OpenSTRA mapping', async () => {
    const p = await parseExport(
      await file(
        'extract.json',
        doc([
          { record: 'owner', identifier: '+447700900111' },
          { record: 'contact', identifier: ['07911 123456', 'Dee@Example.com'], name: 'Dee' },
          {
            record: 'call',
            timestamp: '2024-01-05T10:00:00Z',
            direction: 'outgoing',
            identifier: '07911 123456',
            duration_s: 30,
          },
          {
            record: 'message',
            timestamp: 1704621600,
            direction: 'incoming',
            identifier: '(919) 888-7386',
            region: 'US',
          },
        ]),
      ),
      mappings,
    );
    expect(p.format).toBe('openstra-json');
    expect(p.rejects).toEqual([]);
    expect(p.records.map((r) => [r.line, r.type, r.at, r.durationS, roles(r)])).toEqual([
      [1, 'owner', null, null, ['owner +447700900111']],
      [2, 'contact', null, null, ['contact +447911123456', 'contact dee@example.com']],
      [3, 'call', '2024-01-05T10:00:00.000Z', 30, ['callee +447911123456']],
      [4, 'message', '2024-01-07T10:00:00.000Z', null, ['sender +19198887386']],
    ]);
  });

  it('refuses records that do not fit, naming the file, the record and the field', async () => {
    const p = await parseExport(
      await file(
        'bad.json',
        doc([
          { record: 'call', timestamp: '2024-01-05T10:00:00Z', identifier: '07911 123456' },
          { record: 'meeting', identifier: '07911 123456' },
          { record: 'call', identifier: '', timestamp: 'yesterday' },
          { record: 'contact', identifier: '07911 123456', colour: 'red' },
          { record: 'call', timestamp: 'yesterday', identifier: '07911 123456' },
        ]),
      ),
      mappings,
    );
    expect(p.rejects.map((r) => [r.source, r.line, r.field])).toEqual([
      ['bad.json', 5, 'timestamp'],
      ['bad.json', 2, 'record'],
      ['bad.json', 3, 'identifier'],
      ['bad.json', 4, 'colour'],
    ]);
    await expect(
      parseExport(await file('x.json', '{"format": "openstra-links", "version": 2, "records": []}'), mappings),
    ).rejects.toThrow(/not an OpenSTRA JSON file/);
  });
});

describeWithSharedData('the OpenSTRA JSON form of a real export', () => {
  it('links the same numbers as the real iLEAPP WhatsApp call history it was written from', async () => {
    const real = px('ileapp-test-results/whatsApp/whatsApp.whatsAppCallHistory.josh_ios15_ffs.20250621193412.json');
    const direct = await parseExport(real, mappings, { region: 'US' });
    const src = JSON.parse(await readFile(real, 'utf8')) as { headers: string[]; data: unknown[][] };
    const col = (row: unknown[], name: string) => row[src.headers.indexOf(name)];
    const records = src.data.map((row) => ({
      record: 'call',
      timestamp: col(row, 'Starting Timestamp'),
      direction: String(col(row, 'Direction')).toLowerCase(),
      identifier: String(col(row, 'Contact ID')),
      region: 'US',
    }));
    const p = await parseExport(await file('wa.json', doc(records)), mappings);
    expect(p.rejects).toEqual([]);
    const keys = (x: typeof p) => x.records.map((r) => [r.at, r.parties.map((q) => q.identifier.key).sort()]);
    expect(keys(p).length).toBe(4);
    expect(keys(p).map(([at]) => at)).toEqual(keys(direct).map(([at]) => at));
    for (const [i, [, k]] of keys(p).entries())
      expect(keys(direct)[i]![1]).toEqual(expect.arrayContaining(k as string[]));
  });
});
