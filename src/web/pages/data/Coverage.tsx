/**
 * Which force-months of street crime are loaded. police.uk has whole force-months absent, and a
 * missing month is "no data", never zero crime: the page says "missing" in words, not only in
 * colour, and a month outside the loaded span is left blank rather than called missing.
 */
import { Fragment } from 'react';
import type { Loaded } from '../../use-api';
import { Await } from '../../components/Status';
import { DataTable } from '../../components/DataTable';
import { forceName, number } from './format';
import type { CoverageReport } from '../../../api/index.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-01..2018-03, 2018-07": runs of consecutive months. */
export function monthRuns(months: readonly string[]): string {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const runs: [string, string][] = [];
  for (const m of [...months].sort()) {
    const last = runs[runs.length - 1];
    if (last !== undefined && index(m) === index(last[1]) + 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? a : `${a} to ${b}`)).join(', ');
}

export function Coverage({ summary }: { summary: Loaded<{ coverage: CoverageReport }> }) {
  return (
    <section aria-labelledby="h-coverage">
      <h2 id="h-coverage">Street crime loaded, by force and month</h2>
      <Await loaded={summary}>
        {({ coverage }) =>
          coverage.forces.length === 0 ? (
            <p className="empty">No street crime is loaded yet.</p>
          ) : (
            <>
              <DataTable
                caption={`Forces loaded, ${coverage.from} to ${coverage.to}`}
                rows={coverage.forces}
                columns={[
                  { header: 'Force', value: (f) => forceName(f.force) },
                  { header: 'First month', value: (f) => f.first },
                  { header: 'Last month', value: (f) => f.last },
                  { header: 'Months loaded', value: (f) => f.months, numeric: true },
                  { header: 'Rows', value: (f) => f.rows, numeric: true },
                  {
                    header: 'Missing months',
                    value: (f) =>
                      f.missing.length === 0 ? 'none' : `${f.missing.length} missing: ${monthRuns(f.missing)}`,
                    render: (f) =>
                      f.missing.length === 0 ? (
                        'none'
                      ) : (
                        <strong className="missing-text">
                          {f.missing.length} missing: {monthRuns(f.missing)}
                        </strong>
                      ),
                  },
                  {
                    header: 'Suspiciously small',
                    value: (f) =>
                      f.small.length === 0
                        ? 'none'
                        : f.small
                            .map((s) => `${s.month} (${number(s.rows)} rows, usual ${number(s.usual)})`)
                            .join(', '),
                    render: (f) =>
                      f.small.length === 0 ? (
                        'none'
                      ) : (
                        <strong className="missing-text">
                          {f.small
                            .map((s) => `${s.month} (${number(s.rows)} rows, usual ${number(s.usual)})`)
                            .join(', ')}
                        </strong>
                      ),
                  },
                ]}
              />
              <p className="method">
                A missing month has no data in the warehouse: it is not a month with no crime. Trends and counts that
                span it say so. A suspiciously small month holds under half the rows of the force's usual month: check
                that its file was complete.
              </p>
              <CoverageGrid coverage={coverage} />
            </>
          )
        }
      </Await>
    </section>
  );
}

function CoverageGrid({ coverage }: { coverage: CoverageReport }) {
  if (coverage.from === null || coverage.to === null) return null;
  const [first, last] = [Number(coverage.from.slice(0, 4)), Number(coverage.to.slice(0, 4))];
  const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  return (
    <details className="coverage-grid">
      <summary>Month by month</summary>
      <div className="table-wrap">
        <table>
          <caption>
            Street crime loaded per force and month (✓ loaded; "missing" has no data; blank is outside {coverage.from}{' '}
            to {coverage.to})
          </caption>
          <thead>
            <tr>
              <th scope="col">Force</th>
              <th scope="col">Year</th>
              {MONTHS.map((m) => (
                <th key={m} scope="col">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.forces.map((f) => {
              const missing = new Set(f.missing);
              return (
                <Fragment key={f.force}>
                  {years.map((y, k) => (
                    <tr key={y}>
                      {k === 0 && (
                        <th scope="row" rowSpan={years.length}>
                          {forceName(f.force)}
                          <br />
                          <span className="method">{number(f.rows)} rows</span>
                        </th>
                      )}
                      <th scope="row">{y}</th>
                      {MONTHS.map((_, i) => {
                        const month = `${y}-${String(i + 1).padStart(2, '0')}`;
                        if (month < coverage.from! || month > coverage.to!) return <td key={month} />;
                        return missing.has(month) ? (
                          <td key={month} className="cell-missing">
                            missing
                          </td>
                        ) : (
                          <td key={month} className="cell-loaded">
                            <span aria-hidden="true">✓</span>
                            <span className="sr-only">loaded</span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
