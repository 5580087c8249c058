/**
 * Reference tables for an organisation's administrators (issue 14): an area table (LSOA -> district
 * -> CSP -> force, for other names or a newer geography than the shipped national table), a
 * population table (the denominators of rates), and indicator values (figures that are not crime
 * records), each a CSV chosen here, checked by the server as the `stra` commands check them: a bad
 * row is named by file, line and field, and nothing is kept.
 */
import { useState, type FormEvent } from 'react';
import { api, qs } from '../../api';
import { Await, ErrorNote } from '../../components/Status';
import { momentText } from '../../dates';
import { useApi } from '../../use-api';
import { useOrganisations } from '../../use-organisations';
import { useAdminOrganisations } from './use-admin-orgs';
import type { ReferenceTableLoad, ReferenceTableLoaded } from '../../../api/index.js';
import './admin.css';

type Kind = ReferenceTableLoaded['kind'];

const TABLES: readonly { kind: Kind; title: string; columns: string; note: string }[] = [
  {
    kind: 'areas',
    title: 'Area table',
    columns: 'force, csp, district, lsoa_code (and optionally force_name, district_code, lsoa_name)',
    note: 'Only your own force’s LSOAs. It wins over the shipped national table for the LSOAs it lists.',
  },
  {
    kind: 'population',
    title: 'Population table',
    columns: 'area_code, year, population (and optionally area_name, source)',
    note: 'ONS codes or a police.uk force id; it wins over the shipped mid-year estimates for the area-years it lists.',
  },
  {
    kind: 'indicators',
    title: 'Indicator values',
    columns: 'series, organisation, period, value (and optionally unit, published_pct)',
    note: 'Periods YYYY-MM, YYYY-Qn, YYYY/YY or YYYY. The same file again changes nothing; a corrected value replaces the old one.',
  },
];

function TableForm({ kind, title, columns, note, onLoaded }: (typeof TABLES)[number] & { onLoaded: () => void }) {
  const { administered } = useAdminOrganisations();
  const [organisation, setOrganisation] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [result, setResult] = useState<ReferenceTableLoaded | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (file === undefined) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const org = organisation || (administered[0]?.id ?? '');
      setResult(
        await api.postFile<ReferenceTableLoaded>(
          `/reference-tables/${kind}${qs({ organisation: org, name: file.name })}`,
          file,
        ),
      );
      onLoaded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor admin-form" onSubmit={(e) => void send(e)} aria-labelledby={`${kind}-h`}>
      <h2 id={`${kind}-h`}>{title}</h2>
      <p className="hint">
        Columns: {columns}. {note}
      </p>
      <label htmlFor={`${kind}-org`}>For</label>
      <select
        id={`${kind}-org`}
        value={organisation || (administered[0]?.id ?? '')}
        onChange={(e) => setOrganisation(e.target.value)}
      >
        {administered.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${kind}-file`}>CSV file</label>
      <input
        id={`${kind}-file`}
        type="file"
        accept=".csv,text/csv"
        required
        onChange={(e) => setFile(e.target.files?.[0])}
      />
      {error !== undefined && <ErrorNote message={error} />}
      {result !== undefined && (
        <p className="ok" role="status">
          Loaded {result.file}: {result.rows.toLocaleString('en-GB')} rows, {result.summary}.
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || file === undefined}>
          Load {title.toLowerCase()}
        </button>
      </div>
    </form>
  );
}

const KIND_NAMES: Record<Kind, string> = { areas: 'Area table', population: 'Population', indicators: 'Indicators' };

function LoadedTables({ loads }: { loads: readonly ReferenceTableLoad[] }) {
  const { nameOf } = useOrganisations();
  if (loads.length === 0) return <p className="empty">No table has been loaded yet, here or with the stra commands.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>Tables loaded, from this page or the command line, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Loaded</th>
            <th scope="col">By</th>
            <th scope="col">How</th>
            <th scope="col">For</th>
            <th scope="col">Kind</th>
            <th scope="col">File</th>
            <th scope="col">Rows</th>
            <th scope="col">What it covers</th>
          </tr>
        </thead>
        <tbody>
          {loads.map((l, i) => (
            <tr key={i}>
              <td>
                <time dateTime={l.loadedAt}>{momentText(l.loadedAt)}</time>
              </td>
              <td>{l.loadedBy}</td>
              <td>{l.via === 'command line' ? 'Command line' : 'This page'}</td>
              <td>{l.organisationId === null ? 'Whole workspace' : nameOf(l.organisationId)}</td>
              <td>{KIND_NAMES[l.kind]}</td>
              <td>
                {l.file} <span className="sr-only">SHA-256</span>
                <code title={`SHA-256 ${l.sha256}`}>{l.sha256.slice(0, 12)}</code>
              </td>
              <td className="num">{l.rows.toLocaleString('en-GB')}</td>
              <td>{l.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TablesPage() {
  const loads = useApi<ReferenceTableLoad[]>('/reference-tables');
  return (
    <main id="main">
      <h1>Area, population and indicator tables</h1>
      <p className="lede">
        Tables the figures are computed with. Every load is in the audit trail with its file and SHA-256.
      </p>
      <div className="admin-grid">
        {TABLES.map((t) => (
          <TableForm key={t.kind} {...t} onLoaded={loads.reload} />
        ))}
      </div>
      <section aria-labelledby="loaded-h">
        <h2 id="loaded-h">Tables loaded</h2>
        <Await loaded={loads}>{(list) => <LoadedTables loads={list} />}</Await>
      </section>
    </main>
  );
}
