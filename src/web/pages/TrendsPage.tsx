/**
 * The trends and harm explorer: pick a level and area, crime types and a year; see the monthly
 * series with control limits, the change-vs-share snapshot and harm beside volume, each with the
 * table behind it and downloads.
 */
import { monthText } from '../dates';
import { useMemo, useState } from 'react';
import { seriesChart } from '../../charts/series.js';
import { snapshotChart } from '../../charts/snapshot.js';
import { harmVolumeChart } from '../../charts/harm-volume.js';
import { qs } from '../api';
import { Chart } from '../components/Chart';
import { Await } from '../components/Status';
import { useApi } from '../use-api';
import { AreaFilters, choiceQuery, placeName, useAreaChoice } from '../components/AreaFilters';
import { monthRuns } from './data/Coverage';
import type {
  AnalysisScope,
  HarmBreakdown,
  MissingMonths,
  Series,
  Snapshot,
  WarehouseSummary,
} from '../../api/index.js';

const pct = (x: number | null, digits = 1) => (x === null ? null : `${(x * 100).toFixed(digits)}%`);
/** The latest month every chosen force has reached (all forces when none is chosen). */
function latestOf(scope: AnalysisScope, forces: readonly string[]): string | undefined {
  const lasts = scope.forces
    .filter((f) => f.last !== null && (forces.length === 0 || forces.includes(f.slug)))
    .map((f) => f.last as string)
    .sort();
  return lasts[0];
}

const fyOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return m === 3 ? `${start}/${String(start + 1).slice(2)}` : `${start - 1}/${String(start).slice(2)}`;
};

export function TrendsPage() {
  const summary = useApi<WarehouseSummary>('/trends/warehouse');
  const scope = useApi<AnalysisScope>('/trends/scope');
  return (
    <main id="main">
      <h1>Trends and harm</h1>
      <Await loaded={summary}>
        {(s) =>
          s.latestMonth === null ? (
            <p>No crime data is loaded yet: import police.uk files on the Data page.</p>
          ) : (
            <Await loaded={scope}>{(sc) => <Explorer summary={s} scope={sc} />}</Await>
          )
        }
      </Await>
    </main>
  );
}

/** "Staffordshire Police has no data for 2017-04 to 2018-02": why months or figures are blank. */
export function MissingNote({ missing, scope }: { missing: MissingMonths | undefined; scope: AnalysisScope }) {
  if (missing === undefined || missing.length === 0) return null;
  const byForce = new Map<string, string[]>();
  for (const m of missing) byForce.set(m.force, [...(byForce.get(m.force) ?? []), m.month]);
  const name = (slug: string) => scope.forces.find((f) => f.slug === slug)?.name ?? slug;
  return (
    <p className="notice" role="note">
      Left blank where a force has no data (missing, not zero):{' '}
      {[...byForce]
        .map(([f, months]) => `${name(f)}: ${monthRuns(months).replace(/\d{4}-\d{2}/g, (m) => monthText(m))}`)
        .join('; ')}
      .{byForce.size > 1 && ' A figure over several forces needs the month from every one of them.'}
    </p>
  );
}

function Explorer({ summary, scope }: { summary: WarehouseSummary; scope: AnalysisScope }) {
  const [choice, setChoice] = useAreaChoice(scope);
  const [category, setCategory] = useState('');
  const latest = latestOf(scope, choice.forces) ?? summary.latestMonth ?? '2018-03';
  const [pickedYear, setYear] = useState<string | undefined>(undefined);
  const years = useMemo(() => {
    const last = Number(fyOf(latest).slice(0, 4));
    return [0, 1, 2, 3].map((k) => `${last - k}/${String(last - k + 1).slice(2)}`);
  }, [latest]);
  const year = pickedYear !== undefined && years.includes(pickedYear) ? pickedYear : years[0]!;
  const where = choiceQuery(choice);
  const series = useApi<Series>(`/trends/series${qs({ ...where, category })}`);
  const snapshot = useApi<Snapshot>(`/trends/snapshot${qs({ ...where, kind: 'financial-year', at: year })}`);
  const harm = useApi<HarmBreakdown>(
    `/trends/harm${qs({ by: 'category', ...where, kind: 'financial-year', at: year })}`,
  );
  const name = (slug: string) => summary.categories.find((c) => c.slug === slug)?.name ?? slug;
  const place = placeName(choice, scope);
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AreaFilters scope={scope} choice={choice} onChange={setChoice} />
        <label>
          Crime type (series)
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All crime</option>
            {summary.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Financial year
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
      </form>
      <section aria-labelledby="h-series">
        <h2 id="h-series">
          Monthly series, {category === '' ? 'all crime' : name(category)}, {place}
        </h2>
        <Await loaded={series}>
          {(s) => (
            <>
              <Chart
                title={`Recorded ${category === '' ? 'crime' : name(category)} by month, ${place}`}
                option={seriesChart(
                  s.points.map((p) => ({ ...p, month: monthText(p.month) })),
                  '',
                )}
                fileName="series"
                help={['control-limits', 'coverage']}
                rows={s.points}
                columns={[
                  { header: 'Month', value: (p) => monthText(p.month) },
                  { header: 'Recorded', value: (p) => p.count, numeric: true },
                  {
                    header: 'Expected',
                    value: (p) => (p.expected === null ? null : Math.round(p.expected)),
                    numeric: true,
                  },
                  {
                    header: 'Lower limit',
                    value: (p) => (p.lower === null ? null : Math.round(p.lower)),
                    numeric: true,
                  },
                  {
                    header: 'Upper limit',
                    value: (p) => (p.upper === null ? null : Math.round(p.upper)),
                    numeric: true,
                  },
                  { header: 'Flag', value: (p) => p.flag },
                ]}
              />
              <p className="method">{'method' in s ? s.method : s.note}</p>
              <MissingNote missing={'missing' in s ? s.missing : undefined} scope={scope} />
            </>
          )}
        </Await>
      </section>
      <section aria-labelledby="h-snapshot">
        <h2 id="h-snapshot">
          Performance snapshot {year}, {place}
        </h2>
        <Await loaded={snapshot}>
          {(s) => (
            <Chart
              title={`Change on last year against share of all crime, ${s.period}, ${place}`}
              fileName="snapshot"
              help={['e-test', 'q-value', 'cchi']}
              rows={s.rows}
              option={snapshotChart(
                s.rows.map((r) => ({ ...r, label: name(r.category), report: r.reportBecause.length > 0 })),
                '',
              )}
              columns={[
                { header: 'Crime type', value: (r) => name(r.category) },
                { header: s.period, value: (r) => r.count, numeric: true },
                { header: s.lastYear, value: (r) => r.lastYear, numeric: true },
                {
                  header: 'Change',
                  value: (r) => (r.percentChange === null ? null : `${r.percentChange.toFixed(1)}%`),
                  numeric: true,
                },
                {
                  header: 'q-value',
                  value: (r) => (r.qValue === null ? null : r.qValue < 0.0001 ? '<0.0001' : r.qValue.toFixed(4)),
                  numeric: true,
                },
                { header: 'Trend', value: (r) => r.flag },
                { header: 'Share of crime', value: (r) => pct(r.share), numeric: true },
                { header: 'Share of harm', value: (r) => pct(r.harmShare), numeric: true },
                { header: 'Report because', value: (r) => r.reportBecause.join('; ') },
              ]}
            />
          )}
        </Await>
        <Await loaded={snapshot}>{(s) => <MissingNote missing={s.missing} scope={scope} />}</Await>
      </section>
      <section aria-labelledby="h-harm">
        <h2 id="h-harm">
          Harm beside volume {year}, {place}
        </h2>
        <Await loaded={harm}>
          {(h) => (
            <>
              <Chart
                title={`Share of crimes and share of harm by crime type, ${year}, ${place}`}
                fileName="harm-volume"
                help={['cchi']}
                rows={h.ranking}
                height={480}
                option={harmVolumeChart(
                  h.ranking
                    .filter((r) => r.harmShare !== null)
                    .map((r) => ({ label: name(r.key), volumeShare: r.volumeShare ?? 0, harmShare: r.harmShare ?? 0 })),
                  '',
                )}
                columns={[
                  { header: 'Crime type', value: (r) => name(r.key) },
                  { header: 'Crimes', value: (r) => r.volume, numeric: true },
                  { header: 'Volume rank', value: (r) => r.volumeRank, numeric: true },
                  {
                    header: `Harm (${h.unit})`,
                    value: (r) => (r.harm === null ? null : Math.round(r.harm)),
                    numeric: true,
                  },
                  { header: 'Harm rank', value: (r) => r.harmRank, numeric: true },
                  { header: 'Share of crimes', value: (r) => pct(r.volumeShare), numeric: true },
                  { header: 'Share of harm', value: (r) => pct(r.harmShare), numeric: true },
                ]}
              />
              <p className="method">{h.note}</p>
              <MissingNote missing={h.missing} scope={scope} />
            </>
          )}
        </Await>
      </section>
    </>
  );
}
