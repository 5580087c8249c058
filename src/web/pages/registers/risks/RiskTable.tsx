/** The register as a table: reference (opens the risk), title, owner, scores, movement, next review, status, marking. */
import { Link } from 'wouter';
import { MOVEMENT_ARROW, MOVEMENT_WORDS } from '../../../../charts/risk-heat-map.js';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { longDate } from '../shared/format';
import type { RiskListed } from '../../../../api/index.js';

export function RiskTable({
  risks,
  ratings,
  caption,
}: {
  risks: readonly RiskListed[];
  ratings: ReadonlyMap<number, string>;
  caption: string;
}) {
  if (risks.length === 0) return <p className="empty">There are no risks here that you can see.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ref.</th>
            <th scope="col">Risk</th>
            <th scope="col">Owner</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              Inherent
            </th>
            <th scope="col">Residual</th>
            <th scope="col">Movement</th>
            <th scope="col">Next review</th>
            <th scope="col">Status</th>
            <th scope="col">Marking</th>
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
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
  );
}
