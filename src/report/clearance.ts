/**
 * Building for a clearance: the document is built as the acting user with their clearance capped
 * at the one asked for, so every read goes through the store's own policy-enforcing path and
 * returns only records at or below it. Why cap the actor rather than filter afterwards: no report
 * code ever holds a record the document may not contain, so none can leak into it by mistake.
 */
import { markingRank, type Marking } from '../domain/marking.js';
import type { Actor } from '../store/index.js';

export function cappedActor(actor: Actor, clearance: Marking): Actor {
  return markingRank(clearance) < markingRank(actor.clearance) ? { ...actor, clearance } : actor;
}

/** Counts records the builder can see but the capped build cannot, by marking: "2 OFFICIAL-SENSITIVE". */
export function hiddenCount(
  all: ReadonlyArray<{ readonly id: number; readonly marking: Marking }>,
  shown: ReadonlyArray<{ readonly id: number }>,
): { count: number; byMarking: string; counts: Array<[Marking, number]>; ids: number[] } {
  const visible = new Set(shown.map((r) => r.id));
  const hidden = all.filter((r) => !visible.has(r.id));
  const counts = new Map<Marking, number>();
  for (const r of hidden) counts.set(r.marking, (counts.get(r.marking) ?? 0) + 1);
  return {
    count: hidden.length,
    byMarking: [...counts.entries()].map(([m, n]) => `${n} ${m}`).join(', '),
    counts: [...counts.entries()],
    ids: hidden.map((r) => r.id).sort((a, b) => a - b),
  };
}
