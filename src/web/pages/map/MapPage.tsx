/**
 * The map: crime or harm by CSP, district or LSOA as a choropleth, with the trends page's filters
 * (force, crime type, financial year). Boundaries are ONS polygons shipped with OpenSTRA (no
 * network tiles); the table behind the map has every area's figures.
 */
import { useMemo, useState } from 'react';
import { choroplethChart } from '../../../charts/choropleth.js';
import { qs } from '../../api';
import { AreaFilters, choiceQuery, placeName, useAreaChoice } from '../../components/AreaFilters';
import { Chart } from '../../components/Chart';
import { echarts } from '../../components/chart-files';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { MissingNote } from '../TrendsPage';
import { forceName } from '../data/format';
import { AnalysisFrame, latestFor } from '../analysis/AnalysisFrame';
import type { AnalysisScope, Boundaries, MapLevel, MapValues, WarehouseSummary } from '../../../api/index.js';

const LEVELS: Record<MapLevel, string> = { csp: 'Community safety partnership', district: 'District', lsoa: 'LSOA' };
const levelWords = (l: MapLevel) => (l === 'lsoa' ? 'LSOA' : LEVELS[l].toLowerCase());

export function MapPage() {
  return (
    <AnalysisFrame
      title="Map of crime and harm"
      lede="Each area shaded by its recorded crimes or their harm in the financial year. ONS boundaries, drawn offline. Drag to move, scroll to zoom."
    >
      {(scope) => <CrimeMap scope={scope} />}
    </AnalysisFrame>
  );
}

const fyOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = m >= 4 ? y : y - 1;
  return m === 3 ? `${start}/${String(start + 1).slice(2)}` : `${start - 1}/${String(start).slice(2)}`;
};

function CrimeMap({ scope }: { scope: AnalysisScope }) {
  const summary = useApi<WarehouseSummary>('/trends/warehouse');
  const [choice, setChoice] = useAreaChoice(scope);
  const [level, setLevel] = useState<MapLevel>('csp');
  const [category, setCategory] = useState('');
  const [measure, setMeasure] = useState<'crimes' | 'harm'>('crimes');
  const latest = latestFor(scope, choice.forces) ?? '2018-03';
  const years = useMemo(() => {
    const last = Number(fyOf(latest).slice(0, 4));
    return [0, 1, 2].map((k) => `${last - k}/${String(last - k + 1).slice(2)}`);
  }, [latest]);
  const [picked, setYear] = useState<string | undefined>(undefined);
  const year = picked !== undefined && years.includes(picked) ? picked : years[0]!;
  const force = choiceQuery(choice).force;
  const shapes = useApi<Boundaries>(`/map/boundaries${qs({ level, force })}`);
  const values = useApi<MapValues>(`/map/values${qs({ level, force, category, at: year })}`);
  const place = placeName(choice, scope);
  const what =
    category === '' ? 'all crime' : (summary.data?.categories.find((c) => c.slug === category)?.name ?? category);
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AreaFilters scope={scope} choice={choice} onChange={setChoice} forceOnly />
        <label>
          Areas
          <select value={level} onChange={(e) => setLevel(e.target.value as MapLevel)}>
            {Object.entries(LEVELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Crime type
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">All crime</option>
            {(summary.data?.categories ?? []).map((c) => (
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
        <label>
          Shade by
          <select value={measure} onChange={(e) => setMeasure(e.target.value as 'crimes' | 'harm')}>
            <option value="crimes">Recorded crimes</option>
            <option value="harm">Harm (Cambridge Crime Harm Index)</option>
          </select>
        </label>
      </form>
      <section aria-labelledby="h-map">
        <h2 id="h-map">
          {measure === 'crimes' ? 'Recorded crimes' : 'Harm'}, {what}, by {levelWords(level)}, {year}, {place}
        </h2>
        <Await loaded={shapes}>
          {(b) => (
            <Await loaded={values}>
              {(v) => (
                <MapFigure
                  b={b}
                  v={v}
                  level={level}
                  measure={measure}
                  title={`${what}, ${v.period}, ${place}`}
                  scope={scope}
                />
              )}
            </Await>
          )}
        </Await>
      </section>
    </>
  );
}

function MapFigure({
  b,
  v,
  level,
  measure,
  title,
  scope,
}: {
  b: Boundaries;
  v: MapValues;
  level: MapLevel;
  measure: 'crimes' | 'harm';
  title: string;
  scope: AnalysisScope;
}) {
  const name = `stra-${level}-${b.features.length}-${b.features[0]?.properties.code ?? ''}`;
  // Registered on each render before the chart sets its option; ECharts keeps the last one per name.
  echarts.registerMap(name, b as unknown as Parameters<typeof echarts.registerMap>[1]);
  const figure = measure === 'crimes' ? 'crimes' : v.unit;
  const rows = [...v.values].sort((a, z) => z[measure] - a[measure]);
  const drawn = new Set(b.features.map((f) => (level === 'lsoa' ? f.properties.code : f.properties.name)));
  const lsoaName = new Map(b.features.map((f) => [f.properties.code, f.properties.name]));
  if (b.features.length === 0)
    return (
      <p className="notice">
        No {LEVELS[level]} boundaries ship for {b.without.map(forceName).join(', ') || 'these forces'}: choose CSPs or
        districts (LSOA boundaries ship for Warwickshire, West Mercia, Staffordshire and Gloucestershire).
      </p>
    );
  return (
    <>
      <Chart
        title={`Map: ${figure} by ${levelWords(level)}, ${title}`}
        option={choroplethChart(
          name,
          v.values.map((x) => ({ name: x.area, value: x[measure] })),
          figure,
          { nameProperty: level === 'lsoa' ? 'code' : 'name', labels: level !== 'lsoa' && b.features.length <= 20 },
        )}
        height={620}
        fileName={`map-${level}`}
        help={measure === 'harm' ? ['cchi', 'elsewhere'] : ['elsewhere', 'coverage']}
        rows={rows}
        columns={[
          { header: LEVELS[level], value: (x) => x.area },
          ...(level === 'lsoa'
            ? [{ header: 'LSOA name', value: (x: (typeof rows)[number]) => lsoaName.get(x.area) ?? '' }]
            : []),
          { header: 'Force', value: (x) => forceName(x.force) },
          { header: 'Crimes', value: (x) => x.crimes, numeric: true },
          { header: `Harm (${v.unit})`, value: (x) => Math.round(x.harm), numeric: true },
          { header: 'On the map', value: (x) => (drawn.has(x.area) ? 'yes' : 'no boundary') },
        ]}
      />
      {b.without.length > 0 && (
        <p className="notice">
          No LSOA boundaries ship for {b.without.map(forceName).join(', ')}: their LSOAs are in the table only.
        </p>
      )}
      <p className="method">
        {v.note} Crimes police.uk placed in another force&apos;s area are left off the map (&quot;elsewhere&quot;).
        Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains National
        Statistics data © Crown copyright and database right 2011–2022. Contains OS data © Crown copyright and database
        right 2011–2022.
      </p>
      <MissingNote missing={v.missing} scope={scope} />
    </>
  );
}
