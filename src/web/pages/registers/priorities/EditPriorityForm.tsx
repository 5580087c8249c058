/**
 * Changing a partner's priority: its words, the taxonomy headings it maps to, its marking, and
 * why (kept in its revision history). Sent with the version shown; a 409 brings the current
 * priority in and the form keeps what was written; only the fields the user changed are sent.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import { TaxonomyChoice } from './TaxonomyChoice';
import type {
  Marking,
  PartnerPriority,
  PartnerPriorityWithHistory,
  PriorityEdit,
  TaxonomyEntry,
  TaxonomyId,
} from '../../../../api/index.js';

interface Draft {
  readonly wording: string;
  readonly taxonomyIds: readonly TaxonomyId[];
  readonly marking: Marking;
}

const draftOf = (p: PartnerPriority): Draft => ({
  wording: p.wording,
  taxonomyIds: p.taxonomyIds,
  marking: p.marking,
});

export function EditPriorityForm({
  priority,
  partnerName,
  taxonomy,
  onSaved,
  onConflict,
}: {
  priority: PartnerPriority;
  partnerName: string;
  taxonomy: readonly TaxonomyEntry[];
  onSaved: () => void;
  onConflict: (current: PartnerPriorityWithHistory) => void;
}) {
  const id = useId();
  const [base, setBase] = useState<Draft>(() => draftOf(priority));
  const [draft, setDraft] = useState<Draft>(base);
  const [reason, setReason] = useState('');
  const submit = useVersionedSubmit<PartnerPriorityWithHistory>(onConflict);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const changed: Omit<PriorityEdit, 'expectedVersion'> = {
      ...(draft.wording.trim() !== base.wording.trim() ? { wording: draft.wording } : {}),
      ...(draft.taxonomyIds.join() !== base.taxonomyIds.join() ? { taxonomyIds: [...draft.taxonomyIds] } : {}),
      ...(draft.marking !== base.marking ? { marking: draft.marking } : {}),
    };
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    const ok = await submit.run(
      () =>
        api.put(`/priorities/${priority.id}`, {
          expectedVersion: priority.version,
          ...changed,
          ...(reason.trim() === '' ? {} : { reason }),
        } satisfies PriorityEdit),
      `Saved: version ${priority.version + 1}.`,
    );
    if (ok) {
      setBase(draft);
      setReason('');
      onSaved();
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Edit the priority of {partnerName}</h3>
      <ConflictNote submit={submit} what="priority">
        <p>
          It is now version {priority.version}: “{priority.wording}”.
        </p>
      </ConflictNote>
      <label htmlFor={`${id}-wording`}>The partner's own words</label>
      <textarea
        id={`${id}-wording`}
        rows={2}
        value={draft.wording}
        required
        maxLength={1000}
        onChange={(e) => setDraft({ ...draft, wording: e.target.value })}
      />
      <TaxonomyChoice
        taxonomy={taxonomy}
        chosen={draft.taxonomyIds}
        onChange={(ids) => setDraft({ ...draft, taxonomyIds: ids })}
      />
      <MarkingSelect id={`${id}-marking`} value={draft.marking} onChange={(m) => setDraft({ ...draft, marking: m })} />
      <label htmlFor={`${id}-reason`}>Why it changes (optional, kept in its history)</label>
      <input id={`${id}-reason`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      <div className="form-row">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Save my changes to the current version' : 'Save priority'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
