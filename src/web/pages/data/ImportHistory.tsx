/** Every import, newest first: when, by whom, the files, rows imported and rejected, the rejects. */
import { DataTable } from '../../components/DataTable';
import type { Loaded } from '../../use-api';
import { Await } from '../../components/Status';
import { fileName, forceName, number, STATUS_TEXT, when } from './format';
import type { ImportRecord } from '../../../api/index.js';

const LANDED = new Set(['imported', 'replaced']);

export function ImportHistory({ imports }: { imports: Loaded<ImportRecord[]> }) {
  return (
    <section aria-labelledby="h-history">
      <h2 id="h-history">Import history</h2>
      <Await loaded={imports}>
        {(list) => (
          <DataTable
            caption="Imports, newest first"
            rows={list}
            empty="Nothing has been imported yet."
            columns={[
              { header: 'When', value: (i) => when(i.finishedAt || i.startedAt) },
              { header: 'By', value: (i) => i.by },
              { header: 'Files', value: (i) => i.files.length, render: (i) => <FileList record={i} /> },
              {
                header: 'Rows imported',
                value: (i) => i.files.filter((f) => LANDED.has(f.status)).reduce((a, f) => a + f.rows, 0),
                numeric: true,
              },
              { header: 'Rows rejected', value: (i) => i.files.reduce((a, f) => a + f.rejected, 0), numeric: true },
              {
                header: 'Rejects',
                value: (i) => (i.rejectsFile === null ? 'none' : 'CSV'),
                render: (i) =>
                  i.rejectsFile === null ? (
                    'none'
                  ) : (
                    <a href={`/api/imports/${encodeURIComponent(i.id)}/rejects`} download>
                      Download rejects
                      <span className="sr-only"> of the import of {when(i.finishedAt || i.startedAt)}</span> (CSV)
                    </a>
                  ),
              },
            ]}
          />
        )}
      </Await>
    </section>
  );
}

/** The files of one import, folded: a count and what became of them, each file on opening. */
function FileList({ record }: { record: ImportRecord }) {
  const counts = new Map<string, number>();
  for (const f of record.files) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  const refused = counts.get('refused') ?? 0;
  return (
    <details>
      <summary>
        {record.files.length} file{record.files.length === 1 ? '' : 's'}:{' '}
        {[...counts.entries()].map(([s, n]) => `${n} ${s}`).join(', ')}
        {refused > 0 && <strong className="error"> ({refused} refused)</strong>}
      </summary>
      {/* A long list scrolls; the scrolling box takes the focus so it scrolls from the keyboard too. */}
      <div
        className="file-list"
        tabIndex={0}
        role="region"
        aria-label={`Files of the import of ${when(record.finishedAt || record.startedAt)}`}
      >
        <ul>
          {record.files.map((f, k) => (
            <li key={k}>
              <strong>{fileName(f.source)}</strong>: {STATUS_TEXT[f.status] ?? f.status}
              {f.reason ? ` (${f.reason})` : ''}
              {f.kind !== null && (
                <>
                  {' '}
                  · {f.kind}, {forceName(f.force)}, {f.month}
                </>
              )}{' '}
              · {number(f.rows)} rows
              {f.rejected > 0 && <strong className="error">, {number(f.rejected)} rejected</strong>}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
