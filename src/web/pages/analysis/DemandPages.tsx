/**
 * Demand (issue 17): a force's incidents by hour and weekday with their types and the share that
 * is not crime; its missing people (repeats, care homes ranked); and the forecast of a monthly
 * crime series with 80% and 95% intervals beside the backtest that chose the model. Incidents
 * and missing episodes are the force's own data: the server answers only its users and its
 * alliance's, and says what to import when nothing is held.
 */
import { useState, type ReactNode } from 'react';
import { forecastBandChart, hourWeekHeatMap } from '../../../charts/demand.js';
import { rankedBarChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { ErrorNote, Loading } from '../../components/Status';
import { useApi, type Loaded } from '../../use-api';
import { AnalysisFrame } from './AnalysisFrame';
import { dayText, monthText } from '../../dates';
import { DEMAND_CLASS_LABELS, GRADE_LABELS } from '../../../domain/demand/vocabulary.js';

/** "Road traffic", not "road-traffic"; a key the vocabulary does not know is shown as it is. */
const className = (key: string) => (DEMAND_CLASS_LABELS as Record<string, string>)[key] ?? key;
const gradeName = (key: string) => (GRADE_LABELS as Record<string, string>)[key] ?? key;
import { CATEGORY_NAMES, CATEGORY_SLUGS } from '../../../domain/crime/categories.js';
import type { AnalysisScope, DemandProfileAnswer, ForecastAnswer, MissingAnswer } from '../../../api/index.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pc = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '');
const f1 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(1)));
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The loaded answer; "nothing held" (the server's 404, which says what to import) as an empty state. */
function Held<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error !== undefined)
    return /^No .* (is|are) held/.test(loaded.error) ? (
      <p className="empty">{loaded.error}</p>
    ) : (
      <ErrorNote message={loaded.error} />
    );
  if (loaded.data === undefined) return <Loading />;
  return (
    <div className={loaded.loading ? 'updating' : 'await'} aria-busy={loaded.loading}>
      {children(loaded.data)}
    </div>
  );
}

function ForcePicker({
  scope,
  force,
  onChange,
}: {
  scope: AnalysisScope;
  force: string;
  onChange: (f: string) => void;
}) {
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
      <label>
        Force{' '}
        <select value={force} onChange={(e) => onChange(e.target.value)}>
          {scope.forces.map((f) => (
            <option key={f.slug} value={f.slug}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

const homeForce = (scope: AnalysisScope) => scope.home.forces[0] ?? scope.forces[0]?.slug ?? '';
const forceName = (scope: AnalysisScope, slug: string) => scope.forces.find((f) => f.slug === slug)?.name ?? slug;

export function DemandPage() {
  return (
    <AnalysisFrame
      title="Demand"
      lede="Incidents (calls for service) by hour and weekday, by type, and the share that is not crime: the force's own data."
    >
      {(scope) => <Demand scope={scope} />}
    </AnalysisFrame>
  );
}

function Demand({ scope }: { scope: AnalysisScope }) {
  const [force, setForce] = useState(homeForce(scope));
  const r = useApi<DemandProfileAnswer>(`/analysis/demand-profile${qs({ force })}`);
  const name = forceName(scope, force);
  return (
    <>
      <ForcePicker scope={scope} force={force} onChange={setForce} />
      <Held loaded={r}>
        {(p) => {
          const cells = p.hourWeek.flatMap((row, d) =>
            row.map((v, h) => ({ weekday: WEEKDAYS[d]!, hour: hh(h), perDay: f1(v) })),
          );
          const partial = p.coverage.filter((c) => !c.complete);
          return (
            <>
              <p className="summary">
                {p.incidents.toLocaleString('en-GB')} incidents of {name} from {dayText(p.from)} to {dayText(p.to)}, on{' '}
                {p.days} covered days: {(p.incidents / p.days).toFixed(1)} a day. Not crime:{' '}
                <strong>{pc(p.nonCrime.share)}</strong> ({p.nonCrime.notCrime.toLocaleString('en-GB')} of{' '}
                {p.nonCrime.total.toLocaleString('en-GB')}).
                {p.peak && (
                  <>
                    {' '}
                    Busiest: {WEEKDAYS[p.peak.weekday]} {hh(p.peak.hour)}, {p.peak.perDay.toFixed(1)} a day.
                  </>
                )}
              </p>
              {partial.length > 0 && (
                <p className="method">
                  Partial months:{' '}
                  {partial.map((c) => `${monthText(c.month)} (${c.daysWithData} of ${c.daysInMonth} days)`).join(', ')};
                  averages are per covered day.
                </p>
              )}
              <section aria-labelledby="h-demand-heat">
                <h2 id="h-demand-heat">Incidents a day by hour and weekday</h2>
                <Chart
                  title={`Incidents a day by hour and weekday, ${name}, ${dayText(p.from)} to ${dayText(p.to)}`}
                  option={hourWeekHeatMap(p.hourWeek)}
                  height={340}
                  fileName="demand-hour-weekday"
                  rows={cells}
                  columns={[
                    { header: 'Weekday', value: (c) => c.weekday },
                    { header: 'Hour', value: (c) => c.hour },
                    { header: 'Incidents a day', value: (c) => c.perDay, numeric: true },
                  ]}
                />
              </section>
              <section aria-labelledby="h-demand-class">
                <h2 id="h-demand-class">By type</h2>
                <Chart
                  title={`Incidents a day by type, ${name}`}
                  option={rankedBarChart(
                    p.byClass.map((c) => ({ label: className(c.key), value: c.perDay })),
                    'incidents a day',
                  )}
                  height={Math.max(240, p.byClass.length * 28 + 80)}
                  fileName="demand-by-type"
                  rows={p.byClass}
                  columns={[
                    { header: 'Type', value: (c) => className(c.key) },
                    { header: 'Incidents', value: (c) => c.count, numeric: true },
                    { header: 'Share', value: (c) => pc(c.share), numeric: true },
                    { header: 'A day', value: (c) => f1(c.perDay), numeric: true },
                  ]}
                />
              </section>
              {p.byGrade.length > 1 && (
                <DataTable
                  caption={`Incidents by grade, ${name}`}
                  rows={p.byGrade}
                  columns={[
                    { header: 'Grade', value: (c) => gradeName(c.key) },
                    { header: 'Incidents', value: (c) => c.count, numeric: true },
                    { header: 'Share', value: (c) => pc(c.share), numeric: true },
                    { header: 'A day', value: (c) => f1(c.perDay), numeric: true },
                  ]}
                />
              )}
            </>
          );
        }}
      </Held>
    </>
  );
}

export function MissingPage() {
  return (
    <AnalysisFrame
      title="Missing people"
      lede="Missing-person episodes: repeats, children looked after, and the places people go missing from, ranked for partners."
    >
      {(scope) => <Missing scope={scope} />}
    </AnalysisFrame>
  );
}

function Missing({ scope }: { scope: AnalysisScope }) {
  const [force, setForce] = useState(homeForce(scope));
  const r = useApi<MissingAnswer>(`/analysis/missing${qs({ force })}`);
  const name = forceName(scope, force);
  return (
    <>
      <ForcePicker scope={scope} force={force} onChange={setForce} />
      <Held loaded={r}>
        {(m) => (
          <>
            <p className="summary">
              {m.summary.episodes.toLocaleString('en-GB')} episodes of {m.summary.people.toLocaleString('en-GB')} people
              ({name}); {m.summary.childEpisodes.toLocaleString('en-GB')} of children,{' '}
              {m.summary.lookedAfterEpisodes.toLocaleString('en-GB')} of children looked after; high risk{' '}
              {pc(m.summary.highRiskShare)}; still missing {m.summary.stillMissing}. Repeats (
              {m.repeats.definition.episodes} or more episodes within {m.repeats.definition.withinDays} days):{' '}
              <strong>{m.repeats.people}</strong> {m.repeats.people === 1 ? 'person' : 'people'},{' '}
              {pc(m.repeats.shareOfEpisodes)} of episodes.
            </p>
            <DataTable
              caption={`Care homes people went missing from, most episodes first, ${name}`}
              empty="No episodes from a care home."
              rows={m.locations}
              columns={[
                { header: 'Place', value: (l) => l.location },
                { header: 'Area', value: (l) => l.area },
                { header: 'Episodes', value: (l) => l.episodes, numeric: true },
                { header: 'People', value: (l) => l.people, numeric: true },
                { header: 'Looked after', value: (l) => l.lookedAfterEpisodes, numeric: true },
                { header: 'High risk', value: (l) => l.highRiskEpisodes, numeric: true },
                { header: 'Repeat people', value: (l) => l.repeatPeople, numeric: true },
                { header: 'Median hours missing', value: (l) => f1(l.medianHoursMissing), numeric: true },
              ]}
            />
            <DataTable
              caption={`Episodes by month, ${name}`}
              rows={m.monthly}
              columns={[
                { header: 'Month', value: (x) => x.month },
                { header: 'Episodes', value: (x) => x.episodes, numeric: true },
              ]}
            />
          </>
        )}
      </Held>
    </>
  );
}

export function ForecastPage() {
  return (
    <AnalysisFrame
      title="Forecast"
      lede="Recorded crime 12 months ahead with 80% and 95% intervals, from the model that did best in a rolling-origin backtest."
    >
      {(scope) => <Forecast scope={scope} />}
    </AnalysisFrame>
  );
}

function Forecast({ scope }: { scope: AnalysisScope }) {
  const [force, setForce] = useState(homeForce(scope));
  const [category, setCategory] = useState('');
  const r = useApi<ForecastAnswer>(`/analysis/forecast${qs({ force, category: category || undefined })}`);
  return (
    <>
      <ForcePicker scope={scope} force={force} onChange={setForce} />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Crime category">
        <label>
          Category{' '}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">all crime</option>
            {CATEGORY_SLUGS.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_NAMES[c]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Held loaded={r}>
        {(f) =>
          f.forecast === null ? (
            <p className="empty">
              {f.series} ({f.start} onwards) cannot be forecast: {f.refused}
            </p>
          ) : (
            <>
              <p className="summary">
                {f.series}: model {f.forecast.model}, trained from {f.forecast.trainedFrom}.{' '}
                {f.forecast.beatsSeasonalNaive
                  ? `It beat the seasonal naive forecast in the backtest (MASE ${f.forecast.chosenMase.toFixed(3)} against ${f.forecast.seasonalNaiveMase.toFixed(3)}).`
                  : 'No model beat the seasonal naive forecast in the backtest: the seasonal naive forecast is given.'}{' '}
                Next 12 months: {Math.round(f.forecast.rows.reduce((a, x) => a + x.mean, 0)).toLocaleString('en-GB')}.
              </p>
              <section aria-labelledby="h-forecast">
                <h2 id="h-forecast">Recorded and forecast, with 80% and 95% intervals</h2>
                <Chart
                  title={`Forecast of ${f.series}, with 80% and 95% prediction intervals`}
                  option={forecastBandChart(f.history, f.forecast.rows, 'crimes a month')}
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
              {f.notes.length > 0 && <p className="method">{f.notes.join(' ')}</p>}
            </>
          )
        }
      </Held>
    </>
  );
}
