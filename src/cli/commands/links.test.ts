/**
 * `stra links` as a user runs it, in-process, on real iLEAPP results and an Android database
 * read in place: two investigations opened, three exports imported, the cross-reference, the
 * network and a path; a file with a bad row refused whole with its line named; the same file twice
 * changes nothing; a reader without clearance sees nothing.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actorFor, createOrganisation, createUser, openStore, storeFolder } from '../../store/index.js';
import { describeWithSharedData, sharedData } from '../../../test/shared-data.js';
import { straIn } from '../../../test/store-cli.js';

let dir = '';
let ws = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'stra-cli-links-'));
  ws = path.join(dir, 'ws');
  await mkdir(ws, { recursive: true });
  const store = await openStore({ folder: storeFolder(ws) });
  try {
    await createOrganisation(store, null, { id: 'wmp', name: 'West Mercia Police', kind: 'force' });
    await createUser(store, null, {
      username: 'alice',
      displayName: 'Alice',
      clearance: 'SECRET',
      memberships: [{ organisationId: 'wmp', role: 'admin' }],
    });
    await createUser(store, await actorFor(store, 'alice'), {
      username: 'rita',
      displayName: 'Rita',
      clearance: 'OFFICIAL',
      memberships: [{ organisationId: 'wmp', role: 'reader' }],
    });
  } finally {
    await store.close();
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const { run, json } = straIn(() => ws);
const links = (args: string[], as = 'alice', tty = false) => run(['links', ...args], as, tty);
const px = (...p: string[]) => sharedData('phone-exports', ...p);

describeWithSharedData('stra links on real exports', () => {
  it('opens investigations, imports real exports, cross-references, draws the network and finds a path', async () => {
    const a = await json(['links', 'investigation', 'create', '--org', 'wmp', '--reference', 'OP-ALDER'], 'alice');
    expect(a).toMatchObject({ reference: 'OP-ALDER', marking: 'OFFICIAL-SENSITIVE', organisationId: 'wmp' });
    await json(['links', 'investigation', 'create', '--org', 'wmp', '--reference', 'OP-BIRCH'], 'alice');
    const ileapp = (f: string) => px('ileapp-test-results', f);
    const imported = await json(
      [
        'links',
        'import',
        ileapp('sms/sms.sms.josh_ios15_ffs.20260725222900.json'),
        '--investigation',
        'OP-ALDER',
        '--device',
        'EXH-1',
        '--region',
        'US',
      ],
      'alice',
    );
    expect(imported).toMatchObject({ records: 48, events: 48, already: false, format: 'ileapp-json' });
    const tty = await links(
      [
        'import',
        ileapp('addressBook/addressBook.addressBook.josh_ios15_ffs.20250621194251.json'),
        '--investigation',
        'OP-ALDER',
        '--device',
        'EXH-1',
        '--region',
        'US',
      ],
      'alice',
      true,
    );
    expect(tty.stdout).toContain(
      'Imported addressBook.addressBook.josh_ios15_ffs.20250621194251.json (ileapp-json) into OP-ALDER / EXH-1: 7 records',
    );
    await json(
      [
        'links',
        'import',
        ileapp('googleVoice/googleVoice.googleVoiceMessages.josh_ios17_ffs.20260725220317.json'),
        '--investigation',
        'OP-BIRCH',
        '--device',
        'EXH-2',
        '--region',
        'US',
      ],
      'alice',
    );
    const again = await json(
      [
        'links',
        'import',
        ileapp('sms/sms.sms.josh_ios15_ffs.20260725222900.json'),
        '--investigation',
        'OP-ALDER',
        '--device',
        'EXH-1',
        '--region',
        'US',
      ],
      'alice',
    );
    expect(again.already).toBe(true);

    const x = await json(['links', 'xref'], 'alice');
    expect(x.map((e: { key: string; investigations: number }) => [e.key, e.investigations])).toEqual([
      ['+19198887386', 2],
      ['+19192084530', 2],
    ]);
    const table = await links(['xref'], 'alice', true);
    expect(table.stdout).toMatch(/\+19198887386 +phone +2 +2 +\d+ +2021-11-21/);

    const net = await json(['links', 'network'], 'alice');
    expect(net.components).toEqual([{ id: 1, nodes: 4, entities: ['OP-ALDER', 'OP-BIRCH'], identifiers: 2 }]);
    const p = await json(['links', 'path', 'OP-ALDER', 'OP-BIRCH'], 'alice');
    expect(p.path.map((s: { type: string }) => s.type)).toEqual(['investigation', 'phone', 'investigation']);
    const found = await json(['links', 'search', '(919) 888-7386', '--region', 'US'], 'alice');
    expect(found.identifier).toBe('+19198887386');
    expect(found.found.places.map((p: { investigation: string }) => p.investigation)).toEqual(['OP-ALDER', 'OP-BIRCH']);
    expect((await json(['links', 'search', '07911 000000'], 'alice')).found).toBeNull();
    const none = await json(['links', 'xref', '--to', '2020-01-01'], 'alice');
    expect(none).toEqual([]);
  });

  it('reads an Android database in place and refuses a file with a bad row, naming its line', async () => {
    await json(['links', 'investigation', 'create', '--org', 'wmp', '--reference', 'OP-CEDAR'], 'alice');
    const db = await json(
      ['links', 'import', px('android-sqlite/plaso/contacts2.db'), '--investigation', 'OP-CEDAR', '--device', 'EMU'],
      'alice',
    );
    expect(db.tables).toEqual([
      expect.objectContaining({ source: 'contacts2.db [calls]', mapping: 'android-calls', records: 3 }),
    ]);
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'record,timestamp,direction,identifier\ncall,2024-13-45 25:00,outgoing,07911 123456\n');
    const r = await links(['import', bad, '--investigation', 'OP-CEDAR', '--device', 'EMU'], 'alice');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('bad.csv: 1 row rejected, so nothing was imported');
    expect(r.stderr).toContain('bad.csv line 2, timestamp:');
  });

  it('shows a reader without the clearance nothing', async () => {
    expect(await json(['links', 'investigation', 'list'], 'rita')).toEqual([]);
    expect(await json(['links', 'xref'], 'rita')).toEqual([]);
    const r = await json(['links', 'search', '+19198887386'], 'rita');
    expect(r.found).toBeNull();
    // Deconfliction: told whom to contact, never which investigation.
    expect(r.elsewhere.map((w: { message: string }) => w.message)).toEqual([
      'Another investigation holds this identifier; contact the deconfliction officer of West Mercia Police.',
    ]);
    expect(JSON.stringify(r)).not.toContain('OP-');
  });

  it('exports the cross-reference and the network as CSV and GraphML, audited at their marking, cells neutralised', async () => {
    // A reference a spreadsheet would run as a formula, linked to OP-ALDER through a shared number.
    await json(
      ['links', 'investigation', 'create', '--org', 'wmp', '--reference', '=HYPERLINK(1)', '--marking', 'SECRET'],
      'alice',
    );
    const csv = path.join(dir, 'hyper.csv');
    await writeFile(csv, 'record,timestamp,direction,identifier\ncall,2024-01-05T10:00:00Z,outgoing,+19198887386\n');
    const id = (await json(['links', 'investigation', 'list'], 'alice')).find(
      (i: { reference: string }) => i.reference === '=HYPERLINK(1)',
    ).id;
    expect((await links(['import', csv, '--investigation', String(id), '--device', 'X'], 'alice')).code).toBe(0);

    const out = path.join(dir, 'xref.csv');
    const x = await links(['export', 'xref', '--out', out], 'alice');
    expect(x.code).toBe(0);
    expect(x.stderr).toContain(`Wrote ${out}: 2 identifiers, handled at SECRET. The export is audited.`);
    const xref = await readFile(out, 'utf8');
    expect(xref.split('\n')[0]).toBe('identifier,kind,flagged,investigations,devices,records,first,last,roles,where');
    expect(xref).toMatch(/^\+19198887386,phone,,3,3,/m);
    expect(xref).toContain("'=HYPERLINK(1)/X");
    expect(xref).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const net = await links(['export', 'network', '--format', 'graphml'], 'alice');
    expect(net.code).toBe(0);
    expect(net.stdout).toMatch(/^<\?xml/);
    expect(net.stdout).toContain('SECRET');
    expect(net.stdout).toContain('=HYPERLINK(1)');
    const ncsv = await links(['export', 'network', '--investigation', 'OP-ALDER,OP-BIRCH'], 'alice');
    expect(ncsv.stderr).toContain('handled at OFFICIAL-SENSITIVE');
    expect(ncsv.stdout).not.toContain('HYPERLINK');
    const bad = await links(['export', 'xref', '--format', 'graphml'], 'alice');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--format graphml is for the network only.');

    // The reader (OFFICIAL) exports nothing of what they may not see, and that is audited too.
    const rita = await links(['export', 'xref'], 'rita');
    expect(rita.stdout.trim()).toBe('identifier,kind,flagged,investigations,devices,records,first,last,roles,where');

    type Row = { action: string; actorName: string; marking: string; after: Record<string, unknown> };
    const audit = (await json(['audit', '--limit', '1000'], 'alice')) as Row[];
    const exports = audit.filter((r) => r.action === 'export' && String(r.after.command).startsWith('stra links'));
    expect(
      exports.map((r) => [r.actorName, r.marking, r.after.command, r.after.format, r.after.rows, r.after.to]),
    ).toEqual(
      expect.arrayContaining([
        ['alice', 'SECRET', 'stra links export xref', 'csv', 2, out],
        ['alice', 'SECRET', 'stra links export network', 'graphml', expect.any(Number), 'stdout'],
        [
          'alice',
          'OFFICIAL-SENSITIVE',
          'stra links export network --investigation OP-ALDER,OP-BIRCH',
          'csv',
          4,
          'stdout',
        ],
        ['rita', 'OFFICIAL', 'stra links export xref', 'csv', 0, 'stdout'],
      ]),
    );
  });

  it('lists the shipped mappings', async () => {
    const ms = await json(['links', 'mapping', 'list']);
    expect(ms.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining(['ileapp-sms', 'android-calls', 'cellebrite-calls', 'openstra']),
    );
  });
});
