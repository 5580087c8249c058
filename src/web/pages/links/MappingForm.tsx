/**
 * A saved column mapping made or edited on the import page (like an i2 import specification):
 * which columns, by header name, hold the time, the direction and its values, the duration, the
 * contact's name and each party (with its role and kind), and which headers recognise the tool's
 * files. Saved into the workspace (PUT /links/mappings/:id) for every later import, chosen there
 * by those headers or by name. Why by name only: columns move between tool versions and devices
 * (phone-exports README); nothing here refers to a column's position. A shipped mapping may be
 * loaded as a start, and is saved under a new id.
 */
import { useState, type FormEvent } from 'react';
import type { ErrorAnswer, LinkMappingAnswer, LinkMappingListed } from '../../../api/index.js';
import { api, ApiError } from '../../api';

const ROLES = ['counterpart', 'contact', 'caller', 'callee', 'sender', 'recipient', 'party', 'owner'] as const;
const KINDS = ['', 'phone', 'email', 'handle', 'imei', 'imsi', 'sender'] as const;
const RECORDS = ['call', 'message', 'contact', 'owner'] as const;
const EPOCHS = ['auto', 'unix-s', 'unix-ms', 'cocoa'] as const;

interface PartyDraft {
  column: string;
  role: string;
  kind: string;
  multi: boolean;
}
interface Draft {
  id: string;
  tool: string;
  artifact: string;
  record: string;
  detect: string;
  time: string;
  epoch: string;
  direction: string;
  values: string;
  duration: string;
  name: string;
  parties: PartyDraft[];
}

const EMPTY_PARTY: PartyDraft = { column: '', role: 'counterpart', kind: '', multi: false };
const EMPTY: Draft = {
  id: '',
  tool: '',
  artifact: '',
  record: 'call',
  detect: '',
  time: '',
  epoch: 'auto',
  direction: '',
  values: 'Incoming = incoming\nOutgoing = outgoing\nMissed = missed',
  duration: '',
  name: '',
  parties: [{ ...EMPTY_PARTY }, { ...EMPTY_PARTY }],
};

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const first = (c: unknown): string => (Array.isArray(c) ? String(c[0] ?? '') : typeof c === 'string' ? c : '');

/** A mapping as the form shows it. */
function draftOf(id: string, m: Record<string, unknown>): Draft {
  const t = m['timestamp'] as { column?: unknown; epoch?: string } | undefined;
  const d = m['direction'] as { column?: unknown; values?: Record<string, string> } | undefined;
  const parties = ((m['parties'] as Record<string, unknown>[] | undefined) ?? []).map((p) => ({
    column: first(p['column']),
    role: String(p['role'] ?? 'counterpart'),
    kind: String(p['kind'] ?? ''),
    multi: p['multi'] === true,
  }));
  return {
    id,
    tool: String(m['tool'] ?? ''),
    artifact: String(m['artifact'] ?? ''),
    record: String(m['record'] ?? 'call'),
    detect: ((m['detect'] as string[] | undefined) ?? []).join('\n'),
    time: first(t?.column),
    epoch: t?.epoch ?? 'auto',
    direction: first(d?.column),
    values: Object.entries(d?.values ?? {})
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n'),
    duration: first((m['duration'] as { column?: unknown } | undefined)?.column),
    name: ((m['name'] as string[] | undefined) ?? []).join('\n'),
    parties: parties.length > 0 ? [...parties, { ...EMPTY_PARTY }] : [{ ...EMPTY_PARTY }],
  };
}

/** The form as a mapping (the server validates it with the mapping schema). */
function mappingOf(d: Draft): Record<string, unknown> {
  const values = Object.fromEntries(
    d.values
      .split('\n')
      .map((l) => l.split('='))
      .filter((p) => p.length === 2 && p[0]!.trim() !== '')
      .map(([k, v]) => [k!.trim(), v!.trim()]),
  );
  return {
    id: d.id.trim(),
    tool: d.tool.trim(),
    artifact: d.artifact.trim(),
    record: d.record,
    detect: lines(d.detect),
    ...(d.time.trim() === '' ? {} : { timestamp: { column: d.time.trim(), epoch: d.epoch } }),
    ...(d.direction.trim() === '' ? {} : { direction: { column: d.direction.trim(), values } }),
    ...(d.duration.trim() === '' ? {} : { duration: { column: d.duration.trim() } }),
    name: lines(d.name),
    parties: d.parties
      .filter((p) => p.column.trim() !== '')
      .map((p) => ({
        column: p.column.trim(),
        role: p.role,
        ...(p.kind === '' ? {} : { kind: p.kind }),
        ...(p.multi ? { multi: true } : {}),
      })),
  };
}

export function MappingForm({ mappings, onSaved }: { mappings: readonly LinkMappingListed[]; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<{ message: string; fields: string[] } | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setParty = (i: number, p: Partial<PartyDraft>) =>
    setDraft((d) => {
      const parties = d.parties.map((x, j) => (j === i ? { ...x, ...p } : x));
      if (parties.at(-1)!.column.trim() !== '') parties.push({ ...EMPTY_PARTY });
      return { ...d, parties };
    });
  const load = async (id: string) => {
    setError(undefined);
    setSaved(undefined);
    if (id === '') return setDraft(EMPTY);
    const r = await api.get<LinkMappingAnswer>(`/links/mappings/${encodeURIComponent(id)}`);
    setDraft(draftOf(r.origin === 'shipped' ? `${id}-own` : id, r.mapping));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const m = mappingOf(draft);
    try {
      await api.put(`/links/mappings/${encodeURIComponent(String(m['id']))}`, m);
      setSaved(`Saved the column mapping ${String(m['id'])}; imports now recognise it by its headers, or name it.`);
      onSaved();
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as ErrorAnswer['error']['details']) : undefined;
      const fields = ((details?.['fields'] as { field: string; message: string }[] | undefined) ?? []).map(
        (f) => `${f.field}: ${f.message}`,
      );
      setError({ message: err instanceof Error ? err.message.split('\n')[0]! : String(err), fields });
    }
  };
  return (
    <form className="editor admin-form mapping-form" aria-labelledby="h-mapping" onSubmit={(e) => void submit(e)}>
      <h2 id="h-mapping">Save a column mapping</h2>
      <p className="hint">
        For a tool's export no mapping reads yet: name its columns by their headers (never their position). Saved in
        this workspace, it is used by every later import whose file has the recognising headers.
      </p>
      <label htmlFor="map-start">Start from</label>
      <select id="map-start" defaultValue="" onChange={(e) => void load(e.target.value)}>
        <option value="">A new mapping</option>
        {mappings.map((m) => (
          <option key={m.id} value={m.id}>
            {m.origin === 'saved' ? 'Edit' : 'Copy'} {m.id} ({m.tool}, {m.artifact})
          </option>
        ))}
      </select>
      <label htmlFor="map-id">Id (lower-case letters, digits, hyphens)</label>
      <input id="map-id" value={draft.id} onChange={(e) => set('id', e.target.value)} required />
      <label htmlFor="map-tool">Tool</label>
      <input id="map-tool" value={draft.tool} onChange={(e) => set('tool', e.target.value)} required />
      <label htmlFor="map-artifact">Artifact</label>
      <input id="map-artifact" value={draft.artifact} onChange={(e) => set('artifact', e.target.value)} required />
      <label htmlFor="map-record">Each row is a</label>
      <select id="map-record" value={draft.record} onChange={(e) => set('record', e.target.value)}>
        {RECORDS.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <label htmlFor="map-detect">Headers that recognise the file (one a line)</label>
      <textarea id="map-detect" rows={3} value={draft.detect} onChange={(e) => set('detect', e.target.value)} />
      <label htmlFor="map-time">Time column</label>
      <input id="map-time" value={draft.time} onChange={(e) => set('time', e.target.value)} />
      <label htmlFor="map-epoch">Numbers in it are</label>
      <select id="map-epoch" value={draft.epoch} onChange={(e) => set('epoch', e.target.value)}>
        {EPOCHS.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </select>
      <label htmlFor="map-direction">Direction column</label>
      <input id="map-direction" value={draft.direction} onChange={(e) => set('direction', e.target.value)} />
      <label htmlFor="map-values">Direction values (value = incoming, outgoing, missed; one a line)</label>
      <textarea id="map-values" rows={3} value={draft.values} onChange={(e) => set('values', e.target.value)} />
      <label htmlFor="map-duration">Duration column</label>
      <input id="map-duration" value={draft.duration} onChange={(e) => set('duration', e.target.value)} />
      <label htmlFor="map-name">Name columns (joined with a space; one a line)</label>
      <textarea id="map-name" rows={2} value={draft.name} onChange={(e) => set('name', e.target.value)} />
      <fieldset>
        <legend>Parties: the columns holding numbers, e-mail addresses or handles</legend>
        {draft.parties.map((p, i) => (
          <div key={i} className="party-row">
            <label>
              Column {i + 1}
              <input value={p.column} onChange={(e) => setParty(i, { column: e.target.value })} />
            </label>
            <label>
              Role
              <select value={p.role} onChange={(e) => setParty(i, { role: e.target.value })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r === 'counterpart' ? 'the other party (by direction)' : r}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Kind
              <select value={p.kind} onChange={(e) => setParty(i, { kind: e.target.value })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k === '' ? 'as it looks' : k}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={p.multi} onChange={(e) => setParty(i, { multi: e.target.checked })} />{' '}
              several a cell
            </label>
          </div>
        ))}
      </fieldset>
      {error !== undefined && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          {error.fields.length > 0 && (
            <ul>
              {error.fields.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      <div className="actions">
        <button type="submit">Save the mapping</button>
      </div>
    </form>
  );
}
