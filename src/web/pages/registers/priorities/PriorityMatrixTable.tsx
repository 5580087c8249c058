/** The side-by-side matrix: a column per partner, a row per taxonomy heading, each cell the partner's own words; notes on a partner's table below. */
import { MarkingBadge } from '../../../components/MarkingBadge';
import { plural } from '../shared/format';
import { shortName } from './names';
import type { PriorityMatrixView } from '../../../../api/index.js';

export function PriorityMatrixTable({ matrix }: { matrix: PriorityMatrixView }) {
  if (matrix.columns.length === 0)
    return <p className="empty">No partner priorities for {matrix.period} that you can see.</p>;
  const notes = matrix.columns.filter((c) => c.notes.length > 0);
  return (
    <>
      <p>
        {plural(matrix.columns.length, 'partner')}, {plural(matrix.rows.length, 'heading')} of the common taxonomy.{' '}
        <MarkingBadge marking={matrix.marking} />
        {matrix.columns.length > 6 && (
          <span className="method"> Scroll the table sideways to see every partner; the headings stay in view.</span>
        )}
      </p>
      <div
        className="table-wrap priority-matrix-wrap"
        tabIndex={0}
        role="region"
        aria-label={`Partners' priorities ${matrix.period}, scrolling sideways`}
      >
        <table className="priority-matrix">
          <caption>
            Partners' priorities {matrix.period}, in each partner's own words, under the heading of the common taxonomy
            they map to
          </caption>
          <thead>
            <tr>
              <th scope="col">Heading</th>
              {matrix.columns.map((c) => (
                <th key={c.id} scope="col">
                  <abbr title={c.label}>{shortName(c.label)}</abbr> <small>({c.priorities})</small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.taxonomyId}>
                <th scope="row">{r.label}</th>
                {r.cells.map((words, i) => (
                  <td key={matrix.columns[i]?.id ?? i}>
                    {words.length === 0 ? (
                      <span className="sr-only">none</span>
                    ) : (
                      words.map((w) => (
                        <span key={w} className="priority-words">
                          {w}
                        </span>
                      ))
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.length > 0 && (
        <ul className="method">
          {notes.flatMap((c) =>
            c.notes.map((n) => (
              <li key={`${c.id}-${n}`}>
                Note ({shortName(c.label)}): {n}
              </li>
            )),
          )}
        </ul>
      )}
    </>
  );
}
