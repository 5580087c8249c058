/**
 * Writing the inspections register: a new inspection (organisation inspected, body, title, date
 * as the report gives it, grade, marking chosen on the form) and a new finding of an inspection
 * (kind, reference, the inspectorate's words, owner, marking). The server names a bad field.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { useOrganisations } from '../../../use-organisations';
import { ErrorNote } from '../../../components/Status';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { FINDING_KINDS, INSPECTION_GRADES } from '../../../../domain/plans/terms.js';
import { words } from '../shared/format';
import type { Marking, NewFindingRequest, NewInspectionRequest } from '../../../../api/index.js';

/** Sends a request and tells the outcome; clears the form when it went in. */
function useSend() {
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent, send: () => Promise<string>): Promise<boolean> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await send());
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const outcome = (
    <>
      {error !== undefined && <ErrorNote message={error} />}
      {done !== undefined && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
    </>
  );
  return { run, busy, outcome };
}

export function NewInspectionForm({
  organisations,
  onAdded,
}: {
  organisations: readonly string[];
  onAdded: () => void;
}) {
  const { nameOf } = useOrganisations();
  const [organisationId, setOrganisationId] = useState(organisations[0] ?? '');
  const [body, setBody] = useState('HMICFRS');
  const [title, setTitle] = useState('');
  const [dated, setDated] = useState('');
  const [grade, setGrade] = useState('');
  const [marking, setMarking] = useState<Marking>('OFFICIAL');
  const s = useSend();
  const submit = async (e: FormEvent) => {
    const ok = await s.run(e, async () => {
      const request: NewInspectionRequest = {
        organisationId,
        body,
        title,
        marking,
        dated: dated.trim() === '' ? null : dated.trim(),
        grade: grade === '' ? null : (grade as NewInspectionRequest['grade']),
      };
      await api.post('/inspections', request);
      return `Added ${body}: ${title} (${marking}).`;
    });
    if (ok) {
      setTitle('');
      onAdded();
    }
  };
  return (
    <form className="editor" onSubmit={(e) => void submit(e)} aria-labelledby="add-insp-h">
      <h3 id="add-insp-h">Add an inspection</h3>
      <label htmlFor="add-insp-org">Organisation inspected</label>
      <select id="add-insp-org" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {organisations.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
      <div className="form-row">
        <label>
          Inspecting body
          <input value={body} required maxLength={100} onChange={(e) => setBody(e.target.value)} />
        </label>
        <label>
          Dated (YYYY, YYYY-MM or YYYY-MM-DD)
          <input value={dated} maxLength={10} size={10} onChange={(e) => setDated(e.target.value)} />
        </label>
        <label>
          Grade
          <select value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">no grade given</option>
            {INSPECTION_GRADES.map((g) => (
              <option key={g} value={g}>
                {words(g)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor="add-insp-title">Inspection</label>
      <input id="add-insp-title" value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <MarkingSelect id="add-insp-marking" value={marking} onChange={setMarking} />
      {s.outcome}
      <div className="actions">
        <button type="submit" disabled={s.busy}>
          Add inspection
        </button>
      </div>
    </form>
  );
}

export function NewFindingForm({
  inspectionId,
  title,
  marking: inspectionMarking,
  onAdded,
}: {
  inspectionId: number;
  title: string;
  marking: Marking;
  onAdded: () => void;
}) {
  const [kind, setKind] = useState<string>('area_for_improvement');
  const [reference, setReference] = useState('');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [marking, setMarking] = useState<Marking>(inspectionMarking);
  const s = useSend();
  const submit = async (e: FormEvent) => {
    const ok = await s.run(e, async () => {
      const request: NewFindingRequest = {
        text,
        kind: kind as NewFindingRequest['kind'],
        reference: reference.trim() === '' ? null : reference.trim(),
        owner: owner.trim() === '' ? null : owner.trim(),
        marking,
      };
      await api.post(`/inspections/${inspectionId}/findings`, request);
      return `Added finding ${reference.trim() === '' ? '' : `${reference.trim()} `}to ${title}.`;
    });
    if (ok) {
      setText('');
      setReference('');
      onAdded();
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void submit(e)} aria-label={`Add a finding to ${title}`}>
      <div className="form-row">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {FINDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reference (optional)
          <input value={reference} maxLength={40} size={8} onChange={(e) => setReference(e.target.value)} />
        </label>
        <label>
          Owner (optional)
          <input value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
        </label>
      </div>
      <label htmlFor={`add-finding-${inspectionId}`}>Finding (the inspectorate's words)</label>
      <textarea
        id={`add-finding-${inspectionId}`}
        rows={2}
        value={text}
        required
        maxLength={20000}
        onChange={(e) => setText(e.target.value)}
      />
      <MarkingSelect id={`add-finding-${inspectionId}-marking`} value={marking} onChange={setMarking} />
      {s.outcome}
      <div className="actions">
        <button type="submit" disabled={s.busy}>
          Add finding
        </button>
      </div>
    </form>
  );
}
