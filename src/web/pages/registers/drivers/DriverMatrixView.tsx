/** The impact × uncertainty matrix (numbered points, named quadrants) with the table behind it, then each quadrant and what it means. */
import { useMemo } from 'react';
import { Link } from 'wouter';
import { driversMatrixChart } from '../../../../charts/drivers-matrix.js';
import { Chart } from '../../../components/Chart';
import { groupLabel } from './labels';
import type * as api from '../../../../api/index.js';

// As on the chart: high impact above, low uncertainty on the left.
const QUADRANT_ORDER = ['plan_for', 'critical_uncertainties', 'background', 'monitor'];

interface Row extends api.DriverSummary {
  readonly quadrantName: string;
}

export function DriverMatrixView({ matrix, period }: { matrix: api.DriverMatrixView; period: string }) {
  const option = useMemo(() => driversMatrixChart(matrix), [matrix]);
  const rows = useMemo<Row[]>(
    () =>
      matrix.quadrants
        .flatMap((q) => q.drivers.map((d) => ({ ...d, quadrantName: q.name })))
        .sort((a, b) => a.number - b.number),
    [matrix],
  );
  return (
    <>
      <Chart
        title={`Change drivers ${period}: impact against level of uncertainty, numbered as in the lists`}
        option={option}
        rows={rows}
        fileName={`drivers-matrix-${period.replace('/', '-')}`}
        height={520}
        columns={[
          { header: 'No.', value: (d: Row) => d.number, numeric: true },
          {
            header: 'Driver',
            value: (d: Row) => d.name,
            render: (d: Row) => <Link href={`/registers/drivers/${d.id}`}>{d.name}</Link>,
          },
          { header: 'Group', value: (d: Row) => groupLabel(d.challenge) },
          { header: 'Impact', value: (d: Row) => d.impact, numeric: true },
          { header: 'Uncertainty', value: (d: Row) => d.uncertainty, numeric: true },
          { header: 'Quadrant', value: (d: Row) => d.quadrantName },
        ]}
      />
      <div className="quadrants">
        {QUADRANT_ORDER.map((qid) => matrix.quadrants.find((q) => q.id === qid))
          .filter((q) => q !== undefined)
          .map((q) => (
            <section key={q.id} className="quadrant" aria-labelledby={`q-${q.id}`}>
              <h3 id={`q-${q.id}`}>
                {q.name}{' '}
                <small>
                  ({q.impact} impact, {q.uncertainty} uncertainty)
                </small>
              </h3>
              <p className="method">{q.use}</p>
              {q.drivers.length === 0 ? (
                <p className="empty">None.</p>
              ) : (
                <ul>
                  {q.drivers.map((d) => (
                    <li key={d.id}>
                      {d.number}. <Link href={`/registers/drivers/${d.id}`}>{d.name}</Link>{' '}
                      <span className="method">
                        (impact {d.impact}, uncertainty {d.uncertainty})
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
      </div>
    </>
  );
}
