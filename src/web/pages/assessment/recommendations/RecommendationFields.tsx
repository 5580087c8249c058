/**
 * The fields a recommendation is written with, shared by the new and the edit forms: number,
 * theme, text, owner, due date and the protective marking chosen here.
 */
import type { Marking } from '../../../../api/index.js';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { DateField } from '../../../components/DateField';

export interface RecommendationDraft {
  number: string;
  theme: string;
  text: string;
  owner: string;
  dueOn: string;
  marking: Marking;
}

export function RecommendationFields({
  id,
  draft,
  onChange,
}: {
  id: string;
  draft: RecommendationDraft;
  onChange: (d: RecommendationDraft) => void;
}) {
  const set = (k: keyof RecommendationDraft) => (e: { target: { value: string } }) =>
    onChange({ ...draft, [k]: e.target.value });
  return (
    <>
      <div className="form-row">
        <label>
          Number (optional)
          <input value={draft.number} maxLength={20} size={6} onChange={set('number')} />
        </label>
        <label>
          Theme
          <input value={draft.theme} required maxLength={200} onChange={set('theme')} />
        </label>
      </div>
      <label htmlFor={`${id}-text`}>Recommendation</label>
      <textarea id={`${id}-text`} rows={3} value={draft.text} required maxLength={20000} onChange={set('text')} />
      <div className="form-row">
        <label>
          Owner (optional)
          <input value={draft.owner} maxLength={200} onChange={set('owner')} />
        </label>
        <DateField
          label="Due (optional)"
          value={draft.dueOn}
          onChange={(v) => set('dueOn')({ target: { value: v } })}
        />
      </div>
      <MarkingSelect
        id={`${id}-marking`}
        value={draft.marking}
        onChange={(marking) => onChange({ ...draft, marking })}
      />
    </>
  );
}

/** What a form sends: blanks as null, so an emptied owner or due date is cleared. */
export function requestFields(d: RecommendationDraft) {
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    number: blank(d.number),
    theme: d.theme,
    text: d.text,
    owner: blank(d.owner),
    dueOn: blank(d.dueOn),
    marking: d.marking,
  };
}
