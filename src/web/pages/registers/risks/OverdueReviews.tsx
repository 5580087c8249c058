/** Reviews overdue as of a date (today unless chosen), longest overdue first. */
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { qs } from '../../../api';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { longDate, plural, today } from '../shared/format';
import type { OverdueRiskList } from '../../../../api/index.js';
import { DateField } from '../../../components/DateField';

export function OverdueReviews() {
  const id = useId();
  const [asOf, setAsOf] = useState(today());
  const loaded = useApi<OverdueRiskList>(
    `/risks/overdue${qs({ asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined })}`,
  );
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Overdue reviews</h2>
      <div className="filters">
        <DateField label="Reviews due before" value={asOf} onChange={setAsOf} />
      </div>
      <Await loaded={loaded}>
        {(list) =>
          list.risks.length === 0 ? (
            <p className="ok" role="status">
              No review was due before {longDate(list.asOf)}.
            </p>
          ) : (
            <>
              <p role="status">
                {plural(list.risks.length, 'risk')} overdue for review as of {longDate(list.asOf)}.{' '}
                <MarkingBadge marking={list.marking} />
              </p>
              <div className="table-wrap">
                <table>
                  <caption>Risks whose review was due before {longDate(list.asOf)}, longest overdue first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ref.</th>
                      <th scope="col">Risk</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Review was due</th>
                      <th scope="col" className="num">
                        Days overdue
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.risks.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">
                          <Link href={`/registers/risks/${r.id}`}>{r.reference}</Link>
                        </th>
                        <td>{r.title}</td>
                        <td>{r.owner}</td>
                        <td>{longDate(r.nextReview)}</td>
                        <td className="num">{r.daysOverdue.toLocaleString('en-GB')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Await>
    </section>
  );
}
