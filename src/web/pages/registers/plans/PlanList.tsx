/** The plans the user can see, each opening its page of themes and objectives; an analyst adds one here. */
import { useState } from 'react';
import { Link } from 'wouter';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { useSession } from '../../../session';
import { useOrganisations } from '../../../use-organisations';
import { editableOrganisations } from '../../assessment/can-edit';
import { NewPlanForm } from './NewPlanForm';
import type { Plan } from '../../../../api/index.js';
import { SortHeader, TableFilter, useTableView, type ViewColumn } from '../../../components/table-view';

export function PlanList({ plans, onAdded }: { plans: readonly Plan[]; onAdded: () => void }) {
  const { me } = useSession();
  const { nameOf } = useOrganisations();
  const organisations = editableOrganisations(me);
  const [adding, setAdding] = useState(false);
  const columns: ViewColumn<Plan>[] = [
    { header: 'Plan', sort: (p) => p.title },
    { header: 'Years', sort: (p) => p.period },
    { header: 'Commissioner', sort: (p) => p.commissioner },
    { header: 'Held by', sort: (p) => nameOf(p.organisationId) },
    { header: 'Marking', sort: (p) => p.marking },
  ];
  const view = useTableView(plans, columns);
  return (
    <>
      {plans.length === 0 ? (
        <p className="empty">There are no plans you can see.</p>
      ) : (
        <>
          <TableFilter view={view} what="plans" />
          <div className="table-wrap">
            <table>
              <caption>The plans you can see; open one for its themes and objectives</caption>
              <thead>
                <tr>
                  {columns.map((c, i) => (
                    <SortHeader key={c.header} view={view} column={i} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/registers/plans/${p.id}`}>{p.title}</Link>
                    </th>
                    <td>{p.period}</td>
                    <td>{p.commissioner ?? '–'}</td>
                    <td>{nameOf(p.organisationId)}</td>
                    <td>
                      <MarkingBadge marking={p.marking} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {organisations.length > 0 && (
        <p>
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? 'Close the new plan form' : 'New plan'}
          </button>
        </p>
      )}
      {adding && <NewPlanForm organisations={organisations} onAdded={onAdded} />}
    </>
  );
}
