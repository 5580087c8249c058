/**
 * Mapping two plans onto each other in the browser (the seed's Appendix 1): making the mapping
 * (who holds it, a title, its marking, at least the higher of the two plans'), then linking a
 * theme of the first plan to a theme of the second, and pairing an objective of the first with the
 * one it matches in the second; and undoing a link or a pair already made. Each change is sent with
 * the mapping's version; a 409 says someone else changed the mapping meanwhile and keeps the
 * choice to send again.
 */
import { useId, useState, type FormEvent } from 'react';
import { MARKINGS } from '../../../../domain/marking.js';
import { api } from '../../../api';
import { ErrorNote } from '../../../components/Status';
import { MarkingSelect } from '../../../components/MarkingSelect';
import { useApi } from '../../../use-api';
import { useOrganisations } from '../../../use-organisations';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type {
  Marking,
  NewPlanMapping,
  Plan,
  PlanMapping,
  PlanMappingWithLinks,
  PlanPairRequest,
  PlanThemeLinkRequest,
  PlanWithObjectives,
} from '../../../../api/index.js';

export function NewMappingForm({
  planA,
  planB,
  organisations,
  onAdded,
}: {
  planA: Plan;
  planB: Plan;
  organisations: readonly string[];
  onAdded: () => void;
}) {
  const id = useId();
  const { nameOf } = useOrganisations();
  const [organisationId, setOrganisationId] = useState(organisations[0] ?? '');
  const [title, setTitle] = useState(`${planA.title} and ${planB.title}`);
  // At least the higher of the two plans' markings, as the server requires.
  const [marking, setMarking] = useState<Marking>(
    MARKINGS[Math.max(MARKINGS.indexOf(planA.marking), MARKINGS.indexOf(planB.marking))] ?? 'OFFICIAL',
  );
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post<PlanMapping>('/plan-mappings', {
        planAId: planA.id,
        planBId: planB.id,
        organisationId,
        title,
        marking,
      } satisfies NewPlanMapping);
      onAdded();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Map these two plans</h3>
      <label htmlFor={`${id}-org`}>Mapping held by</label>
      <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
        {organisations.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-title`}>Title of the comparison</label>
      <input id={`${id}-title`} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <MarkingSelect id={`${id}-marking`} value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      <div className="form-row">
        <button type="submit" disabled={busy}>
          Make the mapping
        </button>
      </div>
    </form>
  );
}

/** Theme links and objective pairs of a mapping, in its own orientation (plan A, plan B). */
export function MappingLinkForms({ mapping, onSaved }: { mapping: PlanMapping; onSaved: () => void }) {
  const id = useId();
  const a = useApi<PlanWithObjectives>(`/plans/${mapping.planAId}`);
  const b = useApi<PlanWithObjectives>(`/plans/${mapping.planBId}`);
  const links = useApi<PlanMappingWithLinks>(`/plan-mappings/${mapping.id}`);
  const [themeA, setThemeA] = useState('');
  const [themeB, setThemeB] = useState('');
  const [objectiveA, setObjectiveA] = useState(0);
  const [objectiveB, setObjectiveB] = useState(0);
  const themeSubmit = useVersionedSubmit<PlanMappingWithLinks>(() => links.reload());
  const pairSubmit = useVersionedSubmit<PlanMappingWithLinks>(() => links.reload());
  const undoSubmit = useVersionedSubmit<PlanMappingWithLinks>(() => links.reload());
  if (a.data === undefined || b.data === undefined || links.data === undefined) return null;
  const [pa, pb, m] = [a.data, b.data, links.data];
  const objectives = (p: PlanWithObjectives) =>
    p.themes.flatMap((t) =>
      t.objectives.map((o) => (
        <option key={o.id} value={o.id}>
          {t.name}: {o.text}
        </option>
      )),
    );
  const done = () => {
    links.reload();
    onSaved();
  };
  const link = async (e: FormEvent) => {
    e.preventDefault();
    if (themeA === '' || themeB === '') return themeSubmit.fail('Choose a theme of each plan.');
    if (
      await themeSubmit.run(
        () =>
          api.post(`/plan-mappings/${m.id}/theme-links`, {
            expectedVersion: m.version,
            themeA,
            themeB,
          } satisfies PlanThemeLinkRequest),
        `Linked “${themeA}” with “${themeB}”.`,
      )
    )
      done();
  };
  const pair = async (e: FormEvent) => {
    e.preventDefault();
    if (objectiveA === 0 || objectiveB === 0) return pairSubmit.fail('Choose an objective of each plan.');
    if (
      await pairSubmit.run(
        () =>
          api.post(`/plan-mappings/${m.id}/pairs`, {
            expectedVersion: m.version,
            objectiveA,
            objectiveB,
          } satisfies PlanPairRequest),
        'Objectives paired.',
      )
    )
      done();
  };
  const undo = async (path: string, message: string) => {
    if (await undoSubmit.run(() => api.del(`/plan-mappings/${m.id}/${path}?expectedVersion=${m.version}`), message))
      done();
  };
  return (
    <>
      <section className="update-form" aria-labelledby={`${id}-uh`}>
        <h3 id={`${id}-uh`}>Links and pairs made</h3>
        <ConflictNote submit={undoSubmit} what="mapping" />
        {m.themeLinks.length === 0 && m.pairs.length === 0 && (
          <p className="empty">No themes linked or objectives paired yet.</p>
        )}
        {m.themeLinks.length > 0 && (
          <ul aria-label="Linked themes">
            {m.themeLinks.map((l) => (
              <li key={l.id}>
                “{l.themeA}” with “{l.themeB}”{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={undoSubmit.saving}
                  aria-label={`Unlink “${l.themeA}” from “${l.themeB}”`}
                  onClick={() => void undo(`theme-links/${l.themeAId}`, `Unlinked “${l.themeA}”.`)}
                >
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        )}
        {m.pairs.length > 0 && (
          <details>
            <summary>{m.pairs.length} pairs of objectives: open to unpair one</summary>
            <ul aria-label="Paired objectives">
              {m.pairs.map((pr) => (
                <li key={pr.id}>
                  “{pr.objectiveA.text}” with “{pr.objectiveB.text}”{' '}
                  <button
                    type="button"
                    className="secondary"
                    disabled={undoSubmit.saving}
                    aria-label={`Unpair “${pr.objectiveA.text}” from “${pr.objectiveB.text}”`}
                    onClick={() => void undo(`pairs/${pr.objectiveA.id}`, `Unpaired “${pr.objectiveA.text}”.`)}
                  >
                    Unpair
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <FormOutcome submit={undoSubmit} />
      </section>
      <form className="update-form" onSubmit={(e) => void link(e)} aria-labelledby={`${id}-th`}>
        <h3 id={`${id}-th`}>Link a theme</h3>
        <ConflictNote submit={themeSubmit} what="mapping" />
        <div className="form-row">
          <label>
            Theme of {pa.title}
            <select value={themeA} onChange={(e) => setThemeA(e.target.value)}>
              <option value="">Choose…</option>
              {pa.themes.map((t) => (
                <option key={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
          <label>
            Theme of {pb.title}
            <select value={themeB} onChange={(e) => setThemeB(e.target.value)}>
              <option value="">Choose…</option>
              {pb.themes.map((t) => (
                <option key={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={themeSubmit.saving}>
            Link themes
          </button>
        </div>
        <FormOutcome submit={themeSubmit} />
      </form>
      <form className="update-form" onSubmit={(e) => void pair(e)} aria-labelledby={`${id}-ph`}>
        <h3 id={`${id}-ph`}>Pair two objectives</h3>
        <ConflictNote submit={pairSubmit} what="mapping" />
        <label htmlFor={`${id}-oa`}>Objective of {pa.title}</label>
        <select id={`${id}-oa`} value={objectiveA} onChange={(e) => setObjectiveA(Number(e.target.value))}>
          <option value={0}>Choose…</option>
          {objectives(pa)}
        </select>
        <label htmlFor={`${id}-ob`}>The objective of {pb.title} it matches</label>
        <select id={`${id}-ob`} value={objectiveB} onChange={(e) => setObjectiveB(Number(e.target.value))}>
          <option value={0}>Choose…</option>
          {objectives(pb)}
        </select>
        <div className="form-row">
          <button type="submit" disabled={pairSubmit.saving}>
            Pair objectives
          </button>
        </div>
        <FormOutcome submit={pairSubmit} />
      </form>
    </>
  );
}
