/** Coverage: which months each force's street crime holds, as a chart and its table. */
import { monthText } from '../../dates';
import { groupedBarChart } from '../../../charts/analysis.js';
import { Chart } from '../../components/Chart';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { forceName } from '../data/format';
import { monthRuns } from '../data/Coverage';
import { AnalysisFrame } from './AnalysisFrame';
import type { WarehouseSummary } from '../../../api/index.js';

export function CoveragePage() {
  const summary = useApi<WarehouseSummary>('/trends/warehouse');
  return (
    <AnalysisFrame
      title="Coverage"
      lede="Which months of street crime the warehouse holds for each force. A missing month is no data, never zero crime."
    >
      {() => (
        <Await loaded={summary}>
          {({ coverage }) => (
            <Chart
              title={`Months of street crime loaded and missing by force, ${monthText(coverage.from)} to ${monthText(coverage.to)}`}
              option={groupedBarChart(
                coverage.forces.map((f) => forceName(f.force)),
                [
                  { name: 'months loaded', values: coverage.forces.map((f) => f.months) },
                  { name: 'months missing', values: coverage.forces.map((f) => f.missing.length) },
                ],
                'months',
              )}
              fileName="coverage"
              help={['coverage']}
              rows={coverage.forces}
              columns={[
                { header: 'Force', value: (f) => forceName(f.force) },
                { header: 'First month', value: (f) => monthText(f.first) },
                { header: 'Last month', value: (f) => monthText(f.last) },
                { header: 'Months loaded', value: (f) => f.months, numeric: true },
                { header: 'Rows', value: (f) => f.rows, numeric: true },
                { header: 'Missing', value: (f) => (f.missing.length ? monthRuns(f.missing) : 'none') },
              ]}
            />
          )}
        </Await>
      )}
    </AnalysisFrame>
  );
}
