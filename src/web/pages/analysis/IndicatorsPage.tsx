/**
 * Indicator tables: figures that are not crime records (hours, referrals, published tables), one
 * series at a time as a chart and its table, and the check that recomputes every printed
 * percentage from the figures it was printed from.
 */
import { useState } from 'react';
import { groupedBarChart, lineChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { AnalysisFrame } from './AnalysisFrame';
import type { IndicatorCheckAnswer, IndicatorsAnswer, SeriesTable } from '../../../api/index.js';

const pct = (x: number | null) => (x === null ? null : `${x > 0 ? '+' : ''}${x.toFixed(1)}%`);

export function IndicatorsPage() {
  return (
    <AnalysisFrame
      title="Indicator tables"
      lede="Figures that are not crime records, as stored by stra indicators import: each series as a chart and table, and a check of every printed percentage."
    >
      {() => <Indicators />}
    </AnalysisFrame>
  );
}

function Indicators() {
  const list = useApi<IndicatorsAnswer>('/analysis/indicators');
  const check = useApi<IndicatorCheckAnswer>('/analysis/indicators/check');
  const [picked, setPicked] = useState<string | undefined>(undefined);
  return (
    <Await loaded={list}>
      {({ series }) => {
        if (series.length === 0) return <p className="empty">No indicator series are stored yet.</p>;
        const names = [...new Set(series.map((s) => s.series))];
        const current = picked ?? names[0]!;
        return (
          <>
            <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Which series">
              <label>
                Series
                <select value={current} onChange={(e) => setPicked(e.target.value)}>
                  {names.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
            </form>
            <SeriesView series={current} />
            <section aria-labelledby="h-check">
              <h2 id="h-check">Check of printed percentages</h2>
              <Await loaded={check}>
                {(c) => (
                  <>
                    <p className={c.mismatches > 0 ? 'notice' : 'ok'}>
                      {c.checked} printed percentage{c.checked === 1 ? '' : 's'} checked: {c.mismatches} do
                      {c.mismatches === 1 ? 'es' : ''} not match the figures they were printed from.
                    </p>
                    <DataTable
                      caption="Printed year-on-year changes recomputed from their figures"
                      rows={c.checks}
                      columns={[
                        { header: 'Series', value: (x) => x.series },
                        { header: 'Organisation', value: (x) => x.organisation },
                        { header: 'Period', value: (x) => x.period },
                        { header: 'Value', value: (x) => x.value, numeric: true },
                        { header: 'Against', value: (x) => x.comparedWith },
                        { header: 'Printed', value: (x) => x.printed },
                        { header: 'Recomputed', value: (x) => pct(x.computedPct), numeric: true },
                        { header: 'Check', value: (x) => x.status },
                      ]}
                    />
                  </>
                )}
              </Await>
              <p className="method">
                <a href="/help#indicator-check">How the check works</a>
              </p>
            </section>
          </>
        );
      }}
    </Await>
  );
}

function SeriesView({ series }: { series: string }) {
  const table = useApi<SeriesTable>(`/analysis/indicators/table${qs({ series })}`);
  return (
    <section aria-labelledby="h-series-table">
      <h2 id="h-series-table">{series}</h2>
      <Await loaded={table}>
        {(t) =>
          t.type === 'year' ? (
            <Chart
              title={`${t.series} by year and organisation (${t.unit || 'no unit given'})`}
              option={groupedBarChart(
                t.table.rows.map((r) => r.period),
                t.table.organisations.map((o) => ({
                  name: o,
                  values: t.table.rows.map((r) => r.cells.find((c) => c.organisation === o)?.value ?? null),
                })),
                t.unit,
              )}
              fileName={t.series}
              help={['indicator-check']}
              rows={t.table.rows}
              columns={[
                { header: 'Year', value: (r) => r.period },
                ...t.table.organisations.map((o) => ({
                  header: o,
                  value: (r: (typeof t.table.rows)[number]) => r.cells.find((c) => c.organisation === o)?.value ?? null,
                  numeric: true,
                })),
                { header: 'Total', value: (r) => r.total, numeric: true },
                { header: 'Change on last year', value: (r) => pct(r.totalYoyPct), numeric: true },
              ]}
            />
          ) : (
            <Chart
              title={`${t.series}, ${t.organisation}, by ${t.table.granularity} and year (${t.unit || 'no unit given'})`}
              option={lineChart(
                t.table.columns,
                t.table.rows.map((r) => ({ name: r.year, values: r.cells })),
                t.unit,
                t.table.granularity,
              )}
              fileName={t.series}
              help={['indicator-check']}
              rows={t.table.rows}
              columns={[
                { header: 'Year', value: (r) => r.year },
                ...t.table.columns.map((col, i) => ({
                  header: col,
                  value: (r: (typeof t.table.rows)[number]) => r.cells[i] ?? null,
                  numeric: true,
                })),
                { header: 'Total', value: (r) => r.total, numeric: true },
                { header: 'Change on last year', value: (r) => pct(r.totalYoyPct), numeric: true },
              ]}
            />
          )
        }
      </Await>
    </section>
  );
}
