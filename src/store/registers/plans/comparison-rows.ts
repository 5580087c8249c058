/**
 * Entering a comparison of two plans one row at a time, as a sheet like the seed's Appendix 1
 * lays it out: a heading row names a theme of each plan (and links them), an objective row holds
 * an objective of plan A, of plan B, or of both (a pair). Built on the plans register's own
 * repository functions, so every rule (marking, role, version, audit) applies; each row is one
 * transaction, or part of the caller's (`atomically`), so a whole sheet stores all or nothing.
 *
 * Decisions: what is already there (an objective under that theme, the same pair, the same link)
 * is left as it is, so entering a sheet twice changes nothing; a row that contradicts the mapping
 * (an objective already paired with another, a theme already linked to another) is refused.
 */
import { inputError } from '../../../errors.js';
import type { Actor } from '../../core/actor.js';
import { addPlanObjective, getPlan } from './writes.js';
import { getPlanMapping, linkPlanThemes, pairPlanObjectives } from './mappings.js';
import { atomically, type Store } from '../../core/store.js';

export interface PlanComparisonSheetRow {
  readonly themeA?: string | undefined;
  readonly objectiveA?: string | undefined;
  readonly themeB?: string | undefined;
  readonly objectiveB?: string | undefined;
}

export type PlanComparisonEntered = 'added' | 'found' | null;

export interface PlanComparisonRowResult {
  readonly objectiveA: PlanComparisonEntered;
  readonly objectiveB: PlanComparisonEntered;
  readonly pair: PlanComparisonEntered;
  readonly themeLink: PlanComparisonEntered;
}

const given = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? undefined : v.trim();

export async function enterPlanComparisonRow(
  store: Store,
  actor: Actor,
  mappingId: number,
  row: PlanComparisonSheetRow,
): Promise<PlanComparisonRowResult> {
  const [themeA, objectiveA, themeB, objectiveB] = [
    given(row.themeA),
    given(row.objectiveA),
    given(row.themeB),
    given(row.objectiveB),
  ];
  return atomically(store, async (s) => {
    const mapping = await getPlanMapping(s, actor, mappingId);
    if (objectiveA === undefined && objectiveB === undefined) {
      if (themeA === undefined || themeB === undefined)
        return { objectiveA: null, objectiveB: null, pair: null, themeLink: null };
      if (mapping.themeLinks.some((l) => l.themeA === themeA && l.themeB === themeB))
        return { objectiveA: null, objectiveB: null, pair: null, themeLink: 'found' };
      await linkPlanThemes(s, actor, mapping.id, mapping.version, { themeA, themeB });
      return { objectiveA: null, objectiveB: null, pair: null, themeLink: 'added' };
    }
    const a =
      objectiveA === undefined
        ? undefined
        : await ensureObjective(s, actor, mapping.planAId, 'theme_a', themeA, objectiveA);
    const b =
      objectiveB === undefined
        ? undefined
        : await ensureObjective(s, actor, mapping.planBId, 'theme_b', themeB, objectiveB);
    let pair: PlanComparisonEntered = null;
    if (a !== undefined && b !== undefined) {
      const same = mapping.pairs.some((p) => p.objectiveA.id === a.id && p.objectiveB.id === b.id);
      if (!same)
        await pairPlanObjectives(s, actor, mapping.id, mapping.version, { objectiveA: a.id, objectiveB: b.id });
      pair = same ? 'found' : 'added';
    }
    return { objectiveA: a?.entered ?? null, objectiveB: b?.entered ?? null, pair, themeLink: null };
  });
}

async function ensureObjective(
  s: Store,
  actor: Actor,
  planId: number,
  field: string,
  theme: string | undefined,
  text: string,
): Promise<{ id: number; entered: PlanComparisonEntered }> {
  if (theme === undefined) throw inputError(`the objective "${text}" needs its theme (${field})`);
  const plan = await getPlan(s, actor, planId);
  const found = plan.themes.find((t) => t.name === theme)?.objectives.find((o) => o.text === text);
  if (found !== undefined) return { id: found.id, entered: 'found' };
  const { objective } = await addPlanObjective(s, actor, planId, plan.version, { theme, text });
  return { id: objective.id, entered: 'added' };
}
