/**
 * Links (issue 16): one search box for a number written any way, and over the investigations the
 * user may see, with one set of filters (investigations, dates, record types): the
 * cross-reference table, the network drawn with its components and brokers, the shortest chain
 * between two investigations or numbers, and a timeline of calls and messages. Every table's
 * CSV (and the network's GraphML) is the server's export, audited at its marking; a search that
 * matches an investigation the user may not see says only whom to contact.
 */
import { plural } from '../../../domain/plural.js';
import { useMemo, useState, type FormEvent } from 'react';
import type {
  LinkInvestigationListed,
  LinkNetworkAnswer,
  LinkPathAnswer,
  LinkSearchAnswer,
  LinkTimelineAnswer,
  LinkXrefAnswer,
  LinkXrefEntry,
  LinkEvent,
  LinkNetworkNode,
} from '../../../api/index.js';
import { qs } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { NetworkView } from './NetworkView';
import { TimelineStrip } from './TimelineStrip';
import './links.css';
import { DateField } from '../../components/DateField';

type Params = Record<string, string | undefined>;

interface Filter {
  readonly investigations: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly types: readonly string[];
}

const TYPES = [
  ['contact', 'Address-book contacts'],
  ['owner', 'Device owners'],
  ['call', 'Calls'],
  ['message', 'Messages'],
] as const;

const paramsOf = (f: Filter): Params => ({
  investigation: f.investigations.join(',') || undefined,
  from: f.from || undefined,
  to: f.to || undefined,
  type: f.types.length === 0 || f.types.length === TYPES.length ? undefined : f.types.join(','),
});

const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));
const time = (iso: string | null) => (iso === null ? null : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
const roles = (r: Readonly<Record<string, number | undefined>>) =>
  Object.entries(r)
    .map(([k, n]) => `${k} ${n ?? 0}`)
    .join(', ');

export function LinksPage() {
  const investigations = useApi<LinkInvestigationListed[]>('/links/investigations');
  const [filter, setFilter] = useState<Filter>({ investigations: [], from: '', to: '', types: [] });
  const [timelineFor, setTimelineFor] = useState<string>('');
  const params = useMemo(() => paramsOf(filter), [filter]);
  return (
    <main id="main" className="links">
      <h1>Links: seized-phone data</h1>
      <p className="lede">
        Numbers, e-mail addresses and handles from phone examinations, matched across the investigations you can see.
        Links are evidence: each one names its investigation, device, file and line.
      </p>
      <SearchSection onTimeline={setTimelineFor} />
      <FilterForm list={investigations.data ?? []} filter={filter} onChange={setFilter} />
      <XrefSection params={params} onTimeline={setTimelineFor} />
      <NetworkSection params={params} />
      <TimelineSection params={params} identifier={timelineFor} onIdentifier={setTimelineFor} />
    </main>
  );
}

function SearchSection({ onTimeline }: { onTimeline: (id: string) => void }) {
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const answer = useApi<LinkSearchAnswer>(asked);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const q = String(f.get('q') ?? '').trim();
    const region = String(f.get('region') ?? '').trim();
    if (q !== '') setAsked(`/links/search${qs({ q, region: region || undefined })}`);
  };
  const columns: Column<LinkXrefEntry['places'][number]>[] = [
    { header: 'Investigation', value: (p) => p.investigation },
    { header: 'Device', value: (p) => p.device },
    { header: 'Roles', value: (p) => p.roles.join(', ') },
    { header: 'Records', value: (p) => p.count, numeric: true },
    { header: 'First seen', value: (p) => day(p.first) },
    { header: 'Last seen', value: (p) => day(p.last) },
  ];
  return (
    <section aria-labelledby="h-search">
      <h2 id="h-search">Search</h2>
      <form className="filters" role="search" aria-label="Search an identifier" onSubmit={submit}>
        <label>
          Number, e-mail or handle
          <input name="q" type="search" placeholder="07700 900123, +44 7700 900123, name@example.com" size={36} />
        </label>
        <label>
          Country of a national number
          <input name="region" defaultValue="GB" size={3} maxLength={2} pattern="[A-Za-z]{2}" />
        </label>
        <button type="submit">Search</button>
      </form>
      {asked !== undefined && (
        <Await loaded={answer}>
          {(r) => (
            <div className="links-search">
              {r.elsewhere.map((w) => (
                <p key={w.organisationId} className="notice deconfliction" role="status">
                  {w.message}
                </p>
              ))}
              {r.found === null ? (
                <p className="empty">
                  {r.identifier}
                  {r.status === 'valid' ? '' : ` (${r.status})`}: not seen in any investigation you can see.
                </p>
              ) : (
                <>
                  <p className="headline">
                    <strong>{r.identifier}</strong>
                    {r.status === 'valid' ? '' : ` (${r.status})`}: {r.found.count.toLocaleString('en-GB')} record(s) in{' '}
                    {r.found.investigations} investigation(s) on {r.found.devices} device(s),{' '}
                    {day(r.found.first) ?? '–'} to {day(r.found.last) ?? '–'}.{' '}
                    <button type="button" className="link" onClick={() => onTimeline(r.identifier)}>
                      Show its timeline
                    </button>
                  </p>
                  <DataTable caption={`Where ${r.identifier} was seen`} columns={columns} rows={r.found.places} />
                </>
              )}
            </div>
          )}
        </Await>
      )}
    </section>
  );
}

function FilterForm({
  list,
  filter,
  onChange,
}: {
  list: readonly LinkInvestigationListed[];
  filter: Filter;
  onChange: (f: Filter) => void;
}) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    onChange({
      investigations: f.getAll('investigation').map(String),
      from: String(f.get('from') ?? ''),
      to: String(f.get('to') ?? ''),
      types: f.getAll('type').map(String),
    });
  };
  return (
    <section aria-labelledby="h-filter">
      <h2 id="h-filter">What to analyse</h2>
      <form className="filters links-filter" onSubmit={submit} aria-label="Filters">
        <fieldset>
          <legend>Investigations (none ticked: all you can see)</legend>
          {list.length === 0 && <span className="hint">No investigations you can see yet.</span>}
          {list.map((i) => (
            <label key={i.id} className="check">
              <input
                type="checkbox"
                name="investigation"
                value={String(i.id)}
                defaultChecked={filter.investigations.includes(String(i.id))}
              />
              {i.reference} <MarkingBadge marking={i.marking} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Records</legend>
          {TYPES.map(([t, label]) => (
            <label key={t} className="check">
              <input
                type="checkbox"
                name="type"
                value={t}
                defaultChecked={filter.types.length === 0 || filter.types.includes(t)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <DateField label="Calls and messages from" name="from" defaultValue={filter.from} />
        <DateField label="to" name="to" defaultValue={filter.to} />
        <button type="submit">Apply</button>
      </form>
    </section>
  );
}

function XrefSection({ params, onTimeline }: { params: Params; onTimeline: (id: string) => void }) {
  const xref = useApi<LinkXrefAnswer>(`/links/xref${qs(params)}`);
  const columns: Column<LinkXrefEntry>[] = [
    {
      header: 'Identifier',
      value: (e) => e.key + (e.flagged ? ' (!)' : ''),
      render: (e) => (
        <button type="button" className="link" onClick={() => onTimeline(e.key)} title="Show its timeline">
          {e.key}
          {e.flagged ? ' (!)' : ''}
        </button>
      ),
    },
    { header: 'Kind', value: (e) => e.kind },
    { header: 'Investigations', value: (e) => e.investigations, numeric: true },
    { header: 'Devices', value: (e) => e.devices, numeric: true },
    { header: 'Records', value: (e) => e.count, numeric: true },
    { header: 'First seen', value: (e) => day(e.first) },
    { header: 'Last seen', value: (e) => day(e.last) },
    { header: 'Roles', value: (e) => roles(e.roles) },
    { header: 'Where', value: (e) => e.places.map((p) => `${p.investigation}/${p.device}`).join(' ') },
  ];
  return (
    <section aria-labelledby="h-xref">
      <h2 id="h-xref">Cross-reference</h2>
      <Await loaded={xref}>
        {(x) => (
          <>
            <p>
              Identifiers seen in two or more investigations: {x.entries.length}. <MarkingBadge marking={x.marking} />{' '}
              <a href={`/api/links/xref.csv${qs(params)}`} download>
                Download the cross-reference as CSV
              </a>
            </p>
            <DataTable
              caption="Identifiers in two or more investigations"
              columns={columns}
              rows={x.entries}
              empty="No identifier is shared by two investigations you can see (with these filters)."
            />
            {x.entries.some((e) => e.flagged) && (
              <p className="hint">
                (!) not a valid identifier as written: linked on its best-effort form; check the source.
              </p>
            )}
          </>
        )}
      </Await>
    </section>
  );
}

function NetworkSection({ params }: { params: Params }) {
  const [level, setLevel] = useState<'investigation' | 'device'>('investigation');
  const [path, setPath] = useState<string | undefined>(undefined);
  const full = { ...params, level: level === 'device' ? 'device' : undefined };
  const network = useApi<LinkNetworkAnswer>(`/links/network${qs(full)}`);
  const chain = useApi<LinkPathAnswer>(path);
  const ids = chain.data?.path?.map((s) => s.id);
  const ask = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const a = String(f.get('a') ?? '').trim();
    const b = String(f.get('b') ?? '').trim();
    const region = String(f.get('region') ?? '').trim();
    if (a !== '' && b !== '') setPath(`/links/path${qs({ ...params, a, b, region: region || undefined })}`);
  };
  const nodeColumns: Column<LinkNetworkNode>[] = [
    { header: 'Node', value: (n) => n.label + (n.flagged === true ? ' (!)' : '') },
    { header: 'Type', value: (n) => n.type },
    { header: 'Degree', value: (n) => n.degree, numeric: true },
    { header: 'Betweenness', value: (n) => n.betweenness.toFixed(3), numeric: true },
    { header: 'Community', value: (n) => n.community, numeric: true },
    { header: 'Component', value: (n) => n.component, numeric: true },
  ];
  return (
    <section aria-labelledby="h-network">
      <h2 id="h-network">Network</h2>
      <form className="filters" aria-label="Network drawing" onSubmit={(e) => e.preventDefault()}>
        <label>
          Draw
          <select value={level} onChange={(e) => setLevel(e.target.value as 'investigation' | 'device')}>
            <option value="investigation">investigations and the identifiers they share</option>
            <option value="device">devices and the identifiers they share</option>
          </select>
        </label>
      </form>
      <Await loaded={network}>
        {({ network: net, marking }) => (
          <>
            <p>
              {plural(net.nodes.length, 'node')}, {plural(net.edges.length, 'link')},{' '}
              {plural(net.components.length, 'component')}, {plural(net.communities, 'community', 'communities')}{' '}
              (modularity {net.modularity.toFixed(3)}). <MarkingBadge marking={marking} />{' '}
              <a href={`/api/links/network.csv${qs(full)}`} download>
                Download the nodes as CSV
              </a>{' '}
              ·{' '}
              <a href={`/api/links/network.graphml${qs(full)}`} download>
                GraphML (i2, Gephi)
              </a>
            </p>
            {net.nodes.length === 0 ? (
              <p className="empty">Nothing links two investigations you can see (with these filters).</p>
            ) : (
              <NetworkView net={net} path={ids} />
            )}
            <DataTable
              caption="Components, largest first"
              columns={[
                { header: 'Component', value: (c: (typeof net.components)[number]) => c.id, numeric: true },
                {
                  header: level === 'device' ? 'Devices' : 'Investigations',
                  value: (c: (typeof net.components)[number]) => c.entities.join(' '),
                },
                {
                  header: 'Shared identifiers',
                  value: (c: (typeof net.components)[number]) => c.identifiers,
                  numeric: true,
                },
              ]}
              rows={net.components}
              empty="No components."
            />
            {net.nodes.length > 0 && (
              <details>
                <summary>Every node, brokers first (by betweenness)</summary>
                <DataTable caption="Nodes by betweenness" columns={nodeColumns} rows={net.nodes} />
              </details>
            )}
          </>
        )}
      </Await>
      <h3 id="h-path">Shortest chain</h3>
      <form className="filters" aria-labelledby="h-path" onSubmit={ask}>
        <label>
          From (investigation or identifier)
          <input name="a" placeholder="OP-ALDER or 07700 900123" />
        </label>
        <label>
          To
          <input name="b" placeholder="OP-BIRCH or +44 7700 900456" />
        </label>
        <label>
          Country of a national number
          <input name="region" defaultValue="GB" size={3} maxLength={2} />
        </label>
        <button type="submit">Find the chain</button>
      </form>
      {path !== undefined && (
        <Await loaded={chain}>
          {(p) =>
            p.path === null ? (
              <p className="empty">Nothing you can see links these two.</p>
            ) : (
              <ol className="links-path" aria-label="The chain">
                {p.path.map((s) => (
                  <li key={s.id}>
                    {s.label} <span className="hint">({s.type})</span>
                  </li>
                ))}
              </ol>
            )
          }
        </Await>
      )}
    </section>
  );
}

const EVENT_COLUMNS: Column<LinkEvent>[] = [
  { header: 'When (UTC)', value: (e) => time(e.at) },
  { header: 'Type', value: (e) => e.type },
  { header: 'Direction', value: (e) => e.direction },
  { header: 'Investigation', value: (e) => e.investigation },
  { header: 'Device', value: (e) => e.device },
  { header: 'Other party', value: (e) => e.value },
  { header: 'Role', value: (e) => e.role },
  { header: 'Seconds', value: (e) => e.durationS, numeric: true },
  { header: 'Source', value: (e) => `${e.source} line ${e.line}` },
];

/** Rows shown on the page (the CSV has them all). */
const SHOWN = 300;

function TimelineSection({
  params,
  identifier,
  onIdentifier,
}: {
  params: Params;
  identifier: string;
  onIdentifier: (id: string) => void;
}) {
  const q = { ...params, identifier: identifier || undefined };
  const ready = identifier !== '' || params['investigation'] !== undefined;
  const timeline = useApi<LinkTimelineAnswer>(ready ? `/links/timeline${qs(q)}` : undefined);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onIdentifier(String(new FormData(e.currentTarget).get('identifier') ?? '').trim());
  };
  return (
    <section aria-labelledby="h-timeline">
      <h2 id="h-timeline">Timeline</h2>
      <form className="filters" aria-label="Timeline of" onSubmit={submit} key={identifier}>
        <label>
          Calls and messages of (a number; empty: the investigations ticked above)
          <input name="identifier" defaultValue={identifier} placeholder="+19198887386" size={24} />
        </label>
        <button type="submit">Show</button>
      </form>
      {!ready ? (
        <p className="hint">Search a number, pick one in the cross-reference, or tick investigations above.</p>
      ) : (
        <Await loaded={timeline}>
          {(t) => (
            <>
              <p>
                {t.events.length.toLocaleString('en-GB')} call and message record(s)
                {t.identifier === null ? '' : ` of ${t.identifier}`}
                {t.truncated ? ' (the first 5,000; narrow the dates for the rest)' : ''}.{' '}
                <MarkingBadge marking={t.marking} />{' '}
                <a href={`/api/links/timeline.csv${qs(q)}`} download>
                  Download the timeline as CSV
                </a>
              </p>
              {t.events.some((e) => e.at !== null) && <TimelineStrip events={t.events} />}
              {t.events.length === 0 ? (
                <p className="empty">No calls or messages (with these filters).</p>
              ) : (
                <details open={t.events.length <= 20}>
                  <summary>Every call and message, earliest first (the table behind the timeline)</summary>
                  <DataTable
                    caption={`Calls and messages${t.identifier === null ? '' : ` of ${t.identifier}`}, earliest first${t.events.length > SHOWN ? ` (first ${SHOWN} shown; the CSV has all)` : ''}`}
                    columns={EVENT_COLUMNS}
                    rows={t.events.slice(0, SHOWN)}
                  />
                </details>
              )}
            </>
          )}
        </Await>
      )}
    </section>
  );
}
