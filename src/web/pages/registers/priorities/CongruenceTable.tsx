/**
 * Congruence of each partner with the alliance priorities of an assessment: what it shares, what
 * it lacks, what it holds beyond them, and its score, with the score explained in plain words.
 */
import { MarkingBadge } from '../../../components/MarkingBadge';
import { percent } from '../shared/format';
import { labelOf, shortName } from './names';
import type { PriorityCongruenceView, TaxonomyEntry } from '../../../../api/index.js';

export function CongruenceTable({
  view,
  taxonomy,
}: {
  view: PriorityCongruenceView;
  taxonomy: readonly TaxonomyEntry[] | undefined;
}) {
  const label = labelOf(taxonomy);
  const n = view.alliance.taxonomyIds.length;
  const list = (ids: readonly string[]) =>
    ids.length === 0 ? <span className="empty">none</span> : ids.map(label).join('; ');
  const example = view.partners.find((p) => p.coverage !== null && p.coverage > 0 && p.coverage < 1);
  return (
    <>
      <p>
        The alliance priorities are the priority band of the {view.strategyStatus} Control Strategy for{' '}
        {view.assessmentPeriod}, put on the same taxonomy:{' '}
        <strong>{view.alliance.taxonomyIds.map(label).join('; ') || 'none'}</strong>.
        {view.alliance.unmapped.length > 0 && (
          <> Police-internal themes not on the taxonomy, not counted either way: {view.alliance.unmapped.join('; ')}.</>
        )}{' '}
        Partners' priorities of {view.period}. <MarkingBadge marking={view.marking} />
      </p>
      <div className="callout">
        <p>
          <strong>How to read the score.</strong> The score is the share of the alliance's {n} priorities that the
          partner also holds
          {example !== undefined && (
            <>
              : {shortName(example.name)} holds {example.shared.length} of {n}, so scores {percent(example.coverage)}
            </>
          )}
          . A partner's own local priorities (under “Extra”) do not lower it: the aim is that partners' priorities are
          congruent with the alliance's, not that they give up their own. “Overlap” is a stricter measure for
          comparison: the shared priorities as a share of all the priorities either side holds, so local priorities do
          lower it.
        </p>
      </div>
      <div className="table-wrap">
        <table className="congruence">
          <caption>
            Congruence of each partner's {view.period} priorities with the alliance priorities of{' '}
            {view.assessmentPeriod}
          </caption>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col" className="num">
                Priorities
              </th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Shared with the alliance</th>
              <th scope="col">Lacking</th>
              <th scope="col">Extra (local)</th>
              <th scope="col" className="num">
                Overlap
              </th>
            </tr>
          </thead>
          <tbody>
            {view.partners.map((p) => (
              <tr key={p.partnerId}>
                <th scope="row">{shortName(p.name)}</th>
                <td className="num">{p.priorities}</td>
                <td className="num">
                  <strong>
                    {p.shared.length} of {n}
                  </strong>{' '}
                  ({percent(p.coverage)})
                </td>
                <td>{list(p.shared)}</td>
                <td>{list(p.lacking)}</td>
                <td>{list(p.extra)}</td>
                <td className="num">{percent(p.jaccard)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
