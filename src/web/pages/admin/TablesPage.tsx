/**
 * Reference tables for an organisation's administrators (issue 14): an area table (LSOA -> district
 * -> CSP -> force, for other names or a newer geography than the shipped national table), a
 * population table (the denominators of rates), and indicator values (figures that are not crime
 * records), each a CSV chosen here, checked by the server as the `stra` commands check them: a bad
 * row is named by file, line and field, and nothing is kept.
 */
import { useState, type FormEvent } from 'react';
import { api, qs } from '../../api';
import { ErrorNote } from '../../components/Status';
import { useAdminOrganisations } from './use-admin-orgs';
import type { ReferenceTableLoaded } from '../../../api/index.js';
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

function TableForm({ kind, title, columns, note }: (typeof TABLES)[number]) {
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

export function TablesPage() {
  return (
    <main id="main">
      <h1>Area, population and indicator tables</h1>
      <p className="lede">
        Tables the figures are computed with. Every load is in the audit trail with its file and SHA-256.
      </p>
      <div className="admin-grid">
        {TABLES.map((t) => (
          <TableForm key={t.kind} {...t} />
        ))}
      </div>
    </main>
  );
}
