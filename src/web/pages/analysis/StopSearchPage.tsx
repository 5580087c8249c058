/** Stop and search from police.uk: searches by month, what they were for, and their outcomes. */
import { monthText } from '../../dates';
import { groupedBarChart, lineChart, rankedBarChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { AreaFilters, choiceQuery, placeName, useAreaChoice } from '../../components/AreaFilters';
import { Chart } from '../../components/Chart';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { MissingNote } from '../TrendsPage';
import { AnalysisFrame } from './AnalysisFrame';
import type { AnalysisScope, StopSearchAnswer } from '../../../api/index.js';

const pct = (n: number | null, of: number) => (of === 0 || n === null ? null : `${((n / of) * 100).toFixed(1)}%`);

export function StopSearchPage() {
  return (
    <AnalysisFrame
      title="Stop and search"
      lede="Searches recorded on police.uk over the last twelve months: how many, what for, and what came of them."
    >
      {(scope) => <StopSearch scope={scope} />}
    </AnalysisFrame>
  );
}

function StopSearch({ scope }: { scope: AnalysisScope }) {
  const [choice, setChoice] = useAreaChoice(scope);
  const r = useApi<StopSearchAnswer>(`/analysis/stop-search${qs({ force: choiceQuery(choice).force })}`);
  const place = placeName(choice, scope);
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="What to show">
        <AreaFilters scope={scope} choice={choice} onChange={setChoice} forceOnly />
      </form>
      <Await loaded={r}>
        {(s) =>
          s.total === 0 ? (
            <p className="empty">No stop and search records for {place}: import police.uk stop-and-search files.</p>
          ) : (
            <>
              <section aria-labelledby="h-ss-month">
                <h2 id="h-ss-month">
                  Searches by month, {place}: {s.total.toLocaleString('en-GB')} from {monthText(s.from)} to{' '}
                  {monthText(s.to)}
                </h2>
                <Chart
                  title={`Stop and search by month, ${monthText(s.from)} to ${monthText(s.to)}, ${place}`}
                  option={lineChart(
                    s.byMonth.map((m) => monthText(m.month)),
                    [
                      { name: 'searches', values: s.byMonth.map((m) => m.searches) },
                      { name: 'found what was searched for', values: s.byMonth.map((m) => m.found), dashed: true },
                    ],
                    'searches',
                    'month',
                  )}
                  fileName="stop-search-months"
                  help={['stop-and-search']}
                  rows={s.byMonth}
                  columns={[
                    { header: 'Month', value: (m) => monthText(m.month) },
                    { header: 'Searches', value: (m) => m.searches, numeric: true },
                    { header: 'Found what was searched for', value: (m) => m.found, numeric: true },
                    { header: 'Find rate', value: (m) => pct(m.found, m.searches), numeric: true },
                  ]}
                />
              </section>
              <section aria-labelledby="h-ss-object">
                <h2 id="h-ss-object">What the searches were for</h2>
                <Chart
                  title={`Searches by object of search, ${monthText(s.from)} to ${monthText(s.to)}, ${place}`}
                  option={groupedBarChart(
                    s.byObject.map((o) => o.object),
                    [
                      { name: 'searches', values: s.byObject.map((o) => o.searches) },
                      { name: 'found what was searched for', values: s.byObject.map((o) => o.found) },
                    ],
                    'searches',
                  )}
                  height={400}
                  fileName="stop-search-objects"
                  help={['stop-and-search']}
                  rows={s.byObject}
                  columns={[
                    { header: 'Object of search', value: (o) => o.object },
                    { header: 'Searches', value: (o) => o.searches, numeric: true },
                    { header: 'Found', value: (o) => o.found, numeric: true },
                    { header: 'Find rate', value: (o) => pct(o.found, o.searches), numeric: true },
                  ]}
                />
              </section>
              <section aria-labelledby="h-ss-outcome">
                <h2 id="h-ss-outcome">Outcomes</h2>
                <Chart
                  title={`Searches by outcome, ${monthText(s.from)} to ${monthText(s.to)}, ${place}`}
                  option={rankedBarChart(
                    s.byOutcome.map((o) => ({ label: o.outcome, value: o.searches })),
                    'searches',
                    { decimals: 0 },
                  )}
                  height={Math.max(280, s.byOutcome.length * 28 + 80)}
                  fileName="stop-search-outcomes"
                  rows={s.byOutcome}
                  columns={[
                    { header: 'Outcome', value: (o) => o.outcome },
                    { header: 'Searches', value: (o) => o.searches, numeric: true },
                    { header: 'Share', value: (o) => pct(o.searches, s.total), numeric: true },
                  ]}
                />
                <p className="method">{s.note}</p>
                <MissingNote missing={s.missing} scope={scope} />
              </section>
            </>
          )
        }
      </Await>
    </>
  );
}
