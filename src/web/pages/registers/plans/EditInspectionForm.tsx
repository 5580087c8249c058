/**
 * Editing an inspection: the body, its title, the date as the report gives it, the grade (recorded
 * once the report is out) and where it is published. Sent with the version shown; a 409 shows the
 * inspection as it is now and the form keeps what was written; only changed fields are sent.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { INSPECTION_GRADES } from '../../../../domain/plans/terms.js';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { words } from '../shared/format';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type { Inspection, InspectionEditRequest } from '../../../../api/index.js';

interface Draft {
  readonly body: string;
  readonly title: string;
  readonly dated: string;
  readonly grade: string;
  readonly source: string;
}

const draftOf = (i: Inspection): Draft => ({
  body: i.body,
  title: i.title,
  dated: i.dated ?? '',
  grade: i.grade ?? '',
  source: i.source ?? '',
});

export function EditInspectionForm({ inspection, onSaved }: { inspection: Inspection; onSaved: () => void }) {
  const id = useId();
  const [current, setCurrent] = useState<Inspection>(inspection);
  const [base, setBase] = useState<Draft>(() => draftOf(inspection));
  const [draft, setDraft] = useState<Draft>(base);
  const submit = useVersionedSubmit<Inspection>(setCurrent);
  const seen = current.version > inspection.version ? current : inspection;
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
    const changed: Omit<InspectionEditRequest, 'expectedVersion'> = {
      ...(draft.body.trim() !== base.body.trim() ? { body: draft.body } : {}),
      ...(draft.title.trim() !== base.title.trim() ? { title: draft.title } : {}),
      ...(draft.dated.trim() !== base.dated.trim() ? { dated: nullable(draft.dated) } : {}),
      ...(draft.grade !== base.grade
        ? { grade: draft.grade === '' ? null : (draft.grade as InspectionEditRequest['grade']) }
        : {}),
      ...(draft.source.trim() !== base.source.trim() ? { source: nullable(draft.source) } : {}),
    };
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    const ok = await submit.run(
      () =>
        api.put(`/inspections/${inspection.id}`, {
          expectedVersion: seen.version,
          ...changed,
        } satisfies InspectionEditRequest),
      `Saved: version ${seen.version + 1}.`,
    );
    if (ok) {
      setBase(draft);
      onSaved();
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Edit {inspection.title}</h4>
      <ConflictNote submit={submit} what="inspection">
        <p>
          It is now version {seen.version}: {seen.body}: {seen.title}, {seen.dated ?? 'no date'},{' '}
          {seen.grade === null ? 'no grade given' : words(seen.grade)}.
        </p>
      </ConflictNote>
      <div className="form-row">
        <label>
          Inspecting body
          <input value={draft.body} required maxLength={100} onChange={set('body')} />
        </label>
        <label>
          Dated (YYYY, YYYY-MM or YYYY-MM-DD)
          <input value={draft.dated} maxLength={10} size={10} onChange={set('dated')} />
        </label>
        <label>
          Grade
          <select value={draft.grade} onChange={set('grade')}>
            <option value="">no grade given</option>
            {INSPECTION_GRADES.map((g) => (
              <option key={g} value={g}>
                {words(g)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-title`}>Inspection</label>
      <input id={`${id}-title`} value={draft.title} required maxLength={300} onChange={set('title')} />
      <label htmlFor={`${id}-source`}>Where it is published (optional)</label>
      <input id={`${id}-source`} value={draft.source} maxLength={2000} onChange={set('source')} />
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Save my changes to the current version' : 'Save inspection'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
