/**
 * Appendix: partners' priorities side by side (the seed's CSP priority tables), on one taxonomy,
 * with each partner's congruence with the alliance priorities of this assessment. Columns are
 * split into tables by force area (a partner without a parent joins the area of the column before
 * it, as the seed's county columns do), at most six to a table so each fits a portrait page.
 */
import {
  listOrganisations,
  priorityCongruence,
  priorityMatrix,
  priorityPeriods,
  type PriorityMatrixView,
} from '../../store/index.js';
import { taxonomyEntry } from '../../domain/priorities/taxonomy.js';
import { cell, method, para, text, traced, type Block } from '../model.js';
import { omit, visibleOrNull, type Part } from './part.js';
import type { BuildContext } from '../context.js';
import type { LogBook } from '../build-log.js';
import { plural } from '../../domain/plural.js';

const MAX_COLUMNS = 6;

export const partnerPriorities: Part = {
  id: 'partner-priorities',
  title: "Partners' priorities",
  async build(ctx, log) {
    const periods = (await priorityPeriods(ctx.store, ctx.actor)).filter((p) => p <= ctx.assessment.period);
    const period = periods.at(-1);
    if (period === undefined)
      return omit(
        `no partners' priorities for ${ctx.assessment.period} or earlier that the build may show (stra priority add / import)`,
      );
    const matrix = await priorityMatrix(ctx.store, ctx.actor, { period });
    if (matrix.columns.length === 0) return omit(`no partners' priorities for ${period}`);
    ctx.markings.add(matrix.marking);
    const orgs = new Map((await listOrganisations(ctx.store)).map((o) => [o.id, o]));
    const blocks: Block[] = [
      para(
        text(
          `The priorities of ${plural(matrix.columns.length, 'partner')} for ${period}, each in the partner's own words, placed on one list of headings so that shared priorities line up.`,
        ),
      ),
    ];
    for (const group of columnGroups(matrix, orgs)) {
      const area = orgs.get(group.family)?.name;
      const rows = matrix.rows
        .map((r) => [cell(r.label, { bold: true }), ...group.columns.map((i) => cell((r.cells[i] ?? []).join('; ')))])
        .filter((r) => r.slice(1).some((c) => c.runs.some((x) => 'text' in x && x.text !== '')));
      blocks.push({
        kind: 'table',
        id: ctx.anchors.make(`table-priorities-${group.family}`),
        caption: `Partners' priorities ${period}${area ? `: ${area} area` : ''}`,
        columns: [
          { header: 'Heading', align: 'left', width: 2.2 },
          ...group.columns.map((i) => ({ header: matrix.columns[i]!.label, align: 'left' as const, width: 2 })),
        ],
        rows,
        compact: group.columns.length > 4,
      });
      const notes = group.columns.flatMap((i) =>
        matrix.columns[i]!.notes.map((n) => `${matrix.columns[i]!.label}: ${n}`),
      );
      if (notes.length > 0) blocks.push(method(text(notes.join(' '))));
    }
    const trace = log.figure(
      `Tables: partners' priorities ${period}`,
      `${plural(matrix.columns.length, 'partner')}, ${plural(matrix.rows.length, 'heading')}; marked ${matrix.marking}`,
      {
        call: 'priorityMatrix',
        query: { period },
        records: `partners' priorities of ${period} (${plural(matrix.columns.length, 'partner')})`,
      },
    );
    return { blocks: [...traced(blocks, trace), ...(await congruenceBlocks(ctx, log))] };
  },
};

function columnGroups(
  matrix: PriorityMatrixView,
  orgs: ReadonlyMap<string, { parentId: string | null; kind: string }>,
): Array<{ family: string; columns: number[] }> {
  const families: Array<{ family: string; columns: number[] }> = [];
  let last = '';
  matrix.columns.forEach((c, i) => {
    const org = orgs.get(c.id);
    const family = org?.kind === 'csp' && org.parentId !== null ? org.parentId : last || c.id;
    last = family;
    const open = families.find((f) => f.family === family);
    if (open) open.columns.push(i);
    else families.push({ family, columns: [i] });
  });
  return families.flatMap((f) => {
    const parts = Math.ceil(f.columns.length / MAX_COLUMNS);
    const size = Math.ceil(f.columns.length / parts);
    return Array.from({ length: parts }, (_, k) => ({
      family: f.family,
      columns: f.columns.slice(k * size, (k + 1) * size),
    }));
  });
}

async function congruenceBlocks(ctx: BuildContext, log: LogBook): Promise<Block[]> {
  const view = await visibleOrNull(() => priorityCongruence(ctx.store, ctx.actor, ctx.assessment.id));
  if (view === null) {
    const above = (await visibleOrNull(() => priorityCongruence(ctx.store, ctx.builder, ctx.assessment.id))) !== null;
    (above ? log.withheld.bind(log) : log.omitted.bind(log))(
      "Table: partners' congruence with the alliance priorities",
      above
        ? `the Control Strategy it is measured against is above the build's clearance ${ctx.clearance}`
        : 'the Control Strategy it is measured against is not visible to the builder',
    );
    return [];
  }
  ctx.markings.add(view.marking);
  const heading = (id: string) => taxonomyEntry(id as never).label;
  const trace = log.figure(
    "Table: partners' congruence with the alliance priorities",
    `${plural(view.partners.length, 'partner')} against ${view.alliance.taxonomyIds.length} alliance priorities`,
    {
      call: 'priorityCongruence',
      query: { assessmentId: ctx.assessment.id, period: view.period },
      records: `partners' priorities of ${view.period}; the Control Strategy of assessment ${ctx.assessment.id}`,
      method: 'coverage = alliance priorities the partner also holds / alliance priorities',
    },
  );
  return [
    para(
      text(
        `Congruence with the alliance priorities of ${view.assessmentPeriod} (${view.alliance.taxonomyIds.map(heading).join(', ')}): the share of them each partner also holds.`,
      ),
    ),
    {
      kind: 'table',
      id: ctx.anchors.make('table-priority-congruence'),
      trace,
      caption: `Partners' congruence with the alliance priorities, ${view.period}`,
      columns: [
        { header: 'Partner', align: 'left', width: 4 },
        { header: 'Coverage', align: 'right', width: 1.5 },
        { header: 'Shared', align: 'left', width: 5 },
        { header: 'Not held by the partner', align: 'left', width: 5 },
      ],
      rows: view.partners.map((p) => [
        cell(p.name),
        cell(p.coverage === null ? 'n/a' : `${Math.round(p.coverage * 100)}%`),
        cell(p.shared.map(heading).join(', ')),
        cell(p.lacking.map(heading).join(', ')),
      ]),
      compact: true,
    },
  ];
}
