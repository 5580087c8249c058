/**
 * The priorities of a period one by one (partner, words, headings, marking), so they can be
 * changed: an analyst of the organisation holding a record opens its edit form here. A conflict
 * brings the current version into the form's note.
 */
import { Fragment, useState } from 'react';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { useSession } from '../../../session';
import { mayEditIn } from '../../assessment/can-edit';
import { plural } from '../shared/format';
import { EditPriorityForm } from './EditPriorityForm';
import { labelOf } from './names';
import { SortHeader, TableFilter, useTableView, type ViewColumn } from '../../../components/table-view';
import type { Organisation, PartnerPriority, TaxonomyEntry } from '../../../../api/index.js';

export function PriorityList({
  priorities,
  period,
  partners,
  taxonomy,
  onSaved,
}: {
  priorities: readonly PartnerPriority[];
  period: string;
  partners: readonly Organisation[];
  taxonomy: readonly TaxonomyEntry[];
  onSaved: () => void;
}) {
  const { me } = useSession();
  const [editing, setEditing] = useState<PartnerPriority | undefined>(undefined);
  const name = (id: string) => partners.find((o) => o.id === id)?.name ?? id;
  const label = labelOf(taxonomy);
  const sorted = [...priorities].sort(
    (a, b) => name(a.partnerId).localeCompare(name(b.partnerId)) || a.wording.localeCompare(b.wording),
  );
  const columns: ViewColumn<PartnerPriority>[] = [
    { header: 'Partner', sort: (p) => name(p.partnerId) },
    { header: 'In their words', sort: (p) => p.wording, text: (p) => p.kind },
    { header: 'Headings', sort: (p) => p.taxonomyIds.map(label).join(', ') },
    { header: 'Marking', sort: (p) => p.marking },
  ];
  const view = useTableView(sorted, columns);
  if (priorities.length === 0) return <p className="empty">No priorities for {period} that you can see.</p>;
  return (
    <>
      <TableFilter view={view} what="priorities and notes" />
      <div className="table-wrap">
        <table>
          <caption>
            {plural(priorities.length, 'priority', 'priorities')} and notes of {period}, by partner
          </caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <SortHeader key={c.header} view={view} column={i} />
              ))}
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((p) => {
              const open = editing?.id === p.id;
              // The newer of the listed record and the one a conflict brought in.
              const current = open && editing !== undefined && editing.version > p.version ? editing : p;
              return (
                <Fragment key={p.id}>
                  <tr>
                    <td>{name(p.partnerId)}</td>
                    <th scope="row">
                      {p.kind === 'note' ? 'Note: ' : ''}
                      {p.wording}
                    </th>
                    <td>{p.taxonomyIds.length === 0 ? 'none' : p.taxonomyIds.map(label).join(', ')}</td>
                    <td>
                      <MarkingBadge marking={p.marking} />
                    </td>
                    <td>
                      {mayEditIn(me, p.organisationId) && (
                        <button
                          type="button"
                          aria-expanded={open}
                          aria-label={`${open ? 'Close' : 'Edit'}: ${p.wording}`}
                          onClick={() => setEditing(open ? undefined : p)}
                        >
                          {open ? 'Close' : 'Edit'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open && editing !== undefined && (
                    <tr>
                      <td colSpan={5}>
                        <EditPriorityForm
                          key={p.id}
                          priority={current}
                          partnerName={name(p.partnerId)}
                          taxonomy={taxonomy}
                          onSaved={onSaved}
                          onConflict={setEditing}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
