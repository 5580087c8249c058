/**
 * Appendix: the Police and Crime Plans side by side (the seed's Appendix 1): for each pair of
 * plans an analyst has mapped, one row per objective of the first plan beside the objective of
 * the second it is paired with, grouped by linked themes; an objective with no partner stands on
 * its own row. With no mapping, each plan the build may show is listed by theme.
 */
import {
  getPlan,
  listPlanMappings,
  listPlans,
  planComparison,
  type Plan,
  type PlanMappedThreat,
} from '../../store/index.js';
import { isTaxonomyId, taxonomyEntry } from '../../domain/priorities/taxonomy.js';
import type { BuildContext } from '../context.js';
import type { LogBook } from '../build-log.js';
import { cell, para, text, traced, type Block, type TableCell } from '../model.js';
import { omit, type Part } from './part.js';
import { plural } from '../../domain/plural.js';

export const plans: Part = {
  id: 'plans',
  title: 'Police and Crime Plans side by side',
  async build(ctx, log) {
    const all = await listPlans(ctx.store, ctx.actor);
    const hidden = (await listPlans(ctx.store, ctx.builder)).length - all.length;
    if (hidden > 0)
      log.withheld(
        'Police and Crime Plans',
        `${plural(hidden, 'plan')} above the build's clearance ${ctx.clearance} left out.`,
      );
    if (all.length === 0)
      return omit('no Police and Crime Plans recorded that the build may show (stra plan add / import)');
    const blocks: Block[] = [];
    const compared = new Set<number>();
    for (const mapping of await listPlanMappings(ctx.store, ctx.actor)) {
      const c = await planComparison(ctx.store, ctx.actor, mapping.planAId, mapping.planBId, mapping.id);
      compared.add(c.planA.id).add(c.planB.id);
      ctx.markings.add(c.marking);
      const rows: TableCell[][] = [];
      for (const g of c.groups) {
        rows.push([
          cell(g.themeA ?? '', { bold: true, fill: '#e8eef5' }),
          cell(g.themeB ?? '', { bold: true, fill: '#e8eef5' }),
        ]);
        for (const r of g.rows) rows.push([cell(r.a?.text ?? ''), cell(r.b?.text ?? '')]);
      }
      const who = (p: typeof c.planA) => `${p.title}${p.commissioner ? ` (${p.commissioner})` : ''}`;
      blocks.push(
        para(
          text(
            `Key objectives of ${who(c.planA)} and ${who(c.planB)}, ${c.planA.period}: objectives that serve the same end are on the same row.`,
          ),
        ),
        {
          kind: 'table',
          id: ctx.anchors.make(`table-plans-${c.planA.id}-${c.planB.id}`),
          caption: `${c.planA.title} and ${c.planB.title}: key objectives side by side`,
          columns: [
            { header: c.planA.title, align: 'left', width: 1 },
            { header: c.planB.title, align: 'left', width: 1 },
          ],
          rows,
        },
      );
      const trace = log.figure(
        `Table: plans ${c.planA.id} and ${c.planB.id} side by side`,
        `${c.groups.length} theme groups; marked ${c.marking}`,
        {
          call: 'planComparison',
          query: { planAId: c.planA.id, planBId: c.planB.id, mappingId: mapping.id },
          records: `plans ${c.planA.id}, ${c.planB.id}, mapping ${mapping.id}`,
        },
      );
      blocks.splice(0, blocks.length, ...traced(blocks, trace));
    }
    for (const plan of all.filter((p) => !compared.has(p.id))) {
      const full = await getPlan(ctx.store, ctx.actor, plan.id);
      ctx.markings.add(full.marking);
      blocks.push({
        kind: 'table',
        id: ctx.anchors.make(`table-plan-${plan.id}`),
        caption: `${plan.title} (${plan.period}): objectives by theme`,
        columns: [{ header: 'Objective', align: 'left' }],
        rows: full.themes.flatMap((t) => [
          [cell(t.name, { bold: true, fill: '#e8eef5' })],
          ...t.objectives.map((o) => [cell(o.text)]),
        ]),
      });
      const trace = log.figure(`Table: plan ${plan.id}`, `${plural(full.themes.length, 'theme')}`, {
        call: 'getPlan',
        query: { planId: plan.id },
        records: `plan ${plan.id}`,
      });
      blocks.splice(0, blocks.length, ...traced(blocks, trace));
    }
    blocks.push(...(await objectiveMapTables(ctx, log, all)));
    return { blocks };
  },
};

/**
 * Each plan's objectives mapped onto the headings of the partners' priorities and onto threats
 * (migration 019), one table per plan that has any map: the plan read against the partners and the
 * Control Strategy. A threat is named only when the build may see it (objectiveMaps leaves the
 * others out); a threat of another assessment says so.
 */
async function objectiveMapTables(ctx: BuildContext, log: LogBook, all: readonly Plan[]): Promise<Block[]> {
  const out: Block[] = [];
  for (const plan of all) {
    const full = await getPlan(ctx.store, ctx.actor, plan.id);
    const mapped = full.themes.flatMap((t) =>
      t.objectives.filter((o) => o.priorities.length > 0 || o.threats.length > 0).map((o) => ({ theme: t.name, o })),
    );
    if (mapped.length === 0) continue;
    ctx.markings.add(full.marking);
    const headings = (ids: readonly string[]) =>
      ids.map((id) => (isTaxonomyId(id) ? taxonomyEntry(id).label : id)).join('; ');
    const threats = (list: readonly PlanMappedThreat[]) =>
      list.map((t) => (t.assessmentId === ctx.assessment.id ? t.name : `${t.name} (another assessment)`)).join('; ');
    const table: Block = {
      kind: 'table',
      id: ctx.anchors.make(`table-plan-maps-${plan.id}`),
      caption: `${plan.title} (${plan.period}): objectives mapped onto the partners' priorities and the threats`,
      columns: [
        { header: 'Objective', align: 'left', width: 2 },
        { header: "Partners' priorities", align: 'left', width: 1 },
        { header: 'Threats', align: 'left', width: 1 },
      ],
      rows: mapped.map(({ theme, o }) => [
        cell(`${o.text} (${theme})`),
        cell(headings(o.priorities) || 'none'),
        cell(threats(o.threats) || 'none'),
      ]),
    };
    const trace = log.figure(
      `Table: plan ${plan.id} objective maps`,
      `${plural(mapped.length, 'objective')} mapped; marked ${full.marking}`,
      { call: 'getPlan', query: { planId: plan.id }, records: `plan ${plan.id}, its objective maps` },
    );
    out.push(
      para(
        text(
          `How the objectives of ${plan.title} map onto the headings of the partners' priorities and onto the threats assessed:`,
        ),
      ),
      ...traced([table], trace),
    );
  }
  return out;
}
