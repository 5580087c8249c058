/**
 * The incident reader on hand-made files, one trap each: every rejected row names its file, line,
 * field and reason, and the counts add up (rows = accepted + rejected + duplicates + unit rows).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { StraError } from '../../errors.js';
import { incidentMappingSchema, type IncidentMapping } from '../mapping/incident-mapping.js';
import { parseMapping } from '../mapping/load-mapping.js';
import { readIncidents, type IncidentReadReport } from './read-incidents.js';

const dir = mkdtempSync(path.join(tmpdir(), 'openstra-incidents-'));
let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `f${n++}.csv`);
  writeFileSync(f, content);
  return f;
}

function mapping(overrides: Record<string, unknown> = {}, columns: Record<string, unknown> = {}): IncidentMapping {
  return parseMapping(
    {
      format: 'openstra.incident-mapping/1',
      name: 'test',
      timeZone: 'Europe/London',
      columns: {
        id: 'ref',
        opened: { columns: ['opened'], format: 'dd/MM/yyyy HH:mm' },
        openingCode: 'type',
        grade: 'grade',
        area: { column: 'lsoa', kind: 'lsoa', missing: ['N/K'], pattern: '^E01\\d{6}$' },
        ...columns,
      },
      classes: {
        codes: { ASB: 'anti-social-behaviour', CFW: 'concern-for-welfare', THEFT: 'crime' },
        default: 'other',
      },
      grades: { codes: { '1': 'emergency', '2': 'priority', '3': 'scheduled' }, default: 'unknown' },
      ...overrides,
    },
    incidentMappingSchema,
    'test.json',
  );
}

const balanced = (r: IncidentReadReport) =>
  expect(r.rows).toBe(r.accepted + r.rejected + r.duplicatesSkipped + r.unitRowsCollapsed);

describe('readIncidents', () => {
  it('reads columns by name in any order and case, with the local time and its instant', async () => {
    const f = file('TYPE,Grade,Ref,LSOA,opened\nASB,2,A1,E01031035,01/07/2018 23:30\n');
    const { incidents, report } = await readIncidents(f, mapping(), 'f.csv');
    expect(report).toMatchObject({ rows: 1, accepted: 1, rejected: 0 });
    expect(incidents[0]).toMatchObject({
      id: 'A1',
      demandClass: 'anti-social-behaviour',
      grade: 'priority',
      area: { kind: 'lsoa', code: 'E01031035' },
      opened: { utc: Date.parse('2018-07-01T22:30:00Z'), local: Date.parse('2018-07-01T23:30:00Z') },
    });
  });

  it('refuses the whole file when a mapped column is missing, naming it and the header', async () => {
    const f = file('ref,opened,grade,lsoa\nA1,01/07/2018 23:30,1,\n');
    await expect(readIncidents(f, mapping(), 'f.csv')).rejects.toThrow(
      "f.csv, line 1: the mapping needs column 'type', which the header does not have (it has 'ref', 'opened', 'grade', 'lsoa')",
    );
    await expect(readIncidents(f, mapping(), 'f.csv')).rejects.toBeInstanceOf(StraError);
  });

  it('rejects rows with an empty reference, a bad date, a missing type or a wrong field count, by line and field', async () => {
    const f = file(
      [
        'ref,opened,type,grade,lsoa',
        ',01/07/2018 10:00,ASB,1,', // line 2
        'A2,31/06/2018 10:00,ASB,1,', // line 3: no 31 June
        'A3,01/07/2018 10:00,,1,', // line 4
        'A4,01/07/2018 10:00,ASB,1', // line 5: four fields
        'A5,01/07/2018 10:00,ASB,1,', // line 6: fine
      ].join('\n'),
    );
    const { report } = await readIncidents(f, mapping(), 'f.csv');
    expect(report.rejects).toEqual([
      { file: 'f.csv', line: 2, field: 'ref', reason: 'ref is empty: an incident needs its reference' },
      {
        file: 'f.csv',
        line: 3,
        field: 'opened',
        reason: "opened '31/06/2018 10:00': day 31 does not exist in 2018-06",
      },
      { file: 'f.csv', line: 4, field: 'type', reason: 'type is empty: the incident has no type' },
      { file: 'f.csv', line: 5, field: '(row)', reason: 'the row has 4 fields where the header has 5' },
    ]);
    expect(report.accepted).toBe(1);
    balanced(report);
  });

  it('rejects a local time the clocks skipped and reads one they repeated as its first occurrence', async () => {
    const f = file('ref,opened,type,grade,lsoa\nA1,25/03/2018 01:30,ASB,1,\nA2,28/10/2018 01:30,ASB,1,\n');
    const { incidents, report } = await readIncidents(f, mapping(), 'f.csv');
    expect(report.rejects).toEqual([
      {
        file: 'f.csv',
        line: 2,
        field: 'opened',
        reason: "opened '25/03/2018 01:30' does not exist in Europe/London: the clocks went forward over it",
      },
    ]);
    expect(report.ambiguousLocalTimes).toBe(1);
    expect(incidents[0]!.opened.utc).toBe(Date.parse('2018-10-28T00:30:00Z'));
  });

  it('rejects a 12-hour time without AM/PM, which cannot be placed in the day', async () => {
    const m = mapping({}, { opened: { columns: ['date', 'time'], format: 'MM/dd/yy h:mm:ss a' } });
    const f = file('ref,date,time,type,grade,lsoa\nA1,04/01/25, 7:19:55,ASB,1,\nA2,04/01/25,10:04:29 AM,ASB,1,\n');
    const { incidents, report } = await readIncidents(f, m, 'f.csv');
    expect(report.rejects[0]).toEqual({
      file: 'f.csv',
      line: 2,
      field: 'date + time',
      reason: "date + time '04/01/25 7:19:55' has no AM/PM, so its hour is ambiguous (expected MM/dd/yy h:mm:ss a)",
    });
    expect(incidents.map((i) => i.id)).toEqual(['A2']);
  });

  it('skips an identical repeated row as a duplicate and rejects a different row under the same reference', async () => {
    const f = file(
      'ref,opened,type,grade,lsoa\nA1,01/07/2018 10:00,ASB,1,\nA1,01/07/2018 10:00,ASB,1,\nA1,01/07/2018 11:00,THEFT,2,\n',
    );
    const { report } = await readIncidents(f, mapping(), 'f.csv');
    expect(report).toMatchObject({ rows: 3, accepted: 1, duplicatesSkipped: 1, rejected: 1 });
    expect(report.rejects[0]).toMatchObject({
      line: 4,
      field: 'ref',
      reason: 'incident A1 was already read at line 2 with different values',
    });
  });

  it('collapses one row per unit into one incident: earliest opening, summed officer time, units counted', async () => {
    const m = mapping({}, { unit: 'unit', officerMinutes: { column: 'mins', unit: 'minutes' } });
    const f = file(
      [
        'ref,opened,type,grade,lsoa,unit,mins',
        'A1,01/07/2018 10:05,THEFT,1,,U2,30',
        'A1,01/07/2018 10:00,THEFT,1,,U1,45',
        'A1,01/07/2018 10:00,THEFT,1,,U1,45', // the same unit row twice: a duplicate
        'A2,01/07/2018 12:00,ASB,3,,U1,',
      ].join('\n'),
    );
    const { incidents, report } = await readIncidents(f, m, 'f.csv');
    expect(report).toMatchObject({ rows: 4, accepted: 2, unitRowsCollapsed: 1, duplicatesSkipped: 1, rejected: 0 });
    expect(incidents[0]).toMatchObject({
      id: 'A1',
      units: 2,
      officerMinutes: 75,
      opened: { local: Date.parse('2018-07-01T10:00:00Z') },
    });
    expect(incidents[1]).toMatchObject({ id: 'A2', units: 1, officerMinutes: null });
  });

  it('rejects an incident that closes before it opens', async () => {
    const m = mapping({}, { closed: { columns: ['closed'], format: 'dd/MM/yyyy HH:mm' } });
    const f = file('ref,opened,closed,type,grade,lsoa\nA1,01/07/2018 10:00,01/07/2018 09:00,ASB,1,\n');
    const { report } = await readIncidents(f, m, 'f.csv');
    expect(report.rejects[0]).toMatchObject({
      line: 2,
      field: 'closed',
      reason: 'the incident closes before it opens',
    });
  });

  it('leaves "no area" values and values not matching the pattern blank, counting the latter', async () => {
    const f = file('ref,opened,type,grade,lsoa\nA1,01/07/2018 10:00,ASB,1,N/K\nA2,01/07/2018 10:00,ASB,1,Beat 7\n');
    const { incidents, report } = await readIncidents(f, mapping(), 'f.csv');
    expect(incidents.map((i) => i.area)).toEqual([null, null]);
    expect(report.areasBlanked).toBe(1);
  });

  it('lists the codes no rule matched, so the mapping can be completed', async () => {
    const f = file('ref,opened,type,grade,lsoa\nA1,01/07/2018 10:00,NOISE,1,\nA2,01/07/2018 10:00,NOISE,9,\n');
    const { incidents, report } = await readIncidents(f, mapping(), 'f.csv');
    expect(incidents.map((i) => i.demandClass)).toEqual(['other', 'other']);
    expect(report.unmappedCodes).toEqual([
      { lookup: 'class', code: 'NOISE', rows: 2 },
      { lookup: 'grade', code: '9', rows: 1 },
    ]);
  });

  it('reads a gzipped file with a byte-order mark and CRLF endings, and quoted fields with commas and line breaks', async () => {
    const text =
      '\uFEFFref,opened,type,grade,lsoa\r\nA1,01/07/2018 10:00,"THEFT",1,\r\n"A,2",01/07/2018 10:00,"AS\r\nB",1,\r\nA3,xx,ASB,1,';
    const f = file(gzipSync(Buffer.from(text)));
    const { incidents, report } = await readIncidents(f, mapping(), 'f.csv.gz');
    expect(incidents.map((i) => i.id)).toEqual(['A1', 'A,2']);
    // The third record starts on line 5: the second spans lines 3-4.
    expect(report.rejects).toEqual([
      { file: 'f.csv.gz', line: 5, field: 'opened', reason: "opened 'xx' does not match the format dd/MM/yyyy HH:mm" },
    ]);
  });

  it('reports a record the CSV parser cannot read and carries on', async () => {
    const f = file('ref,opened,type,grade,lsoa\nA1,01/07/2018 10:00,"ASB"x,1,\nA2,01/07/2018 10:00,ASB,1,\n');
    const { report } = await readIncidents(f, mapping(), 'f.csv');
    expect(report.rejects[0]).toMatchObject({ line: 2, field: '(row)' });
    expect(report.rejects[0]!.reason).toMatch(/quote/);
    balanced(report);
  });

  it('refuses a file with no header', async () => {
    await expect(readIncidents(file(''), mapping(), 'empty.csv')).rejects.toThrow(
      'empty.csv: the file is empty (no header line)',
    );
  });
});

describe('saved mappings', () => {
  it('reports a bad setting with the file and the path to it', () => {
    expect(() =>
      parseMapping(
        { format: 'openstra.incident-mapping/1', name: 'x', timeZone: 'Europe/London' },
        incidentMappingSchema,
        'm.json',
      ),
    ).toThrow(/m\.json: the mapping is not valid:[\s\S]*columns/);
    expect(() => mapping({ timeZone: 'Europe/Londres' })).toThrow(
      "test.json: timeZone 'Europe/Londres' is not an IANA time zone",
    );
    expect(() => mapping({}, { opened: { columns: ['opened'], format: 'dd/MM/yyyy hh:mm' } })).toThrow(
      "test.json: columns.opened.format: date format 'dd/MM/yyyy hh:mm': a 12-hour clock (h) needs AM/PM (a)",
    );
    expect(() => mapping({ classes: { rules: [{ match: '(', value: 'crime' }], default: 'other' } })).toThrow(
      /classes\.rules\[0\]\.match is not a regular expression/,
    );
  });
});
