/** Two plans side by side by theme, as the seed's Appendix 1: each row an objective beside the one it matches; an objective with no match stands alone. */
import { MarkingBadge } from '../../../components/MarkingBadge';
import type { Plan, PlanComparison } from '../../../../api/index.js';

const heading = (p: Plan) => `${p.title} (${p.period})${p.commissioner === null ? '' : `, ${p.commissioner}`}`;

export function PlanComparisonTable({ view }: { view: PlanComparison }) {
  const { counts } = view;
  return (
    <>
      <p>
        {counts.pairs} objectives matched; {counts.onlyA} only in {view.planA.title}; {counts.onlyB} only in{' '}
        {view.planB.title}. <MarkingBadge marking={view.marking} />
        {view.mapping === null && (
          <> No one has mapped these two plans onto each other yet, so each theme is listed on its own.</>
        )}
        {view.mapping !== null && (
          <>
            {' '}
            <a href={`/api/plan-mappings/${view.mapping.id}/comparison.csv`} download>
              Download the comparison as CSV
            </a>
          </>
        )}
      </p>
      <div className="table-wrap plan-comparison-wrap">
        <table className="plan-comparison">
          <caption>
            {view.mapping?.title ?? `${view.planA.title} and ${view.planB.title}`}: key objectives side by side, by
            theme
          </caption>
          <thead>
            <tr>
              <th scope="col">{heading(view.planA)}</th>
              <th scope="col">{heading(view.planB)}</th>
            </tr>
          </thead>
          {view.groups.map((g, i) => (
            <tbody key={i}>
              <tr className="plan-theme">
                <th scope="colgroup">{g.themeA ?? <span className="empty">(no matching theme)</span>}</th>
                <th scope="colgroup">{g.themeB ?? <span className="empty">(no matching theme)</span>}</th>
              </tr>
              {g.rows.map((r, j) => (
                <tr key={j}>
                  <td>
                    {r.a?.text ?? (
                      <span className="empty">
                        — <span className="sr-only">no matching objective</span>
                      </span>
                    )}
                  </td>
                  <td>
                    {r.b?.text ?? (
                      <span className="empty">
                        — <span className="sr-only">no matching objective</span>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
