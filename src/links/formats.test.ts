/**
 * The export forms with no real file at hand (phone-exports README, "what exists"), written here
 * byte for byte as the tools' source code writes them: ALEAPP TSV (BOM, a repeated header after a
 * second BOM), iLEAPP TSV from Windows (`\r\r\n`), a Cellebrite Excel sheet (title row first,
 * `_x000D_` and LF-joined entries), a Cellebrite report.xml, and the OpenSTRA CSV form; and the
 * row-level rejects, naming file, line and field.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace.js';
import { loadMappings } from './mappings.js';
import { parseExport } from './parse-export.js';

const mappings = await loadMappings();

async function file(name: string, body: string | Buffer): Promise<string> {
  const path = join(await tempDir('stra-links-'), name);
  await writeFile(path, body);
  return path;
}

describe('export forms', () => {
  it('reads an ALEAPP call log TSV with its BOM, a repeated header after a second BOM, and its trailing-space name', async () => {
    const head =
      'Call Date\tPhone Account Address\tPartner\tType\tDuration in Secs\tPartner Location\tCountry ISO\tData\tMime Type\tTranscription\tDeleted';
    const body =
      `\uFEFF${head}\r\n` +
      `2021-04-08 09:14:07.692000+00:00\t+447700900001\t07911 123456\tOutgoing\t35\t \tGB\t \t \t \t0\r\n` +
      `\uFEFF${head}\r\n` +
      `2021-04-08 10:00:00+00:00\t+447700900001\t999\tOutgoing\t60\t \tGB\t \t \t \t0\r\n`;
    const p = await parseExport(await file('Call logs .tsv', body), mappings);
    expect(p.tables).toEqual([expect.objectContaining({ mapping: 'aleapp-call-logs', records: 2 })]);
    expect(
      p.records.map((r) => [
        r.line,
        r.at,
        r.parties.map((x) => `${x.role} ${x.identifier.key} ${x.identifier.status}`),
      ]),
    ).toEqual([
      [2, '2021-04-08T09:14:07.692Z', ['callee +447911123456 valid', 'owner +447700900001 invalid']],
      [4, '2021-04-08T10:00:00.000Z', ['callee 999 service', 'owner +447700900001 invalid']],
    ]);
  });

  it('reads an iLEAPP TSV written on Windows (\\r\\r\\n) with its columns in another order', async () => {
    const rows = [
      'Call Direction\tPhone Number\tStarting Timestamp\tCall Duration\tISO Country Code',
      'Incoming\t(919) 888-7386\t2023-05-02 16:12:10\t00:01:35\tus',
      'Outgoing\t+44 7911 123456\t2023-05-02 16:20:00\t00:00:05\tgb',
    ];
    const p = await parseExport(await file('Call History.tsv', `\uFEFF${rows.join('\r\r\n')}\r\r\n`), mappings);
    expect(
      p.records.map((r) => [r.line, r.direction, r.durationS, r.parties[0]!.role, r.parties[0]!.identifier.key]),
    ).toEqual([
      [2, 'incoming', 95, 'caller', '+19198887386'],
      [3, 'outgoing', 5, 'callee', '+447911123456'],
    ]);
  });

  it('reads a Cellebrite Excel export below its title row, with LF and _x000D_ joined entries', async () => {
    const wb = new ExcelJS.Workbook();
    const contacts = wb.addWorksheet('Contacts');
    contacts.addRow(['Contacts (2)']);
    contacts.addRow(['#', 'Name', 'Entries', 'Source', 'Account']);
    contacts.addRow([1, 'Dee', 'Phone-Mobile: 07911 123456\nEmail-Home: Dee@Example.COM', 'WhatsApp', '']);
    contacts.addRow([
      2,
      'Jay',
      'Phone-: +44 7911 654321_x000D_User ID-WhatsApp User Id: 447911654321@s.whatsapp.net',
      '',
      '',
    ]);
    const calls = wb.addWorksheet('Calls');
    calls.addRow(['Calls']);
    calls.addRow(['#', 'Parties', 'Direction', 'Timestamp: Time', 'Duration', 'Status']);
    calls.addRow([
      1,
      'From:  +447911123456 Dee\nTo:  Owner +447700900001',
      'Incoming',
      '18/04/2021 3:30:22 PM (UTC+1)',
      '00:02:00',
      'Answered',
    ]);
    const path = await file('report.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const p = await parseExport(path, mappings);
    expect(p.tables.map((t) => [t.source, t.mapping, t.records])).toEqual([
      ['report.xlsx [Contacts]', 'cellebrite-contacts', 2],
      ['report.xlsx [Calls]', 'cellebrite-calls', 1],
    ]);
    expect(p.records[0]!.parties.map((x) => x.identifier.key)).toEqual(['+447911123456', 'dee@example.com']);
    expect(p.records[1]!.parties.map((x) => x.identifier.key)).toEqual(['+447911654321']);
    expect(p.records[2]).toMatchObject({
      line: 3,
      direction: 'incoming',
      durationS: 120,
      at: '2021-04-18T14:30:22.000Z',
    });
  });

  it('reads a Cellebrite report.xml: contacts, calls with parties, messages, and the device IMEI', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<project xmlns="http://pa.cellebrite.com/report/2.0" id="x" name="EXH-1" reportVersion="7.60">
  <metadata section="Device Info"><item name="IMEI"><![CDATA[490154203237518]]></item><item name="IMSI">234150999999999</item></metadata>
  <decodedData>
    <modelType type="Contact">
      <model type="Contact" id="c1" deleted_state="Intact">
        <field name="Name" type="String"><value type="String">Dee</value></field>
        <multiModelField name="Entries">
          <model type="PhoneNumber" id="p1"><field name="Category"><value>Mobile</value></field><field name="Value"><value>+447911123456</value></field></model>
        </multiModelField>
      </model>
    </modelType>
    <modelType type="Call">
      <model type="Call" id="k1">
        <field name="Direction"><value>Outgoing</value></field>
        <field name="TimeStamp"><value type="TimeStamp">2021-04-18T15:30:22.000+01:00</value></field>
        <field name="Duration"><value>00:01:35</value></field>
        <multiModelField name="Parties">
          <model type="Party" id="y1"><field name="Identifier"><value>+447700900001</value></field><field name="Role"><value>From</value></field><field name="IsPhoneOwner"><value>True</value></field></model>
          <model type="Party" id="y2"><field name="Identifier"><value>07911 123456</value></field><field name="Role"><value>To</value></field></model>
        </multiModelField>
      </model>
    </modelType>
    <modelType type="InstantMessage">
      <model type="InstantMessage" id="m1">
        <field name="TimeStamp"><value>2021-04-18T16:00:00+00:00</value></field>
        <field name="Body"><value>not kept</value></field>
        <modelField name="From"><model type="Party" id="f1"><field name="Identifier"><value>447911123456@s.whatsapp.net</value></field></model></modelField>
      </model>
    </modelType>
  </decodedData>
</project>`;
    const p = await parseExport(await file('report.xml', xml), mappings);
    expect(p.tables.map((t) => [t.mapping, t.records])).toEqual([
      ['cellebrite-contacts', 1],
      ['cellebrite-calls', 1],
      ['cellebrite-messages', 1],
      ['cellebrite-device-info', 1],
    ]);
    const call = p.records.find((r) => r.type === 'call')!;
    expect(call).toMatchObject({ at: '2021-04-18T14:30:22.000Z', durationS: 95, line: 14 });
    expect(call.parties.map((x) => [x.role, x.identifier.key])).toEqual([
      ['owner', '+447700900001'],
      ['callee', '+447911123456'],
    ]);
    expect(p.records.find((r) => r.type === 'message')!.parties[0]).toMatchObject({
      role: 'sender',
      identifier: { key: '+447911123456' },
    });
    expect(
      p.records
        .find((r) => r.type === 'owner')!
        .parties.map((x) => [x.identifier.kind, x.identifier.key, x.identifier.status]),
    ).toEqual([
      ['imei', '49015420323751', 'valid'],
      ['imsi', '234150999999999', 'valid'],
    ]);
  });

  it('reads the OpenSTRA CSV form, one record type per row', async () => {
    const csv = [
      'record,timestamp,direction,identifier,name,duration_s,region',
      'contact,,,"+44 7911 123456",Dee,,',
      'call,2024-01-05T10:00:00Z,outgoing,07911 123456,,30,GB',
      'message,2024-01-05T10:05:00Z,incoming,dee@example.com,,,',
      'owner,,,+447700900001,,,',
    ].join('\n');
    const p = await parseExport(await file('openstra.csv', csv), mappings);
    expect(p.records.map((r) => [r.type, r.parties[0]!.role, r.parties[0]!.identifier.key])).toEqual([
      ['contact', 'contact', '+447911123456'],
      ['call', 'callee', '+447911123456'],
      ['message', 'sender', 'dee@example.com'],
      ['owner', 'owner', '+447700900001'],
    ]);
  });

  it('rejects bad rows naming the file, line and field, and never guesses', async () => {
    const csv = [
      'record,timestamp,direction,identifier,name,duration_s,region',
      'call,yesterday,outgoing,07911 123456,,30,',
      'call,2024-01-05T10:00:00Z,outgoing,,,30,',
      'visit,2024-01-05T10:00:00Z,,07911 123456,,,',
      'call,2024-01-05T10:00:00Z,outgoing,07911 123456,,ten,',
      'call,2024-01-05T10:00:00Z,outgoing,07911 123456,,10,',
    ].join('\r\n');
    const p = await parseExport(await file('bad.csv', csv), mappings);
    expect(p.rejects).toEqual([
      {
        source: 'bad.csv',
        line: 2,
        field: 'timestamp',
        reason: '"yesterday" is not a date and time this importer reads',
      },
      { source: 'bad.csv', line: 3, field: 'identifier', reason: 'no other party' },
      { source: 'bad.csv', line: 4, field: 'record', reason: '"visit" is not one of contact, call, message, owner' },
      { source: 'bad.csv', line: 5, field: 'duration_s', reason: '"ten" is not a duration (seconds or H:MM:SS)' },
    ]);
    expect(p.records).toHaveLength(1);
  });

  it('says which headers it found when no mapping fits, and takes a named one', async () => {
    const path = await file('odd.csv', 'when,who\n2024-01-01,07911 123456\n');
    await expect(parseExport(path, mappings)).rejects.toThrow(
      /No column mapping fits .*odd.csv:\n {2}odd.csv: when, who/,
    );
    await expect(parseExport(path, mappings, { mapping: 'nope' })).rejects.toThrow(/no column mapping "nope"/);
  });
});
