/**
 * Inspections and their findings: each inspection with its grade, then its findings (kind, the
 * inspectorate's words, owner, status), each opening to its updates and the form to add one;
 * an analyst or admin adds inspections and findings here, and edits an inspection of their
 * organisation (its grade once the report is out, or a correction of its details).
 */
import { Fragment, useState } from 'react';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { hasRole, useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { longDate, plural, words } from '../shared/format';
import { FindingDetail } from './FindingDetail';
import { NewFindingForm, NewInspectionForm } from './InspectionForms';
import { EditInspectionForm } from './EditInspectionForm';
import { editableOrganisations, mayEditIn } from '../../assessment/can-edit';
import type { InspectionFinding, InspectionSummary } from '../../../../api/index.js';

const COLUMNS = 7;
const gradeText = (g: string | null) =>
  g === null ? 'no grade given' : g === 'not_graded' ? 'not graded' : `graded ${words(g)}`;

export function Inspections() {
  const inspections = useApi<InspectionSummary[]>('/inspections');
  const findings = useApi<InspectionFinding[]>('/inspection-findings');
  const { me } = useSession();
  const canEdit = hasRole(me, 'analyst') || hasRole(me, 'admin');
  const [open, setOpen] = useState<number | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [addingTo, setAddingTo] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const organisations = editableOrganisations(me);
  const changed = () => {
    findings.reload();
    inspections.reload();
  };
  return (
    <>
      {organisations.length > 0 && (
        <p>
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? 'Close the new inspection form' : 'New inspection'}
          </button>
        </p>
      )}
      {adding && <NewInspectionForm organisations={organisations} onAdded={changed} />}
      <Await loaded={inspections}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">There are no inspections you can see.</p>
          ) : (
            <>
              <p>
                <a href="/api/inspections.csv" download>
                  Download the findings as CSV
                </a>
              </p>
              {list.map((i) => {
                const mine = (findings.data ?? []).filter((f) => f.inspectionId === i.id);
                return (
                  <section key={i.id} className="inspection" aria-labelledby={`insp-${i.id}`}>
                    <h3 id={`insp-${i.id}`}>
                      {i.body}: {i.title}
                      {i.dated !== null && <small> ({longDate(i.dated)})</small>}
                    </h3>
                    <p>
                      <span className={`grade grade-${i.grade ?? 'none'}`}>{gradeText(i.grade)}</span>
                      {' · '}
                      {plural(i.findings, 'finding')}, {i.open} open <MarkingBadge marking={i.marking} />
                      {i.source !== null && <span className="method"> · Source: {i.source}</span>}
                    </p>
                    {canEdit && (
                      <p>
                        <button
                          type="button"
                          className="secondary"
                          aria-expanded={addingTo === i.id}
                          onClick={() => setAddingTo(addingTo === i.id ? undefined : i.id)}
                        >
                          {addingTo === i.id ? 'Close' : 'Add a finding'}
                          <span className="sr-only"> to {i.title}</span>
                        </button>{' '}
                        {mayEditIn(me, i.organisationId) && (
                          <button
                            type="button"
                            className="secondary"
                            aria-expanded={editing === i.id}
                            onClick={() => setEditing(editing === i.id ? undefined : i.id)}
                          >
                            {editing === i.id ? 'Close the edit form' : 'Edit'}
                            <span className="sr-only"> {i.title}</span>
                          </button>
                        )}
                      </p>
                    )}
                    {editing === i.id && <EditInspectionForm key={i.id} inspection={i} onSaved={changed} />}
                    {canEdit && addingTo === i.id && (
                      <NewFindingForm inspectionId={i.id} title={i.title} marking={i.marking} onAdded={changed} />
                    )}
                    {mine.length > 0 && (
                      <div className="table-wrap">
                        <table className="rec-table">
                          <caption>
                            Findings of {i.body} {i.title}; open one to see its progress
                            {canEdit ? ' and add an update' : ''}
                          </caption>
                          <thead>
                            <tr>
                              <th scope="col">Ref.</th>
                              <th scope="col">Kind</th>
                              <th scope="col">Finding</th>
                              <th scope="col">Owner</th>
                              <th scope="col">Status</th>
                              <th scope="col">Marking</th>
                              <th scope="col">
                                <span className="sr-only">Progress</span>
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            {mine.map((f) => {
                              const expanded = open === f.id;
                              return (
                                <Fragment key={f.id}>
                                  <tr className={expanded ? 'expanded' : undefined}>
                                    <th scope="row">{f.reference ?? '–'}</th>
                                    <td>{words(f.kind)}</td>
                                    <td className="rec-text">{f.text}</td>
                                    <td>{f.owner ?? <span className="empty">not set</span>}</td>
                                    <td>
                                      <span className="rec-status">{words(f.status)}</span>
                                    </td>
                                    <td>
                                      <MarkingBadge marking={f.marking} />
                                    </td>
                                    <td>
                                      <button
                                        type="button"
                                        className="secondary"
                                        aria-expanded={expanded}
                                        aria-controls={`finding-${f.id}`}
                                        onClick={() => setOpen(expanded ? undefined : f.id)}
                                      >
                                        {expanded ? 'Hide' : 'Progress'}
                                        <span className="sr-only"> of this finding</span>
                                      </button>
                                    </td>
                                  </tr>
                                  {expanded && (
                                    <tr className="rec-detail-row">
                                      <td colSpan={COLUMNS} id={`finding-${f.id}`}>
                                        <FindingDetail
                                          id={f.id}
                                          canEdit={canEdit}
                                          onChanged={() => {
                                            findings.reload();
                                            inspections.reload();
                                          }}
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
                    )}
                  </section>
                );
              })}
            </>
          )
        }
      </Await>
    </>
  );
}
