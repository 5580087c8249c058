/**
 * Editing one of a part's texts (one per marking): Markdown beside its preview, the marking
 * chosen on the form (changing it moves the text to that marking), saved against the version read. If someone else saved in between, the server answers 409 with the
 * text as it is now: the editor shows their words beside the user's and lets them reapply their
 * own on top of the new version, or take the current text.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { dateTime } from '../format';
import { MarkdownPreview } from './MarkdownPreview';
import type { AnalystText, Marking, TextPartEntry, TextWrite, TextWritten } from '../../../../api/index.js';

export function TextEditor({
  assessmentId,
  entry,
  text,
  assessmentMarking,
  mayEdit,
  onSaved,
}: {
  assessmentId: number;
  entry: TextPartEntry;
  /** The text edited, or null to write the part's text at a marking it has none at. */
  text: AnalystText | null;
  assessmentMarking: Marking;
  mayEdit: boolean;
  onSaved: (t: AnalystText) => void;
}) {
  const [base, setBase] = useState<AnalystText | null>(text);
  const [body, setBody] = useState(text?.body ?? '');
  const [marking, setMarking] = useState<Marking>(text?.marking ?? assessmentMarking);
  const [conflict, setConflict] = useState<{ message: string; current: AnalystText } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const id = `text-${entry.part}`;

  const save = async (against: AnalystText | null) => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const w = await api.put<TextWritten>(`/assessments/${assessmentId}/texts/${entry.part}`, {
        body,
        marking,
        // The text meant is the one at the marking it had when read (the form may move it).
        ...(against === null ? {} : { editing: against.marking }),
        expectedVersion: against?.version ?? null,
      } satisfies TextWrite);
      setBase(w.text);
      setConflict(undefined);
      setSaved(w.changed ? `Saved: version ${w.text.version}, marked ${w.text.marking}.` : 'Nothing had changed.');
      onSaved(w.text);
    } catch (e) {
      const record = e instanceof ApiError ? (e.details?.['record'] as AnalystText | null | undefined) : undefined;
      if (e instanceof ApiError && e.status === 409 && record) setConflict({ message: e.message, current: record });
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base);
  };
  const takeCurrent = (current: AnalystText) => {
    setBase(current);
    setBody(current.body);
    setMarking(current.marking);
    setConflict(undefined);
    setSaved(
      `Showing version ${current.version} as saved by ${current.updatedByName ?? 'the other user'}; your changes were discarded.`,
    );
  };

  return (
    <form onSubmit={submit} className="editor text-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{entry.part.replace(/-/g, ' ')}</h2>
      <p className="hint">{entry.purpose}</p>
      <p id={`${id}-version`}>
        {base === null ? (
          entry.texts.length === 0 ? (
            'No text yet: this part is left out of the document until it has some.'
          ) : (
            'A new text of this part, at the marking you choose below (one text per marking: a document prints the highest-marked text it may show).'
          )
        ) : (
          <>
            Editing version <strong>{base.version}</strong>, last changed {dateTime(base.updatedAt)}
            {base.updatedByName === null ? '' : ` by ${base.updatedByName}`} <MarkingBadge marking={base.marking} />
          </>
        )}
      </p>
      <div className="text-columns">
        <div>
          <label htmlFor={`${id}-body`}>Text (Markdown)</label>
          <textarea
            id={`${id}-body`}
            rows={18}
            value={body}
            readOnly={!mayEdit}
            aria-describedby={`${id}-help`}
            onChange={(e) => setBody(e.target.value)}
          />
          <p id={`${id}-help`} className="hint">
            Paragraphs, <code>## subsection</code> and <code>### minor</code> headings, <code>- </code> and{' '}
            <code>1. </code> lists, <code>**bold**</code>, <code>*italic*</code>, <code>&gt; quoted</code>, and
            footnotes for sources: <code>text[^1]</code> with <code>[^1]: the source</code> on its own line.
          </p>
        </div>
        <section aria-labelledby={`${id}-preview`} className="preview">
          <h3 id={`${id}-preview`}>Preview</h3>
          <MarkdownPreview body={body} part={entry.part} />
        </section>
      </div>
      {mayEdit && <MarkingSelect id={`${id}-marking`} value={marking} onChange={setMarking} />}
      {conflict !== undefined && (
        <div className="conflict" role="alert">
          <p className="error">{conflict.message}</p>
          <table>
            <caption>Your text beside the text as it is now (version {conflict.current.version})</caption>
            <thead>
              <tr>
                <th scope="col">Yours</th>
                <th scope="col">Now on the server</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className="pre">{body}</td>
                <td className="pre">{conflict.current.body}</td>
              </tr>
            </tbody>
          </table>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void save(conflict.current)}>
              Reapply my text to version {conflict.current.version}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => takeCurrent(conflict.current)}>
              Discard mine, use the current text
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <ErrorNote message={error} />}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      {mayEdit && (
        <div className="actions">
          <button type="submit" disabled={busy || conflict !== undefined}>
            Save the text
          </button>
        </div>
      )}
    </form>
  );
}
