/**
 * Demand (issue 17): a force's incidents between two days by hour and weekday, type, grade,
 * outcome and closing code, area x grade, time spent where the export records it, and the change
 * on the same dates a year earlier tested as crime is; its missing people (repeats, risk, age,
 * address type, care homes ranked); and the forecast of a monthly series (recorded crime of a
 * force, CSP or district, incidents, missing episodes) with 80% and 95% intervals, always beside
 * the backtest that chose the model, or the reason it was refused. Incidents and missing
 * episodes are the force's own data: the server answers its users, its alliance's and OPCC's,
 * and its CSPs' users for their own CSP only; it says what to import when nothing is held.
 */
import { useState, type ReactNode } from 'react';
import { DateField } from '../../components/DateField';
import { hourWeekHeatMap } from '../../../charts/demand.js';
import { rankedBarChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { ErrorNote, Loading } from '../../components/Status';
import { useApi, type Loaded } from '../../use-api';
import { AnalysisFrame } from './AnalysisFrame';
import { dayText, monthText } from '../../dates';
import { DEMAND_CLASS_LABELS, GRADE_LABELS } from '../../../domain/demand/vocabulary.js';
import { TREND_WORDS, pValue, signedPercent } from '../assessment/format';

/** "Road traffic", not "road-traffic"; a key the vocabulary does not know is shown as it is. */
export const className = (key: string) => (DEMAND_CLASS_LABELS as Record<string, string>)[key] ?? key;
const gradeName = (key: string) => (GRADE_LABELS as Record<string, string>)[key] ?? key;
import type { AnalysisScope, DemandProfileAnswer, MissingAnswer, DemandSpread } from '../../../api/index.js';

const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  arrest: 'Arrest',
  'crime-report': 'Crime report',
  'no-further-action': 'No further action',
  cancelled: 'Cancelled',
  duplicate: 'Duplicate',
  other: 'Other',
  unknown: 'Not recorded',
};
const RISK_LABELS: Readonly<Record<string, string>> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  'no-apparent-risk': 'No apparent risk',
  unknown: 'Not recorded',
};
const ADDRESS_LABELS: Readonly<Record<string, string>> = {
  'care-home': 'Care home',
  home: 'Home address',
  'foster-care': 'Foster care',
  hospital: 'Hospital',
  'supported-accommodation': 'Supported accommodation',
  other: 'Other',
  unknown: 'Not recorded',
};
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const label = (labels: Readonly<Record<string, string>>, key: string) => labels[key] ?? key;
const minutes = (x: number | null) => (x === null ? null : Number(x.toFixed(0)));

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const pc = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '');
export const f1 = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(1)));
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The loaded answer; "nothing held" (the server's 404, which says what to import) as an empty state. */
export function Held<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
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

export function ForcePicker({
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

export const homeForce = (scope: AnalysisScope) => scope.home.forces[0] ?? scope.forces[0]?.slug ?? '';
export const forceName = (scope: AnalysisScope, slug: string) =>
  scope.forces.find((f) => f.slug === slug)?.name ?? slug;

export function DemandPage() {
  return (
    <AnalysisFrame
      title="Demand"
      lede="Incidents (calls for service) by hour and weekday, type, grade, outcome and area, the share that is not crime, time spent and the change on last year: the force's own data."
    >
      {(scope) => <Demand scope={scope} />}
    </AnalysisFrame>
  );
}

/** The CSP a CSP's users are limited to (the server refuses them the rest of the force). */
export const ownCsp = (scope: AnalysisScope) => scope.home.csp ?? undefined;

function DayRange({ from, to, onChange }: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Days">
      <DateField label="From" value={from} onChange={(iso) => onChange(iso, to)} />{' '}
      <DateField label="To" value={to} onChange={(iso) => onChange(from, iso)} />{' '}
      {(from || to) && (
        <button type="button" onClick={() => onChange('', '')}>
          All days held
        </button>
      )}
    </form>
  );
}

const spreadText = (s: DemandSpread) =>
  s.incidents === 0 || s.median === null
    ? 'not recorded'
    : `median ${minutes(s.median)} minutes, 90% within ${minutes(s.p90)} (${s.incidents.toLocaleString('en-GB')} incidents)`;

function Demand({ scope }: { scope: AnalysisScope }) {
  const [force, setForce] = useState(homeForce(scope));
  const [days, setDays] = useState({ from: '', to: '' });
  const csp = ownCsp(scope);
  // A day range is asked for only once both ends are whole days in order (a half-typed date waits).
  const range = days.from && days.to && days.from <= days.to ? days : { from: '', to: '' };
  const r = useApi<DemandProfileAnswer>(
    `/analysis/demand-profile${qs({ force, csp, from: range.from || undefined, to: range.to || undefined })}`,
  );
  const name = forceName(scope, force) + (csp ? `, ${csp}` : '');
  return (
    <>
      <ForcePicker scope={scope} force={force} onChange={setForce} />
      <DayRange from={days.from} to={days.to} onChange={(from, to) => setDays({ from, to })} />
      {days.from && days.to && days.from > days.to && <p className="method">The first day is after the last.</p>}
      <Held loaded={r}>
        {(p) => {
          const cells = p.hourWeek.flatMap((row, d) =>
            row.map((v, h) => ({ weekday: WEEKDAYS[d]!, hour: hh(h), perDay: f1(v) })),
          );
          const partial = p.coverage.filter((c) => !c.complete);
          const t = p.timeSpent;
          const timed = t.officerIncidents > 0 || t.response.incidents > 0 || t.duration.incidents > 0;
          const areaRows = p.areaByGrade.rows.map((area, i) => ({
            area,
            counts: p.areaByGrade.counts[i]!,
            total: p.areaByGrade.rowTotals[i]!,
          }));
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
              <section aria-labelledby="h-demand-change">
                <h2 id="h-demand-change">Change on last year</h2>
                {p.change === null ? (
                  <p className="empty">No comparison: {p.changeUnavailable}.</p>
                ) : (
                  <DataTable
                    caption={`Incidents by type, ${dayText(p.change.current.from)} to ${dayText(p.change.current.to)} (${p.change.current.days} days) against ${dayText(p.change.previous.from)} to ${dayText(p.change.previous.to)} (${p.change.previous.days} days), ${name}`}
                    rows={p.change.rows}
                    columns={[
                      { header: 'Type', value: (c) => className(c.key) },
                      { header: 'This period', value: (c) => c.current, numeric: true },
                      { header: 'A year earlier', value: (c) => c.previous, numeric: true },
                      { header: 'Change', value: (c) => signedPercent(c.percentChange), numeric: true },
                      { header: 'p', value: (c) => pValue(c.pValue), numeric: true },
                      { header: 'q (false discovery rate)', value: (c) => pValue(c.qValue), numeric: true },
                      {
                        header: 'Reading',
                        value: (c) => TREND_WORDS[c.flag as keyof typeof TREND_WORDS] ?? c.flag,
                      },
                    ]}
                  />
                )}
                <p className="method">
                  As for crime: daily rates compared by the Poisson E-test (so periods of different lengths compare
                  fairly), q-values by Benjamini-Hochberg across the types, significant at a false discovery rate of 5%;
                  within 5% reads as similar.
                </p>
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
              <DataTable
                caption={`Incidents by outcome, ${name}`}
                rows={p.byOutcome}
                columns={[
                  { header: 'Outcome', value: (c) => label(OUTCOME_LABELS, c.key) },
                  { header: 'Incidents', value: (c) => c.count, numeric: true },
                  { header: 'Share', value: (c) => pc(c.share), numeric: true },
                  { header: 'A day', value: (c) => f1(c.perDay), numeric: true },
                ]}
              />
              <DataTable
                caption={`Closing codes, the ${p.byClosingCode.length} commonest, ${name}`}
                empty="The export records no closing codes."
                rows={p.byClosingCode}
                columns={[
                  { header: 'Closing code', value: (c) => c.key },
                  { header: 'Incidents', value: (c) => c.count, numeric: true },
                  { header: 'Share', value: (c) => pc(c.share), numeric: true },
                  { header: 'A day', value: (c) => f1(c.perDay), numeric: true },
                ]}
              />
              <DataTable
                caption={`Incidents by area and grade, the ${areaRows.length} busiest areas, ${name}`}
                rows={areaRows}
                columns={[
                  { header: 'Area', value: (a) => a.area },
                  ...p.areaByGrade.columns.map((g, k) => ({
                    header: gradeName(g),
                    value: (a: (typeof areaRows)[number]) => a.counts[k]!,
                    numeric: true,
                  })),
                  { header: 'All grades', value: (a) => a.total, numeric: true },
                ]}
              />
              <section aria-labelledby="h-demand-time">
                <h2 id="h-demand-time">Time spent</h2>
                {timed ? (
                  <>
                    <p className="summary">
                      Officer time:{' '}
                      {t.officerIncidents > 0
                        ? `${Math.round(t.officerHours).toLocaleString('en-GB')} hours on ${t.officerIncidents.toLocaleString('en-GB')} incidents`
                        : 'not recorded'}
                      . Response (opened to arrival): {spreadText(t.response)}. Duration (opened to closed):{' '}
                      {spreadText(t.duration)}.
                    </p>
                    {t.responseByGrade.length > 0 && (
                      <DataTable
                        caption={`Response minutes by grade, ${name}`}
                        rows={t.responseByGrade}
                        columns={[
                          { header: 'Grade', value: (g) => gradeName(g.grade) },
                          { header: 'Incidents timed', value: (g) => g.incidents, numeric: true },
                          { header: 'Median minutes', value: (g) => minutes(g.median), numeric: true },
                          { header: '90th percentile', value: (g) => minutes(g.p90), numeric: true },
                        ]}
                      />
                    )}
                    {t.officerByClass.length > 0 && (
                      <DataTable
                        caption={`Officer hours by type, ${name}`}
                        rows={t.officerByClass}
                        columns={[
                          { header: 'Type', value: (c) => className(c.demandClass) },
                          { header: 'Hours', value: (c) => Math.round(c.hours), numeric: true },
                          { header: 'Share of hours', value: (c) => pc(c.shareOfHours), numeric: true },
                        ]}
                      />
                    )}
                  </>
                ) : (
                  <p className="empty">
                    This export records no officer time, arrival or closing time, so time spent cannot be shown.
                  </p>
                )}
              </section>
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
  const csp = ownCsp(scope);
  const r = useApi<MissingAnswer>(`/analysis/missing${qs({ force, csp })}`);
  const name = forceName(scope, force) + (csp ? `, ${csp}` : '');
  const shareColumns = (header: string, labels: Readonly<Record<string, string>>) => [
    { header, value: (x: { key: string }) => label(labels, x.key) },
    { header: 'Episodes', value: (x: { episodes: number }) => x.episodes, numeric: true },
    { header: 'Share', value: (x: { share: number }) => pc(x.share), numeric: true },
  ];
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
              {m.hoursMissing.median !== null && (
                <>
                  {' '}
                  Time missing: median {f1(m.hoursMissing.median)} hours, 90% found within {f1(m.hoursMissing.p90)}{' '}
                  hours.
                </>
              )}
            </p>
            <div>
              <DataTable
                caption={`Episodes by risk grade, ${name}`}
                rows={m.byRisk}
                columns={shareColumns('Risk', RISK_LABELS)}
              />
              <DataTable
                caption={`Episodes by age band, ${name}`}
                rows={m.byAge}
                columns={shareColumns('Age band', { unknown: 'Not recorded' })}
              />
              <DataTable
                caption={`Episodes by the type of address gone missing from, ${name}`}
                rows={m.byAddressType}
                columns={shareColumns('Address type', ADDRESS_LABELS)}
              />
            </div>
            <DataTable
              caption={`Time missing, episodes that ended, ${name}`}
              rows={m.hoursMissing.bands}
              columns={[
                { header: 'Missing for', value: (b) => b.band },
                { header: 'Episodes', value: (b) => b.episodes, numeric: true },
              ]}
            />
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
