/**
 * Two Police and Crime Plans side by side (the seed's Appendix 1): one group per pair of linked
 * themes, each row an objective of plan A beside the objective of plan B it is paired with, and
 * an objective with no partner on a row of its own. Pure: the store passes both plans and the
 * mapping in, so this is tested without a database.
 *
 * Decisions: groups follow plan A's theme order, then plan B's themes that no A theme links to.
 * A pair is shown in the group of its A objective (even when its B objective sits under a theme
 * not linked to it), so every objective appears exactly once. Within a group, A's order is kept,
 * and B's unpaired objectives are placed just before the first pair whose B objective comes after
 * them in B's order; when two plans list their objectives in matching order, as the seed's table
 * does, this gives back the table's rows.
 */

export interface PlanTheme {
  readonly id: number;
  readonly name: string;
}

export interface PlanObjectiveRef {
  readonly id: number;
  readonly themeId: number;
  readonly text: string;
}

/** A plan's themes and objectives, each in the plan's order. */
export interface PlanContents {
  readonly themes: readonly PlanTheme[];
  readonly objectives: readonly PlanObjectiveRef[];
}

export interface MappingLinks {
  readonly themeLinks: readonly { readonly themeA: number; readonly themeB: number }[];
  readonly pairs: readonly { readonly objectiveA: number; readonly objectiveB: number }[];
}

export interface ComparedObjective {
  readonly id: number;
  readonly theme: string;
  readonly text: string;
}

export interface ComparisonRow {
  readonly a: ComparedObjective | null;
  readonly b: ComparedObjective | null;
}

export interface ComparisonGroup {
  readonly themeA: string | null;
  readonly themeB: string | null;
  readonly rows: readonly ComparisonRow[];
}

/** The mapping read from B's side: compare B with A using a mapping made for A with B. */
export function invertLinks(links: MappingLinks): MappingLinks {
  return {
    themeLinks: links.themeLinks.map((l) => ({ themeA: l.themeB, themeB: l.themeA })),
    pairs: links.pairs.map((p) => ({ objectiveA: p.objectiveB, objectiveB: p.objectiveA })),
  };
}

export function comparePlans(a: PlanContents, b: PlanContents, links: MappingLinks): ComparisonGroup[] {
  const objA = new Map(a.objectives.map((o) => [o.id, o]));
  const objB = new Map(b.objectives.map((o) => [o.id, o]));
  // Links naming an objective or theme outside the plans given are ignored, not trusted.
  const partnerOfA = new Map(
    links.pairs
      .filter((p) => objA.has(p.objectiveA) && objB.has(p.objectiveB))
      .map((p) => [p.objectiveA, p.objectiveB]),
  );
  const pairedB = new Set(partnerOfA.values());
  const themeNameA = new Map(a.themes.map((t) => [t.id, t.name]));
  const themeNameB = new Map(b.themes.map((t) => [t.id, t.name]));
  const linkOfA = new Map(
    links.themeLinks
      .filter((l) => themeNameA.has(l.themeA) && themeNameB.has(l.themeB))
      .map((l) => [l.themeA, l.themeB]),
  );
  const positionB = new Map(b.objectives.map((o, i) => [o.id, i]));
  const shownA = (o: PlanObjectiveRef): ComparedObjective => ({
    id: o.id,
    theme: themeNameA.get(o.themeId) ?? '',
    text: o.text,
  });
  const shownB = (o: PlanObjectiveRef): ComparedObjective => ({
    id: o.id,
    theme: themeNameB.get(o.themeId) ?? '',
    text: o.text,
  });

  const groups: ComparisonGroup[] = a.themes.map((theme) => {
    const themeB = linkOfA.get(theme.id);
    const pending = themeB === undefined ? [] : b.objectives.filter((o) => o.themeId === themeB && !pairedB.has(o.id));
    const rows: ComparisonRow[] = [];
    for (const o of a.objectives.filter((x) => x.themeId === theme.id)) {
      const partner = objB.get(partnerOfA.get(o.id) ?? -1);
      if (partner !== undefined && partner.themeId === themeB) {
        const at = positionB.get(partner.id) ?? 0;
        while (pending.length > 0 && (positionB.get(pending[0]!.id) ?? 0) < at)
          rows.push({ a: null, b: shownB(pending.shift()!) });
      }
      rows.push({ a: shownA(o), b: partner === undefined ? null : shownB(partner) });
    }
    for (const rest of pending) rows.push({ a: null, b: shownB(rest) });
    return { themeA: theme.name, themeB: themeB === undefined ? null : (themeNameB.get(themeB) ?? null), rows };
  });
  const linkedB = new Set(linkOfA.values());
  for (const theme of b.themes.filter((t) => !linkedB.has(t.id))) {
    const rows = b.objectives
      .filter((o) => o.themeId === theme.id && !pairedB.has(o.id))
      .map((o) => ({ a: null, b: shownB(o) }));
    groups.push({ themeA: null, themeB: theme.name, rows });
  }
  return groups;
}

export interface ComparisonCounts {
  readonly pairs: number;
  readonly onlyA: number;
  readonly onlyB: number;
}

export function countComparison(groups: readonly ComparisonGroup[]): ComparisonCounts {
  const rows = groups.flatMap((g) => g.rows);
  return {
    pairs: rows.filter((r) => r.a !== null && r.b !== null).length,
    onlyA: rows.filter((r) => r.b === null).length,
    onlyB: rows.filter((r) => r.a === null).length,
  };
}
