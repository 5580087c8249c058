/** Crimes per 1,000 residents by force, CSP, district or LSOA over twelve months (or a chosen range). */
import { monthText } from '../../dates';
import { useState } from 'react';
import { rankedBarChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { AreaFilters, choiceQuery, useAreaChoice, type AreaLevel } from '../../components/AreaFilters';
import { Chart } from '../../components/Chart';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { MissingNote } from '../TrendsPage';
import { forceName } from '../data/format';
import { AnalysisFrame } from './AnalysisFrame';
import type { AnalysisScope, RatesAnswer } from '../../../api/index.js';

export function RatesPage() {
  return (
    <AnalysisFrame
      title="Crime rates per 1,000 residents"
      lede="Recorded crime (anti-social behaviour left out) divided by the ONS mid-year population, so areas of different sizes compare."
    >
      {(scope) => <Rates scope={scope} />}
    </AnalysisFrame>
  );
}

function Rates({ scope }: { scope: AnalysisScope }) {
  const [choice, setChoice] = useAreaChoice(scope);
  const [by, setBy] = useState<AreaLevel | 'lsoa'>('csp');
  const rates = useApi<RatesAnswer>(`/analysis/rates${qs({ by, force: choiceQuery(choice).force })}`);
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AreaFilters scope={scope} choice={choice} onChange={setChoice} forceOnly />
        <label>
          Rates by
          <select value={by} onChange={(e) => setBy(e.target.value as AreaLevel | 'lsoa')}>
            <option value="force">Force</option>
            <option value="csp">Community safety partnership</option>
            <option value="district">District</option>
            <option value="lsoa">LSOA</option>
          </select>
        </label>
      </form>
      <section aria-labelledby="h-rates">
        <h2 id="h-rates">Rates per 1,000 residents</h2>
        <Await loaded={rates}>
          {(r) => {
            const rows = r.rows;
            const label = (x: RatesAnswer['rows'][number]) =>
              by === 'force'
                ? forceName(x.force)
                : rows.some((o) => o.area === x.area && o.force !== x.force)
                  ? `${x.area} (${forceName(x.force)})`
                  : x.area;
            return (
              <>
                <Chart
                  title={`Crimes per 1,000 residents, ${monthText(r.from)} to ${monthText(r.to)} (${r.months} months), mid-${r.population_year} population`}
                  option={rankedBarChart(
                    (by === 'lsoa' ? topRates(rows, 40) : rows).map((x) => ({
                      label: label(x),
                      value: x.rate_per_1000,
                    })),
                    `crimes per 1,000 residents, ${r.months} months`,
                  )}
                  height={Math.max(320, Math.min(40, rows.length) * 22 + 80)}
                  fileName="rates"
                  help={['rate-per-1000', 'elsewhere']}
                  rows={rows}
                  columns={[
                    { header: 'Force', value: (x) => forceName(x.force) },
                    { header: 'Area', value: (x) => x.area },
                    { header: 'Crimes', value: (x) => x.count, numeric: true },
                    { header: 'Residents', value: (x) => x.population, numeric: true },
                    {
                      header: 'Per 1,000 residents',
                      value: (x) => (x.rate_per_1000 === null ? null : Number(x.rate_per_1000.toFixed(1))),
                      numeric: true,
                    },
                    { header: 'Population', value: (x) => x.note ?? x.population_source },
                  ]}
                />
                <p className="method">
                  {r.pairing}. {r.categories}. {r.notes.join(' ')}
                </p>
                <MissingNote missing={r.missing} scope={scope} />
              </>
            );
          }}
        </Await>
      </section>
    </>
  );
}

/** For LSOAs the chart shows the highest rates (the table has them all). */
function topRates<R extends { rate_per_1000: number | null }>(rows: readonly R[], n: number): R[] {
  return [...rows].sort((a, b) => (b.rate_per_1000 ?? -1) - (a.rate_per_1000 ?? -1)).slice(0, n);
}
