/**
 * What an import did: one row per file (kind, force, month, status, rows, rejected), refused
 * files and their reasons called out, the first rejected rows, and the rejects download.
 */
import { DataTable } from '../../components/DataTable';
import { fileName, forceName, number, STATUS_TEXT } from './format';
import type { ImportSummary } from '../../../api/index.js';

export function ImportResult({ summary }: { summary: ImportSummary }) {
  const samples = summary.by_file.flatMap((f) => f.rejects_sample ?? []);
  return (
    <div className="import-result">
      <p role="status">
        Import finished: <strong>{number(summary.imported)}</strong> rows imported from {summary.files} file
        {summary.files === 1 ? '' : 's'}
        {summary.rejected > 0 ? (
          <>
            , <strong>{number(summary.rejected)}</strong> row{summary.rejected === 1 ? '' : 's'} rejected
          </>
        ) : (
          ', no rows rejected'
        )}
        .
      </p>
      {summary.skipped_files.length > 0 && (
        <div className="callout warn" role="alert">
          <p>
            <strong>Not imported:</strong>
          </p>
          <ul>
            {summary.skipped_files.map((f) => (
              <li key={f.file}>
                <strong>{fileName(f.file)}</strong>: {f.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        caption="What happened to each file"
        rows={summary.by_file}
        columns={[
          { header: 'File', value: (f) => fileName(f.file) },
          { header: 'Kind', value: (f) => f.kind },
          { header: 'Force', value: (f) => forceName(f.force) },
          { header: 'Month', value: (f) => f.month },
          {
            header: 'Status',
            value: (f) => STATUS_TEXT[f.status] ?? f.status,
            render: (f) => (
              <span className={`file-status file-${f.status}`}>
                {STATUS_TEXT[f.status] ?? f.status}
                {f.reason ? `: ${f.reason}` : ''}
              </span>
            ),
          },
          { header: 'Rows', value: (f) => f.rows, numeric: true },
          {
            header: 'Rejected',
            value: (f) => f.rejected,
            numeric: true,
            render: (f) => (f.rejected > 0 ? <strong className="error">{number(f.rejected)}</strong> : '0'),
          },
        ]}
      />
      {samples.length > 0 && (
        <>
          <DataTable
            caption={`First rejected rows (${number(summary.rejected)} in all)`}
            rows={samples}
            columns={[
              { header: 'File', value: (r) => fileName(r.file) },
              { header: 'Line', value: (r) => r.line, numeric: true },
              { header: 'Column', value: (r) => r.column },
              { header: 'Why', value: (r) => r.reason },
            ]}
          />
        </>
      )}
      {summary.rejects_report !== null && (
        <p>
          <a href={`/api/imports/${encodeURIComponent(summary.import_id)}/rejects`} download>
            Download every rejected row of this import (CSV: file, line, column, reason)
          </a>
        </p>
      )}
    </div>
  );
}
