/** A risk's history: its score over time as a chart (with the table behind it), then every dated entry with its narrative. */
import { useMemo } from 'react';
import { MOVEMENT_ARROW, MOVEMENT_WORDS } from '../../../../charts/risk-heat-map.js';
import { riskHistoryChart } from '../../../../charts/risk-history.js';
import { Chart } from '../../../components/Chart';
import { longDate } from '../shared/format';
import type { RiskHistory, RiskSeriesPoint } from '../../../../api/index.js';

export function RiskHistoryView({ history, title }: { history: RiskHistory; title: string }) {
  const option = useMemo(
    () => riskHistoryChart(history.series, { scaleSize: history.scale.size, bands: history.bands }),
    [history],
  );
  return (
    <>
      <Chart
        title={`Residual score of ${title} at each review`}
        option={option}
        rows={history.series}
        fileName={`risk-${history.reference}-history`}
        height={320}
        columns={[
          { header: 'Date', value: (p: RiskSeriesPoint) => p.dated },
          { header: 'Likelihood', value: (p: RiskSeriesPoint) => p.likelihood, numeric: true },
          { header: 'Impact', value: (p: RiskSeriesPoint) => p.impact, numeric: true },
          { header: 'Score', value: (p: RiskSeriesPoint) => p.score, numeric: true },
          { header: 'Rating', value: (p: RiskSeriesPoint) => p.rating },
          { header: 'Movement', value: (p: RiskSeriesPoint) => MOVEMENT_WORDS[p.movement] },
        ]}
      />
      <ol className="update-history" reversed>
        {[...history.reviews].reverse().map((r, i, all) => {
          const point = history.series[all.length - 1 - i];
          return (
            <li key={r.id}>
              <p className="update-meta">
                <time dateTime={r.dated}>{longDate(r.dated)}</time>
                {' · '}
                likelihood {r.likelihood} × impact {r.impact} ={' '}
                <strong>
                  {r.score}
                  {point !== undefined && ` ${point.rating}`}
                </strong>
                {point !== undefined && (
                  <>
                    {' '}
                    <span aria-hidden="true">{MOVEMENT_ARROW[point.movement]}</span> {MOVEMENT_WORDS[point.movement]}
                  </>
                )}
                {' · '}
                {r.statusAfter}
                {' · '}by {r.author}
                {' · '}next review {longDate(r.nextReview)}
              </p>
              <p className="update-text">{r.narrative}</p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
