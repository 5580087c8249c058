/** The ONS Crime Severity Score of each force (Home Office PRC tables) for a financial year. */
import { useState } from 'react';
import { rankedBarChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { Chart } from '../../components/Chart';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { forceName } from '../data/format';
import { AnalysisFrame } from './AnalysisFrame';
import type { AnalysisScope, CssAnswer } from '../../../api/index.js';

const YEARS = ['2019/20', '2018/19', '2017/18', '2016/17', '2015/16'];

export function CssPage() {
  return (
    <AnalysisFrame
      title="Crime Severity Score"
      lede="The ONS measure of harm per resident: each offence weighted by how severely courts sentence it, from the Home Office recorded crime tables."
    >
      {(scope) => <Css scope={scope} />}
    </AnalysisFrame>
  );
}

function Css({ scope }: { scope: AnalysisScope }) {
  const [year, setYear] = useState('2017/18');
  const css = useApi<CssAnswer>(`/analysis/css${qs({ year, source: 'prc' })}`);
  const home = new Set(scope.home.forces);
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <label>
          Financial year
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            {YEARS.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
      </form>
      <section aria-labelledby="h-css">
        <h2 id="h-css">Crime Severity Score by force, {year}</h2>
        <Await loaded={css}>
          {(r) => {
            const forces = r.rows.filter((x) => x.level === 'force');
            const name = (x: CssAnswer['rows'][number]) =>
              x.level === 'force' ? `${forceName(x.force)}${home.has(x.force) ? ' (yours)' : ''}` : x.area;
            return (
              <>
                <Chart
                  title={`Crime Severity Score by force, ${r.financial_year} (weight units per resident)`}
                  option={rankedBarChart(
                    forces.map((x) => ({ label: name(x), value: x.css })),
                    'Crime Severity Score (weight units per resident)',
                    { decimals: 2 },
                  )}
                  height={Math.max(360, forces.length * 18 + 80)}
                  fileName="crime-severity-score"
                  help={['css']}
                  rows={r.rows}
                  columns={[
                    { header: 'Area', value: (x) => name(x) },
                    { header: 'Offences', value: (x) => x.offences, numeric: true },
                    { header: 'Harm (sum of weights)', value: (x) => Math.round(x.harm), numeric: true },
                    { header: 'Residents', value: (x) => x.population, numeric: true },
                    {
                      header: 'Crime Severity Score',
                      value: (x) => (x.css === null ? null : Number(x.css.toFixed(2))),
                      numeric: true,
                    },
                    { header: 'Note', value: (x) => x.note ?? '' },
                  ]}
                />
                <p className="method">
                  {r.method} Weights: {r.weights}. Population: {r.pairing}. {r.notes.join(' ')}
                </p>
              </>
            );
          }}
        </Await>
      </section>
    </>
  );
}
