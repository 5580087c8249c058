/** The register as a table: reference (opens the risk), title, owner, scores, movement, next review, status, marking. */
import { Link } from 'wouter';
import { MOVEMENT_ARROW, MOVEMENT_WORDS } from '../../../../charts/risk-heat-map.js';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { SortHeader, TableFilter, useTableView, type ViewColumn } from '../../../components/table-view';
import { longDate } from '../shared/format';
import type { RiskListed } from '../../../../api/index.js';

const COLUMNS: readonly ViewColumn<RiskListed>[] = [
  { header: 'Ref.', sort: (r) => r.reference },
  { header: 'Risk', sort: (r) => r.title },
  { header: 'Owner', sort: (r) => r.owner },
  { header: 'Category', sort: (r) => r.category },
  { header: 'Inherent', sort: (r) => r.inherent.score },
  { header: 'Residual', sort: (r) => r.residual.score },
  { header: 'Movement', sort: (r) => MOVEMENT_WORDS[r.movement] },
  { header: 'Next review', sort: (r) => r.nextReview, text: (r) => longDate(r.nextReview) },
  { header: 'Status', sort: (r) => r.status },
  { header: 'Marking', sort: (r) => r.marking },
];

export function RiskTable({
  risks,
  ratings,
  caption,
}: {
  risks: readonly RiskListed[];
  ratings: ReadonlyMap<number, string>;
  caption: string;
}) {
  const view = useTableView(risks, COLUMNS);
  if (risks.length === 0) return <p className="empty">There are no risks here that you can see.</p>;
  return (
    <>
      <TableFilter view={view} what="risks" />
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c, i) => (
                <SortHeader key={c.header} view={view} column={i} className={i === 4 ? 'num' : undefined} />
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={`/registers/risks/${r.id}`}>{r.reference}</Link>
                </th>
                <td>{r.title}</td>
                <td>{r.owner}</td>
                <td>{r.category}</td>
                <td className="num">{r.inherent.score}</td>
                <td>
                  {r.residual.likelihood}×{r.residual.impact} = {r.residual.score}
                  {ratings.has(r.id) && (
                    <>
                      {' '}
                      <strong>{ratings.get(r.id)}</strong>
                    </>
                  )}
                </td>
                <td>
                  <span aria-hidden="true">{MOVEMENT_ARROW[r.movement]}</span> {MOVEMENT_WORDS[r.movement]}
                </td>
                <td>{longDate(r.nextReview)}</td>
                <td>{r.status}</td>
                <td>
                  <MarkingBadge marking={r.marking} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
