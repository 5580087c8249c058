/**
 * Blind scoring: each assessor scores a threat independently, so while an assessment is open
 * (not approved), someone who is scoring it (has submitted at least one score of their own, as
 * assessor = their username) is not shown the combined result, rank, movement or sensitivity of
 * a threat they have not scored yet. People who are not scoring (approvers, readers) see all.
 * One rule on every path that shows results: the combined view, direction of travel, sensitivity
 * and the Control Strategy (issue 13, defect 6: its bands and ranks showed every threat).
 */
import type { CombinedView, ControlStrategyView, DirectionView, Store, Actor } from '../store/index.js';
import { getAssessment, listScores, listThreats } from '../store/index.js';
import { StraError } from '../errors.js';

/** The threats whose results are withheld from the actor in this assessment (often none). */
export async function withheldThreats(store: Store, actor: Actor, assessmentId: number): Promise<ReadonlySet<number>> {
  const assessment = await getAssessment(store, actor, assessmentId);
  if (assessment.status === 'approved') return new Set();
  const mine = new Set(
    (await listScores(store, actor, { assessmentId }))
      .filter((s) => s.assessor === actor.username)
      .map((s) => s.threatId),
  );
  if (mine.size === 0) return new Set();
  return new Set((await listThreats(store, actor, { assessmentId })).map((t) => t.id).filter((id) => !mine.has(id)));
}

export interface BlindCombinedView extends CombinedView {
  /** Threats scored by others whose results wait until the actor submits their own score. */
  readonly withheld: ReadonlyArray<{ readonly threatId: number; readonly name: string }>;
}

/** The combined view without the withheld threats; ranks are renumbered over what is shown. */
export function blindCombined(view: CombinedView, withheld: ReadonlySet<number>): BlindCombinedView {
  if (withheld.size === 0) return { ...view, withheld: [] };
  const shown = view.entries.filter((e) => !withheld.has(e.threatId));
  const hidden = view.entries
    .filter((e) => withheld.has(e.threatId))
    .map((e) => ({ threatId: e.threatId, name: e.name }));
  const rankOf = new Map(shown.map((e, i) => [e.threatId, i + 1]));
  return {
    ...view,
    entries: shown.map((e) => ({ ...e, rank: rankOf.get(e.threatId) ?? e.rank })),
    ranked: view.ranked
      .filter((r) => !withheld.has(Number(r.threatId)))
      .map((r) => ({ ...r, rank: rankOf.get(Number(r.threatId)) ?? r.rank })),
    withheld: hidden,
  };
}

export function blindDirection(view: DirectionView, withheld: ReadonlySet<number>): DirectionView {
  return withheld.size === 0
    ? view
    : { ...view, directions: view.directions.filter((d) => !withheld.has(Number(d.threatId))) };
}

/**
 * The Control Strategy without the withheld threats: their entries (band, rank, priority) are
 * left out under every heading and the ranks renumbered over what is shown; `withheld` names them.
 */
export function blindStrategy(
  view: ControlStrategyView,
  withheld: ReadonlySet<number>,
): ControlStrategyView & { readonly withheld: ReadonlyArray<{ readonly threatId: number; readonly name: string }> } {
  if (withheld.size === 0) return { ...view, withheld: [] };
  const s = view.strategy;
  const all = [...s.priorities, ...s.intelligenceRequirements, ...s.businessAsUsual];
  const hidden = all.filter((e) => withheld.has(Number(e.threatId)));
  const shownRanks = all
    .filter((e) => !withheld.has(Number(e.threatId)))
    .map((e) => e.rank)
    .sort((a, b) => a - b);
  const rankOf = new Map(shownRanks.map((r, i) => [r, i + 1]));
  const keep = (entries: typeof s.priorities) =>
    entries.filter((e) => !withheld.has(Number(e.threatId))).map((e) => ({ ...e, rank: rankOf.get(e.rank) ?? e.rank }));
  return {
    ...view,
    strategy: {
      ...s,
      priorities: keep(s.priorities),
      intelligenceRequirements: keep(s.intelligenceRequirements),
      businessAsUsual: keep(s.businessAsUsual),
    },
    withheld: hidden.map((e) => ({ threatId: Number(e.threatId), name: e.name })),
  };
}

/**
 * Scores as a scoring assessor may read them: other assessors' scores of a withheld threat are
 * left out (their values would tell the result); the actor's own scores are always shown.
 */
export function blindScores<S extends { readonly threatId: number; readonly assessor: string }>(
  scores: readonly S[],
  withheld: ReadonlySet<number>,
  actor: Actor,
): S[] {
  return scores.filter((s) => s.assessor === actor.username || !withheld.has(s.threatId));
}

/** Refuses, in the same words on every path, to show the rank of a withheld threat. */
export function refuseWithheld(
  threat: { readonly id: number; readonly name: string },
  withheld: ReadonlySet<number>,
): void {
  if (withheld.has(threat.id))
    throw new StraError(
      'FORBIDDEN',
      `The rank of "${threat.name}" is withheld until you submit your own score for it.`,
    );
}
