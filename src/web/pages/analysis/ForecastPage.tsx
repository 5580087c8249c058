/**
 * The Forecast page (issue 17): a monthly series (recorded crime of a force, CSP or district,
 * incidents, missing episodes) with 80% and 95% intervals, always beside the backtest that chose
 * the model, or the reason it was refused.
 */
import { forecastBandChart } from '../../../charts/demand.js';
import { qs } from '../../api';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { useState } from 'react';
import { useApi } from '../../use-api';
import { AnalysisFrame } from './AnalysisFrame';
import { DEMAND_CLASSES } from '../../../domain/demand/vocabulary.js';
import { CATEGORY_NAMES, CATEGORY_SLUGS } from '../../../domain/crime/categories.js';
import type { AnalysisScope, ForecastAnswer } from '../../../api/index.js';
import { ForcePicker, Held, capital, className, homeForce, ownCsp, pc } from './DemandPages';

type Area = { readonly name: string; readonly force: string };

export function ForecastPage() {
  return (
    <AnalysisFrame
      title="Forecast"
      lede="Recorded crime, incidents or missing-person reports 12 months ahead with 80% and 95% intervals, from the model that did best in a rolling-origin backtest, always shown with that backtest."
    >
      {(scope) => <Forecast scope={scope} />}
    </AnalysisFrame>
  );
}

type SeriesKind = 'crime' | 'incidents' | 'missing';
const SERIES_NAMES: Readonly<Record<SeriesKind, string>> = {
  crime: 'Recorded crime',
  incidents: 'Incidents',
  missing: 'Missing-person episodes',
};
const UNITS: Readonly<Record<SeriesKind, string>> = {
  crime: 'crimes a month',
  incidents: 'incidents a month',
  missing: 'episodes a month',
};

function Forecast({ scope }: { scope: AnalysisScope }) {
  const [force, setForce] = useState(homeForce(scope));
  const [series, setSeries] = useState<SeriesKind>('crime');
  const [category, setCategory] = useState('');
  const own = ownCsp(scope);
  // '' the whole force, 'csp=Rugby' or 'district=Rugby'. A CSP's users start on their CSP.
  const [area, setArea] = useState(own ? `csp=${own}` : '');
  const csps = useApi<Area[]>(`/trends/areas${qs({ level: 'csp', force })}`);
  const districts = useApi<Area[]>(`/trends/areas${qs({ level: 'district', force })}`);
  const [level, areaName] = area ? (area.split('=') as [string, string]) : ['', ''];
  const usable = !(series !== 'crime' && level === 'district');
  const r = useApi<ForecastAnswer>(
    `/analysis/forecast${qs({
      series,
      force,
      category: series === 'missing' ? undefined : category || undefined,
      csp: level === 'csp' ? areaName : undefined,
      district: usable && level === 'district' ? areaName : undefined,
    })}`,
  );
  const categories =
    series === 'crime'
      ? CATEGORY_SLUGS.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))
      : series === 'incidents'
        ? DEMAND_CLASSES.map((c) => ({ value: c, label: className(c) }))
        : [];
  return (
    <>
      <ForcePicker
        scope={scope}
        force={force}
        onChange={(f) => {
          setForce(f);
          setArea('');
        }}
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Series">
        <label>
          Series{' '}
          <select
            value={series}
            onChange={(e) => {
              setSeries(e.target.value as SeriesKind);
              setCategory('');
              if (e.target.value !== 'crime' && area.startsWith('district=')) setArea('');
            }}
          >
            {(Object.keys(SERIES_NAMES) as SeriesKind[]).map((k) => (
              <option key={k} value={k}>
                {SERIES_NAMES[k]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Area{' '}
          <select value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">the whole force</option>
            {(csps.data ?? []).map((a) => (
              <option key={`csp=${a.name}`} value={`csp=${a.name}`}>
                {a.name} (CSP)
              </option>
            ))}
            {series === 'crime' &&
              (districts.data ?? []).map((a) => (
                <option key={`district=${a.name}`} value={`district=${a.name}`}>
                  {a.name} (district)
                </option>
              ))}
          </select>
        </label>{' '}
        {categories.length > 0 && (
          <label>
            {series === 'crime' ? 'Category' : 'Type'}{' '}
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{series === 'crime' ? 'all crime' : 'all incidents'}</option>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </form>
      <Held loaded={r}>
        {(f) =>
          f.forecast === null ? (
            <>
              <p className="empty">
                {capital(f.series)} ({f.start} onwards) cannot be forecast: {f.refused}
              </p>
              {f.notes.length > 0 && <p className="method">{f.notes.join('; ')}.</p>}
            </>
          ) : (
            <>
              <p className="summary">
                {capital(f.series)}: model {f.forecast.model}, trained from {f.forecast.trainedFrom}.{' '}
                {f.forecast.beatsSeasonalNaive
                  ? `It beat the seasonal naive forecast in the backtest (MASE ${f.forecast.chosenMase.toFixed(3)} against ${f.forecast.seasonalNaiveMase.toFixed(3)}).`
                  : 'No model beat the seasonal naive forecast in the backtest: the seasonal naive forecast is given.'}{' '}
                {f.forecast.total ? (
                  <>
                    Next 12 months: <strong>{Math.round(f.forecast.total.mean).toLocaleString('en-GB')}</strong>, 80%
                    likely between {Math.round(f.forecast.total.lo80).toLocaleString('en-GB')} and{' '}
                    {Math.round(f.forecast.total.hi80).toLocaleString('en-GB')}, 95% between{' '}
                    {Math.round(f.forecast.total.lo95).toLocaleString('en-GB')} and{' '}
                    {Math.round(f.forecast.total.hi95).toLocaleString('en-GB')} (from{' '}
                    {f.forecast.total.paths.toLocaleString('en-GB')} simulated years of the model).
                  </>
                ) : (
                  <>
                    Next 12 months:{' '}
                    {Math.round(f.forecast.rows.reduce((a, x) => a + x.mean, 0)).toLocaleString('en-GB')}.
                  </>
                )}
              </p>
              <section aria-labelledby="h-forecast">
                <h2 id="h-forecast">Recorded and forecast, with 80% and 95% intervals</h2>
                <Chart
                  title={`Forecast of ${f.series}, with 80% and 95% prediction intervals`}
                  option={forecastBandChart(f.history, f.forecast.rows, UNITS[series])}
                  fileName="forecast"
                  rows={f.forecast.rows}
                  columns={[
                    { header: 'Month', value: (x) => x.period },
                    { header: 'Forecast', value: (x) => Math.round(x.mean), numeric: true },
                    { header: '80% from', value: (x) => Math.round(x.lo80), numeric: true },
                    { header: '80% to', value: (x) => Math.round(x.hi80), numeric: true },
                    { header: '95% from', value: (x) => Math.round(x.lo95), numeric: true },
                    { header: '95% to', value: (x) => Math.round(x.hi95), numeric: true },
                  ]}
                />
              </section>
              <DataTable
                caption="Backtest: each model's forecasts of months it had not seen (MASE below 1 beats last year's same month on average; coverage should be near 80% and 95%)"
                rows={f.forecast.candidates}
                columns={[
                  { header: 'Method', value: (c) => c.method },
                  { header: 'Model', value: (c) => c.model },
                  { header: 'MASE', value: (c) => (c.mase === null ? null : c.mase.toFixed(3)), numeric: true },
                  {
                    header: '80% coverage',
                    value: (c) => (c.coverage80 === null ? null : pc(c.coverage80)),
                    numeric: true,
                  },
                  {
                    header: '95% coverage',
                    value: (c) => (c.coverage95 === null ? null : pc(c.coverage95)),
                    numeric: true,
                  },
                  { header: 'Forecasts scored', value: (c) => c.points, numeric: true },
                  { header: 'Note', value: (c) => c.note },
                ]}
              />
              {f.notes.length > 0 && <p className="method">{f.notes.join('; ')}.</p>}
            </>
          )
        }
      </Held>
    </>
  );
}
