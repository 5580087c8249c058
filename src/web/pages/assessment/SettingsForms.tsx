/**
 * An assessment's settings in the browser (issue 14, migration 021): on the Document page, the
 * title and the organisation name its title page prints (blank: the assessment's title and the
 * organisation's name, or the workspace's document.json); on the Control Strategy page, the
 * headings its actions are written under (prevention, intelligence, enforcement, reassurance by
 * default), one per line. Only the assessment organisation's admin or analyst sees the forms; each
 * is sent with the version read, and a 409 brings the current settings in, keeping what was written.
 */
import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useSession } from '../../session';
import { useApi } from '../../use-api';
import { ConflictNote, FormOutcome } from '../registers/shared/FormStatus';
import { useVersionedSubmit } from '../registers/shared/useVersionedSubmit';
import { mayEditIn } from './can-edit';
import { headingIdOf } from '../../../domain/morile/headings.js';
import type { Assessment, AssessmentSettingsAnswer, AssessmentSettingsWrite } from '../../../api/index.js';

function useSettings(assessmentId: string) {
  const settings = useApi<AssessmentSettingsAnswer>(`/assessments/${assessmentId}/settings`);
  const assessment = useApi<Assessment>(`/assessments/${assessmentId}`);
  const { me } = useSession();
  const mayEdit = assessment.data !== undefined && mayEditIn(me, assessment.data.organisationId);
  return { settings, assessment: assessment.data, mayEdit };
}

export function TitlePageForm({ assessmentId }: { assessmentId: string }) {
  const { settings, assessment, mayEdit } = useSettings(assessmentId);
  if (settings.data === undefined || assessment === undefined) return null;
  if (!mayEdit)
    return (
      <p className="method">
        Title page: {settings.data.documentTitle ?? assessment.title}
        {settings.data.documentOrganisation !== null && `, ${settings.data.documentOrganisation}`}.
      </p>
    );
  return <TitleForm current={settings.data} assessment={assessment} />;
}

function TitleForm({ current: initial, assessment }: { current: AssessmentSettingsAnswer; assessment: Assessment }) {
  const id = useId();
  const [current, setCurrent] = useState(initial);
  const [title, setTitle] = useState(initial.documentTitle ?? '');
  const [organisation, setOrganisation] = useState(initial.documentOrganisation ?? '');
  const submit = useVersionedSubmit<AssessmentSettingsAnswer>(setCurrent);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    // The answer is the new version: the form stays as written, with its outcome shown.
    await submit.run(async () => {
      setCurrent(
        await api.put<AssessmentSettingsAnswer>(`/assessments/${assessment.id}/settings`, {
          expectedVersion: current.version,
          documentTitle: title.trim() === '' ? null : title.trim(),
          documentOrganisation: organisation.trim() === '' ? null : organisation.trim(),
        } satisfies AssessmentSettingsWrite),
      );
    }, 'Title page saved: the next document built prints it.');
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Title page</h2>
      <ConflictNote submit={submit} what="title page" />
      <label htmlFor={`${id}-title`}>Document title</label>
      <input
        id={`${id}-title`}
        value={title}
        maxLength={300}
        placeholder={assessment.title}
        aria-describedby={`${id}-help`}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${id}-org`}>Organisation printed above it</label>
      <input
        id={`${id}-org`}
        value={organisation}
        maxLength={200}
        placeholder="the organisation's name"
        aria-describedby={`${id}-help`}
        onChange={(e) => setOrganisation(e.target.value)}
      />
      <p id={`${id}-help`} className="hint">
        Blank: the assessment&apos;s title and the organisation&apos;s name. Kept with this assessment, marked like it.
      </p>
      <FormOutcome submit={submit} />
      <div className="actions">
        <button type="submit" disabled={submit.saving}>
          {submit.conflict === undefined ? 'Save the title page' : 'Save my title page over the current one'}
        </button>
      </div>
    </form>
  );
}

export function HeadingsForm({
  assessmentId,
  approved,
  onSaved,
}: {
  assessmentId: string;
  approved: boolean;
  onSaved: () => void;
}) {
  const { settings, mayEdit } = useSettings(assessmentId);
  if (settings.data === undefined || !mayEdit || approved) return null;
  return <HeadingsEditor assessmentId={assessmentId} initial={settings.data} onSaved={onSaved} />;
}

const DEFAULT_LABELS = ['Prevention', 'Intelligence', 'Enforcement', 'Reassurance'];

function HeadingsEditor({
  assessmentId,
  initial,
  onSaved,
}: {
  assessmentId: string;
  initial: AssessmentSettingsAnswer;
  onSaved: () => void;
}) {
  const id = useId();
  const [current, setCurrent] = useState(initial);
  const [lines, setLines] = useState((initial.strategyHeadings?.map((h) => h.label) ?? DEFAULT_LABELS).join('\n'));
  const submit = useVersionedSubmit<AssessmentSettingsAnswer>(setCurrent);
  const send = async (e: FormEvent, reset = false) => {
    e.preventDefault();
    const labels = lines
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (!reset && labels.length === 0) return submit.fail('Give at least one heading.');
    const ok = await submit.run(async () => {
      const saved = await api.put<AssessmentSettingsAnswer>(`/assessments/${assessmentId}/settings`, {
        expectedVersion: current.version,
        strategyHeadings: reset ? null : labels.map((label) => ({ id: headingIdOf(label), label })),
      } satisfies AssessmentSettingsWrite);
      setCurrent(saved);
      if (reset) setLines(DEFAULT_LABELS.join('\n'));
    }, 'Headings saved.');
    if (ok) onSaved();
  };
  return (
    <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Headings of the plans</h2>
      <ConflictNote submit={submit} what="set of headings" />
      <label htmlFor={`${id}-lines`}>Headings, one per line</label>
      <textarea
        id={`${id}-lines`}
        rows={5}
        value={lines}
        aria-describedby={`${id}-help`}
        onChange={(e) => setLines(e.target.value)}
      />
      <p id={`${id}-help`} className="hint">
        Each priority&apos;s actions are written under these, for this assessment and next year&apos;s. Up to 8. Actions
        written under a heading you remove are kept, and shown again if you bring it back.
      </p>
      <FormOutcome submit={submit} />
      <div className="actions">
        <button type="submit" disabled={submit.saving}>
          Save the headings
        </button>
        {current.strategyHeadings !== null && (
          <button type="button" className="secondary" disabled={submit.saving} onClick={(e) => void send(e, true)}>
            Back to the default headings
          </button>
        )}
      </div>
    </form>
  );
}
