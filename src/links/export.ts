/**
 * The cross-reference, the network and a timeline as files: CSV for spreadsheets and GraphML for
 * i2 Analyst's Notebook and Gephi (issue 16). Why here and pure: the server route and the CLI
 * write the same files from the same answers. Every CSV cell passes through `neutraliseCell`
 * (CSV injection: a contact name or handle in a seized phone is whatever its owner typed), and
 * GraphML escapes every value as XML text. The marking the file is handled at goes in the file
 * too (a GraphML graph attribute; the CSV's handling is in the response header and the audit).
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../api/csv-cells.js';
import type { Marking } from '../domain/marking.js';
import type { Network } from '../domain/links/network.js';
import type { XrefEntry } from '../domain/links/xref.js';
import type { LinkEventRow } from '../store/index.js';

const csv = (rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string =>
  stringify(rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : neutraliseCell(String(v))))));

export function xrefCsv(entries: readonly XrefEntry[]): string {
  return csv([
    ['identifier', 'kind', 'flagged', 'investigations', 'devices', 'records', 'first', 'last', 'roles', 'where'],
    ...entries.map((e) => [
      e.key,
      e.kind,
      e.flagged ? 'yes' : '',
      e.investigations,
      e.devices,
      e.count,
      e.first,
      e.last,
      Object.entries(e.roles)
        .map(([r, n]) => `${r} ${n}`)
        .join('; '),
      e.places.map((p) => `${p.investigation}/${p.device} (${p.roles.join(' ')}: ${p.count})`).join('; '),
    ]),
  ]);
}

export function networkCsv(net: Network): string {
  return csv([
    ['node', 'type', 'label', 'investigation', 'flagged', 'degree', 'betweenness', 'community', 'component'],
    ...net.nodes.map((n) => [
      n.id,
      n.type,
      n.label,
      n.investigation,
      n.flagged === true ? 'yes' : '',
      n.degree,
      n.betweenness,
      n.community,
      n.component,
    ]),
  ]);
}

export function timelineCsv(events: readonly LinkEventRow[]): string {
  return csv([
    [
      'at',
      'type',
      'direction',
      'investigation',
      'device',
      'role',
      'identifier',
      'as_written',
      'status',
      'duration_s',
      'source',
      'line',
    ],
    ...events.map((e) => [
      e.at,
      e.type,
      e.direction,
      e.investigation,
      e.device,
      e.role,
      e.value,
      e.raw,
      e.status,
      e.durationS,
      e.source,
      e.line,
    ]),
  ]);
}

const xml = (v: string | number | boolean): string =>
  String(v)
    // Characters XML 1.0 cannot hold at all are dropped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const NODE_KEYS = [
  ['type', 'string'],
  ['label', 'string'],
  ['investigation', 'string'],
  ['flagged', 'boolean'],
  ['degree', 'int'],
  ['betweenness', 'double'],
  ['community', 'int'],
  ['component', 'int'],
] as const;

/** GraphML (graphml.graphdrawing.org), undirected, with every node's and edge's measures as data. */
export function networkGraphml(net: Network, marking: Marking): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_marking" for="graph" attr.name="marking" attr.type="string"/>',
    '  <key id="g_level" for="graph" attr.name="level" attr.type="string"/>',
    ...NODE_KEYS.map(([k, t]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    '  <key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="e_roles" for="edge" attr.name="roles" attr.type="string"/>',
    '  <graph id="links" edgedefault="undirected">',
    `    <data key="g_marking">${xml(marking)}</data>`,
    `    <data key="g_level">${xml(net.level)}</data>`,
  ];
  for (const n of net.nodes) {
    const values: Record<string, string | number | boolean | undefined> = {
      type: n.type,
      label: n.label,
      investigation: n.investigation,
      flagged: n.flagged === true,
      degree: n.degree,
      betweenness: n.betweenness,
      community: n.community,
      component: n.component,
    };
    out.push(`    <node id="${xml(n.id)}">`);
    for (const [k] of NODE_KEYS) {
      const v = values[k];
      if (v !== undefined) out.push(`      <data key="n_${k}">${xml(v)}</data>`);
    }
    out.push('    </node>');
  }
  net.edges.forEach((e, i) => {
    out.push(
      `    <edge id="e${i + 1}" source="${xml(e.source)}" target="${xml(e.target)}">`,
      `      <data key="e_weight">${e.weight}</data>`,
      `      <data key="e_roles">${xml(e.roles.join(' '))}</data>`,
      '    </edge>',
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
