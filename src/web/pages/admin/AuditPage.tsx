/**
 * The audit trail for administrators: every change in the store with who, when, what and the
 * record before and after, newest first, filtered by table. (The server refuses anyone else.)
 */
import { useState } from 'react';
import { qs } from '../../api';
import { useApi } from '../../use-api';
import { Await } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { AUDITED_TABLES } from './audited-tables';
import { momentText } from '../../dates';
import type { AuditRecord } from '../../../api/index.js';

const LIMITS = [100, 200, 500, 1000];
const when = (iso: string) => momentText(iso, true);

export function AuditPage() {
  const [table, setTable] = useState('');
  const [limit, setLimit] = useState(200);
  const audit = useApi<AuditRecord[]>(`/audit${qs({ table, limit })}`);
  const tables = [...new Set([...AUDITED_TABLES, ...(audit.data ?? []).map((r) => r.table)])].sort();
  return (
    <main id="main">
      <h1>Audit trail</h1>
      <p className="lede">
        Every change to the store, written in the same transaction as the change. Rows about records above your
        clearance are not shown.
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Which changes to show">
        <label>
          Table
          <select value={table} onChange={(e) => setTable(e.target.value)}>
            <option value="">All tables</option>
            {tables.map((t) => (
              <option key={t} value={t}>
                {t.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          How many
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {LIMITS.map((n) => (
              <option key={n} value={n}>
                latest {n}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Await loaded={audit}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="empty">No changes recorded{table === '' ? '' : ` in ${table}`}.</p>
          ) : (
            <div className="table-wrap">
              <table className="audit-table">
                <caption>
                  Latest {rows.length} change{rows.length === 1 ? '' : 's'}
                  {table === '' ? '' : ` to ${table.replace(/_/g, ' ')}`}, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Table</th>
                    <th scope="col">Record</th>
                    <th scope="col">Marking</th>
                    <th scope="col">Before and after</th>
                  </tr>
                </thead>
                <tbody>
                  {[...rows].reverse().map((r) => (
                    <tr key={r.id}>
                      <td className="nowrap">
                        <time dateTime={r.at}>{when(r.at)}</time>
                      </td>
                      <td>{r.actorName}</td>
                      <td>{r.action}</td>
                      <td>{r.table.replace(/_/g, ' ')}</td>
                      <td>
                        {r.recordId}
                        {r.organisationId !== null && <span className="method"> · {r.organisationId}</span>}
                      </td>
                      <td>
                        <MarkingBadge marking={r.marking} />
                      </td>
                      <td>
                        <Change row={r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Await>
    </main>
  );
}

/** The fields an update changed, for reading at a glance ("status: in_progress → complete"). */
function changedFields(before: unknown, after: unknown): string[] {
  if (before === null || after === null || typeof before !== 'object' || typeof after !== 'object') return [];
  const [b, a] = [before as Record<string, unknown>, after as Record<string, unknown>];
  const short = (v: unknown) => {
    const text = JSON.stringify(v) ?? 'nothing';
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  };
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !['updatedAt', 'updatedBy', 'version'].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${short(b[k])} → ${short(a[k])}`);
}

function Change({ row }: { row: AuditRecord }) {
  if (row.before === null && row.after === null) return <span className="empty">no record</span>;
  const changed = changedFields(row.before, row.after);
  return (
    <>
      {changed.length > 0 && (
        <ul className="audit-changed" aria-label={`Fields changed by change ${row.id}`}>
          {changed.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <details className="audit-change">
        <summary>
          Show{changed.length > 0 ? ' whole record' : ''}
          <span className="sr-only"> before and after, change {row.id}</span>
        </summary>
        <div className="audit-json">
          <div>
            <p className="audit-json-h">Before</p>
            <pre tabIndex={0} role="region" aria-label={`Record before change ${row.id}`}>
              {row.before === null ? '(none)' : JSON.stringify(row.before, null, 2)}
            </pre>
          </div>
          <div>
            <p className="audit-json-h">After</p>
            <pre tabIndex={0} role="region" aria-label={`Record after change ${row.id}`}>
              {row.after === null ? '(none)' : JSON.stringify(row.after, null, 2)}
            </pre>
          </div>
        </div>
      </details>
    </>
  );
}
