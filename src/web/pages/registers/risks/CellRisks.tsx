/** The drill-down: the risks in the chosen heat-map cell, each with its movement in words. */
import { Link } from 'wouter';
import { levelLabel, MOVEMENT_ARROW, MOVEMENT_WORDS } from '../../../../charts/risk-heat-map.js';
import { cellName } from './HeatMapGrid';
import type { HeatMapCell, RiskHeatMap } from '../../../../api/index.js';

export function CellRisks({ map, cell, onClear }: { map: RiskHeatMap; cell: HeatMapCell; onClear: () => void }) {
  const from = (r: HeatMapCell['risks'][number]) =>
    r.from === null
      ? 'first review'
      : r.movement === 'same' && r.from.likelihood === cell.likelihood && r.from.impact === cell.impact
        ? 'same cell'
        : `from ${levelLabel(map.scale.likelihoodLabels, r.from.likelihood)} × ${levelLabel(map.scale.impactLabels, r.from.impact)} (score ${r.from.score})`;
  return (
    <div className="panel heat-drill">
      <h3>
        Risks in {cellName(map, cell)}: {cell.rating}, score {cell.score}
      </h3>
      <ul>
        {cell.risks.map((r) => (
          <li key={r.id}>
            <Link href={`/registers/risks/${r.id}`}>
              {r.reference} {r.title}
            </Link>{' '}
            <span aria-hidden="true">{MOVEMENT_ARROW[r.movement]}</span> {MOVEMENT_WORDS[r.movement]} since the previous
            review ({from(r)})
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onClear}>
        Show the whole register
      </button>
    </div>
  );
}
