/**
 * The heat map as a grid of cells (impact up, likelihood across), each filled with its rating's
 * colour AND labelled with the rating in words, the score, the count and the references with
 * their movement arrows. A cell holding risks is a button: choosing it lists those risks below
 * (the drill-down); it is a real button, so it works from the keyboard and says whether it is
 * chosen (aria-pressed).
 */
import {
  levelLabel,
  MOVEMENT_ARROW,
  MOVEMENT_WORDS,
  ratingFill,
  ratingLabel,
} from '../../../../charts/risk-heat-map.js';
import type { HeatMapCell, RiskHeatMap } from '../../../../api/index.js';

export const cellKey = (c: Pick<HeatMapCell, 'likelihood' | 'impact'>): string => `${c.likelihood}x${c.impact}`;

export function cellName(map: RiskHeatMap, c: HeatMapCell): string {
  return `impact ${levelLabel(map.scale.impactLabels, c.impact)} × likelihood ${levelLabel(map.scale.likelihoodLabels, c.likelihood)}`;
}

export function HeatMapGrid({
  map,
  chosen,
  onChoose,
}: {
  map: RiskHeatMap;
  chosen: string | undefined;
  onChoose: (key: string | undefined) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="heat-map">
        <caption>
          Strategic risks by residual likelihood and impact ({map.total} {map.total === 1 ? 'risk' : 'risks'}). Each
          cell gives its rating and score, the number of risks and their references; arrows show movement since the
          previous review. Choose a cell to list its risks.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="heat-corner">
              Impact ↓ · Likelihood →
            </th>
            {map.scale.likelihoodLabels.map((_, i) => (
              <th key={i} scope="col">
                {levelLabel(map.scale.likelihoodLabels, i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((row) => (
            <tr key={row.impact}>
              <th scope="row">{levelLabel(map.scale.impactLabels, row.impact)}</th>
              {row.cells.map((c) => (
                <Cell key={cellKey(c)} map={map} cell={c} chosen={chosen === cellKey(c)} onChoose={onChoose} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({
  map,
  cell,
  chosen,
  onChoose,
}: {
  map: RiskHeatMap;
  cell: HeatMapCell;
  chosen: boolean;
  onChoose: (key: string | undefined) => void;
}) {
  const rating = (
    <span className="heat-rating">
      {ratingLabel(cell.rating)} ({cell.score})
    </span>
  );
  const style = { background: ratingFill(cell.rating) };
  if (cell.count === 0)
    return (
      <td className="heat-cell" style={style}>
        {rating}
      </td>
    );
  // The button's name is its visible text, with the movement in words for screen readers (the arrows are hidden from them).
  return (
    <td className={`heat-cell${chosen ? ' heat-chosen' : ''}`} style={style}>
      <button
        type="button"
        className="heat-button"
        aria-pressed={chosen}
        onClick={() => onChoose(chosen ? undefined : cellKey(cell))}
      >
        {rating}
        <span className="heat-count">
          {cell.count} {cell.count === 1 ? 'risk' : 'risks'}
        </span>
        <span className="heat-refs">
          {cell.risks.map((r) => (
            <span key={r.id} className="heat-ref">
              {r.reference}
              <span aria-hidden="true">{MOVEMENT_ARROW[r.movement]}</span>
              <span className="sr-only"> {MOVEMENT_WORDS[r.movement]},</span>
            </span>
          ))}
        </span>
        <span className="sr-only">{cellName(map, cell)}</span>
      </button>
    </td>
  );
}
