/** The share of harm in the most harmed 5% and 10% of a force's LSOAs, with the concentration curve. */
import { monthText } from '../../dates';
import { concentrationChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { AreaFilters, choiceQuery, placeName, useAreaChoice } from '../../components/AreaFilters';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { MissingNote } from '../TrendsPage';
import { AnalysisFrame } from './AnalysisFrame';
import type { AnalysisScope, ConcentrationAnswer } from '../../../api/index.js';

const pct = (x: number | null) => (x === null ? null : `${(x * 100).toFixed(1)}%`);

export function ConcentrationPage() {
  return (
    <AnalysisFrame
      title="Harm concentration"
      lede="How much of the harm falls in a few places: the share of all harm in the most harmed LSOAs, over the last twelve months."
    >
      {(scope) => <Concentration scope={scope} />}
    </AnalysisFrame>
  );
}

function Concentration({ scope }: { scope: AnalysisScope }) {
  const [choice, setChoice] = useAreaChoice(scope);
  const r = useApi<ConcentrationAnswer>(`/analysis/concentration${qs({ force: choiceQuery(choice).force })}`);
  const place = placeName(choice, scope);
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AreaFilters scope={scope} choice={choice} onChange={setChoice} forceOnly />
      </form>
      <section aria-labelledby="h-concentration">
        <h2 id="h-concentration">Harm in the most harmed LSOAs, {place}</h2>
        <Await loaded={r}>
          {(c) => (
            <>
              <p className="headline">
                {c.tiers.map((t) => (
                  <span key={t.fraction}>
                    The most harmed {Math.round(t.fraction * 100)}% of LSOAs ({t.areas.toLocaleString('en-GB')} of{' '}
                    {c.areaCount.toLocaleString('en-GB')}) hold <strong>{pct(t.share)}</strong> of the harm.{' '}
                  </span>
                ))}
              </p>
              <Chart
                title={`Concentration curve: % of harm against % of LSOAs, ${monthText(c.from)} to ${monthText(c.to)}, ${place}`}
                option={concentrationChart(c.curve)}
                fileName="harm-concentration"
                help={['harm-concentration', 'cchi']}
                rows={c.tiers}
                columns={[
                  { header: 'Most harmed share of LSOAs', value: (t) => `${Math.round(t.fraction * 100)}%` },
                  { header: 'LSOAs', value: (t) => t.areas, numeric: true },
                  { header: `Harm (${c.unit})`, value: (t) => Math.round(t.harm), numeric: true },
                  { header: 'Share of all harm', value: (t) => pct(t.share), numeric: true },
                ]}
              />
              <DataTable
                caption={`The 20 most harmed LSOAs, ${monthText(c.from)} to ${monthText(c.to)} (harm in ${c.unit})`}
                rows={c.top}
                columns={[
                  { header: 'LSOA', value: (t) => t.lsoa },
                  { header: 'Name', value: (t) => t.name },
                  { header: 'District', value: (t) => t.district },
                  { header: `Harm (${c.unit})`, value: (t) => Math.round(t.harm), numeric: true },
                  {
                    header: 'Share of all harm',
                    value: (t) => pct(c.totalHarm ? t.harm / c.totalHarm : null),
                    numeric: true,
                  },
                ]}
              />
              <p className="method">
                {c.areaCount.toLocaleString('en-GB')} LSOAs ({c.zeroHarmAreas} with no harm recorded); total harm{' '}
                {Math.round(c.totalHarm).toLocaleString('en-GB')} {c.unit}. Weights: {c.edition}.
              </p>
              <MissingNote missing={c.missing} scope={scope} />
            </>
          )}
        </Await>
      </section>
    </>
  );
}
