/**
 * Cellebrite UFED / Physical Analyzer `report.xml` (the root of a `.ufdr`), streamed with saxes
 * so a report of any size is read in one pass. The schema is from public parsers of real reports
 * (phone-exports README: SEilers/UFEDLib, CASE-Implementation-UFED-XML); no real report was at
 * hand. Why flatten into tables: the models become the same columns as Cellebrite's Excel export
 * (Contacts: `Name`, `Entries` as `Phone-Mobile: …` lines; Calls and messages: `Parties` as
 * `From: …` / `To: …` lines, `Direction`, `Timestamp: Time`, `Duration`), so one set of mappings
 * reads both. The device's IMEI, IMSI and MSISDN (metadata "Device Info") become a one-row table.
 * Lines are the XML line where each model starts.
 */
import { SaxesParser } from 'saxes';
import type { Table } from './table.js';

interface ModelFrame {
  type: string;
  line: number;
  fields: Record<string, string>;
  /** Nested models by the field that holds them (Parties, Entries, From, To). */
  nested: Record<string, ModelFrame[]>;
  /** The field of the parent model this one sits in. */
  inField: string | undefined;
}

const CALLS = ['Call'];
const MESSAGES = ['SMS', 'InstantMessage', 'Chat', 'MMS', 'Email'];
const CONTACTS = ['Contact'];

const partyLine = (p: ModelFrame, fallbackRole: string | undefined): string | undefined => {
  const id = p.fields.Identifier?.trim();
  if (id === undefined || id === '') return undefined;
  const role = p.fields.Role?.trim() || fallbackRole;
  const owner = p.fields.IsPhoneOwner?.trim().toLowerCase() === 'true' ? 'Owner ' : '';
  return role === undefined ? `${owner}${id}` : `${owner}${role}: ${id}`;
};

const entryLine = (e: ModelFrame): string | undefined => {
  const value = e.fields.Value?.trim();
  if (value === undefined || value === '') return undefined;
  const kind =
    e.type === 'PhoneNumber' ? 'Phone' : e.type === 'EMailAddress' ? 'Email' : e.type === 'UserID' ? 'User ID' : e.type;
  return `${kind}-${e.fields.Category?.trim() ?? ''}: ${value}`;
};

export function readCellebriteXml(text: string, source: string): Table[] {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: ModelFrame[] = [];
  const holders: string[] = []; // the modelField / multiModelField names open
  let field: string | undefined;
  let inValue = false;
  let valueText = '';
  let metadataSection: string | undefined;
  let itemName: string | undefined;
  const device: Record<string, string> = {};
  const contacts: { line: number; cells: unknown[] }[] = [];
  const calls: { line: number; cells: unknown[] }[] = [];
  const messages: { line: number; cells: unknown[] }[] = [];

  const emit = (m: ModelFrame) => {
    const parties = Object.entries(m.nested)
      .flatMap(([holder, list]) => list.map((p) => partyLine(p, holder === 'Parties' ? undefined : holder)))
      .filter((l): l is string => l !== undefined)
      .join('\n');
    const at = m.fields.TimeStamp ?? m.fields.Timestamp ?? '';
    if (CONTACTS.includes(m.type)) {
      const entries = (m.nested.Entries ?? []).map(entryLine).filter((l): l is string => l !== undefined);
      contacts.push({ line: m.line, cells: [m.fields.Name ?? '', entries.join('\n'), m.fields.Source ?? ''] });
    } else if (CALLS.includes(m.type)) {
      calls.push({
        line: m.line,
        cells: [parties, m.fields.Direction ?? '', at, m.fields.Duration ?? '', m.fields.Source ?? ''],
      });
    } else if (MESSAGES.includes(m.type)) {
      const direction = m.fields.Folder ?? (m.fields.FromIsOwner?.toLowerCase() === 'true' ? 'Outgoing' : '');
      messages.push({
        line: m.line,
        cells: [parties, direction, at, m.fields.Source ?? m.fields.SourceApplication ?? ''],
      });
    }
  };

  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    const attr = (a: string) => {
      const v: unknown = tag.attributes[a];
      return typeof v === 'string' ? v : undefined;
    };
    if (name === 'metadata') metadataSection = attr('section');
    else if (name === 'item' && metadataSection === 'Device Info') {
      itemName = attr('name');
      valueText = '';
    } else if (name === 'model') {
      stack.push({ type: attr('type') ?? '', line: parser.line, fields: {}, nested: {}, inField: holders.at(-1) });
    } else if (name === 'modelField' || name === 'multiModelField') holders.push(attr('name') ?? '');
    else if (name === 'field') field = attr('name');
    else if (name === 'value') {
      inValue = true;
      valueText = '';
    }
  });
  parser.on('text', (t) => {
    if (inValue || itemName !== undefined) valueText += t;
  });
  parser.on('cdata', (t) => {
    if (inValue || itemName !== undefined) valueText += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'value') {
      inValue = false;
      const m = stack.at(-1);
      if (m !== undefined && field !== undefined && m.fields[field] === undefined) m.fields[field] = valueText.trim();
    } else if (name === 'field') field = undefined;
    else if (name === 'item' && itemName !== undefined) {
      device[itemName] = valueText.trim();
      itemName = undefined;
    } else if (name === 'metadata') metadataSection = undefined;
    else if (name === 'modelField' || name === 'multiModelField') holders.pop();
    else if (name === 'model') {
      const m = stack.pop()!;
      const parent = stack.at(-1);
      if (parent !== undefined && m.inField !== undefined) (parent.nested[m.inField] ??= []).push(m);
      else emit(m);
    }
  });
  parser.write(text).close();

  const tables: Table[] = [
    { source: `${source} [Contacts]`, headers: ['Name', 'Entries', 'Source'], rows: contacts },
    {
      source: `${source} [Calls]`,
      headers: ['Parties', 'Direction', 'Timestamp: Time', 'Duration', 'Source'],
      rows: calls,
    },
    { source: `${source} [Messages]`, headers: ['Parties', 'Direction', 'Timestamp: Time', 'Source'], rows: messages },
  ];
  const names = Object.keys(device);
  if (names.length > 0) {
    tables.push({
      source: `${source} [Device Info]`,
      headers: names,
      rows: [{ line: 1, cells: names.map((n) => device[n]) }],
    });
  }
  return tables.filter((t) => t.rows.length > 0);
}
