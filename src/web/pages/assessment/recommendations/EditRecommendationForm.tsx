/**
 * Editing a recommendation: wording, owner, due date and marking, sent with the version shown. A
 * 409 brings the current record in (the history above shows it) and the form keeps what was
 * written, to send again. The wording of an approved assessment's recommendation is refused by
 * the server with its reason; the owner and due date can always change.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { dayText } from '../../../dates';
import { ConflictNote, FormOutcome } from '../../registers/shared/FormStatus';
import { useVersionedSubmit } from '../../registers/shared/useVersionedSubmit';
import type { RecommendationEditRequest, RecommendationWithHistory } from '../../../../api/index.js';
import { RecommendationFields, requestFields, type RecommendationDraft } from './RecommendationFields';

const draftOf = (r: RecommendationWithHistory): RecommendationDraft => ({
  number: r.number ?? '',
  theme: r.theme,
  text: r.text,
  owner: r.owner ?? '',
  dueOn: r.dueOn ?? '',
  marking: r.marking,
});

export function EditRecommendationForm({
  record,
  onSaved,
  onConflict,
}: {
  record: RecommendationWithHistory;
  onSaved: () => void;
  onConflict: (current: RecommendationWithHistory) => void;
}) {
  const id = useId();
  // What the user started from: only the fields they changed from it are sent, so after a 409 a
  // field someone else changed meanwhile, and this user left alone, is not written back.
  const [base, setBase] = useState<RecommendationDraft>(() => draftOf(record));
  const [draft, setDraft] = useState<RecommendationDraft>(base);
  const submit = useVersionedSubmit<RecommendationWithHistory>(onConflict);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const before = requestFields(base);
    const after = requestFields(draft);
    // Only what changed is sent, so a wording left alone is not refused after approval.
    const changed = Object.fromEntries(
      Object.entries(after).filter(([k, v]) => before[k as keyof typeof before] !== v),
    ) as Partial<typeof after>;
    if (Object.keys(changed).length === 0) return submit.fail('Nothing has changed yet.');
    const ok = await submit.run(
      () =>
        api.put(`/recommendations/${record.id}`, {
          expectedVersion: record.version,
          ...changed,
        } satisfies RecommendationEditRequest),
      `Saved: version ${record.version + 1}.`,
    );
    if (ok) {
      setBase(draft);
      onSaved();
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Edit recommendation</h4>
      <ConflictNote submit={submit} what="recommendation">
        <p>
          It is now version {record.version}: owner {record.owner ?? 'not set'}, due{' '}
          {record.dueOn === null ? 'not set' : dayText(record.dueOn)}.
        </p>
      </ConflictNote>
      <RecommendationFields id={id} draft={draft} onChange={setDraft} />
      <div className="actions">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Save my changes to the current version' : 'Save recommendation'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
