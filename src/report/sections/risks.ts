/**
 * Strategic organisational learning and risk (the seed's Section 5 opening): the strategic risk
 * register as a heat map (likelihood across, harm/impact up, each cell its rating's colour and
 * the risks in it with their movement since the previous review) and the list of risks with
 * their owners. The heat map is a table of coloured cells so every format prints it the same.
 */
import { longDate } from '../dates.js';
import { listRisks, riskHeatMap } from '../../store/index.js';
import { hiddenCount } from '../clearance.js';
import { cell, method, para, text, type Block, type TableCell } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { MOVEMENT_ARROW, ratingFill, riskHeatMapChart } from '../../charts/risk-heat-map.js';
import { omit, type Part } from './part.js';
import { plural, pluralByGroup } from '../../domain/plural.js';

export const capacity: Part = {
  id: 'capacity',
  title: 'Strategic organisational learning and risk',
  async build(ctx, log) {
    const own = analystBlocks(ctx, log, 'capacity');
    const stored = await riskHeatMap(ctx.store, ctx.actor);
    const risks = (await listRisks(ctx.store, ctx.actor)).filter((r) =>
      stored.rows.some((row) => row.cells.some((c) => c.risks.some((x) => x.id === r.id))),
    );
    const hidden = hiddenCount(await listRisks(ctx.store, ctx.builder), await listRisks(ctx.store, ctx.actor));
    // With risks withheld, the references (SR01...) would show gaps: number what is shown instead.
    const label = new Map(
      [...risks]
        .sort((a, b) => a.reference.localeCompare(b.reference))
        .map((r, i) => [r.id, hidden.count > 0 ? `R${i + 1}` : r.reference]),
    );
    const map = {
      ...stored,
      rows: stored.rows.map((row) => ({
        ...row,
        cells: row.cells.map((c) => ({
          ...c,
          risks: c.risks.map((x) => ({ ...x, reference: label.get(x.id) ?? x.reference })),
        })),
      })),
    };
    if (hidden.count > 0)
      log.withheld(
        'Strategic risk register',
        `${pluralByGroup(hidden.counts, 'risk')} above the build's clearance ${ctx.clearance} left out of the heat map and list (ids ${hidden.ids.join(', ')}).`,
      );
    if (map.total === 0)
      return own.length > 0
        ? { blocks: own }
        : omit('no risks in the register that the build may show (stra risk add / import)');
    ctx.markings.add(map.marking);
    const grid: TableCell[][] = map.rows.map((row) => [
      cell(`${row.impact} ${row.label}`, { bold: true }),
      ...row.cells.map((c) =>
        cell(c.risks.map((r) => `${r.reference}${MOVEMENT_ARROW[r.movement]}`).join(', '), {
          fill: ratingFill(c.rating),
        }),
      ),
    ]);
    const heat = {
      kind: 'table' as const,
      id: ctx.anchors.make('table-risk-heat-map'),
      caption: `Strategic risk heat map: residual likelihood and impact (${plural(map.total, 'risk')})`,
      columns: [
        { header: 'Impact \\ likelihood', align: 'left' as const, width: 3 },
        ...map.scale.likelihoodLabels.map((l, i) => ({ header: `${i + 1} ${l}`, align: 'center' as const, width: 2 })),
      ],
      rows: grid,
    };
    const blocks: Block[] = [
      ...own,
      para(
        text(
          `Strategic risk is mapped on two axes, likelihood and harm/impact, each risk at its residual position (with mitigation in place). Risks are owned by chief officers and each has a narrative describing its mitigation. ${plural(map.total, 'risk')} are on the map: ${Object.entries(
            map.byRating,
          )
            .filter(([, n]) => n > 0)
            .map(([r, n]) => `${n} ${r}`)
            .join(', ')}.`,
        ),
      ),
      {
        kind: 'chart',
        id: ctx.anchors.make('chart-risk-heat-map'),
        caption: heat.caption,
        option: riskHeatMapChart(map),
        width: 760,
        height: 480,
        description: `Heat map of ${plural(map.total, 'risk')} by likelihood (across) and impact (up), each cell coloured by its rating.`,
        table: heat,
      },
    ];
    blocks.push({
      kind: 'table',
      id: ctx.anchors.make('table-strategic-risks'),
      caption: 'Strategic risks, owners and movement since the previous review',
      columns: [
        { header: 'Ref.', align: 'left', width: 1.2 },
        { header: 'Risk', align: 'left', width: 6 },
        { header: 'Owner', align: 'left', width: 3 },
        { header: 'L', align: 'right', width: 0.8 },
        { header: 'I', align: 'right', width: 0.8 },
        { header: 'Rating', align: 'left', width: 1.6 },
        { header: 'Movement', align: 'left', width: 1.6 },
        { header: 'Next review', align: 'left', width: 2 },
      ],
      rows: risks.map((r) => {
        const onMap = map.rows.flatMap((row) => row.cells).find((c) => c.risks.some((x) => x.id === r.id));
        const placed = onMap?.risks.find((x) => x.id === r.id);
        return [
          cell(label.get(r.id) ?? r.reference),
          cell(r.title),
          cell(r.owner),
          cell(r.residual.likelihood),
          cell(r.residual.impact),
          cell(onMap?.rating ?? '', { fill: ratingFill(onMap?.rating ?? '') }),
          cell(placed?.movement ?? ''),
          cell(r.nextReview === null || r.nextReview === undefined ? '' : longDate(r.nextReview)),
        ];
      }),
      compact: true,
    });
    blocks.push(
      method(
        text(
          `Scale ${map.scale.size} x ${map.scale.size}; rating by score (likelihood x impact) as a share of the maximum: ${'low, medium, high, very high'}. Arrows: movement of the score since the previous review (→ unchanged, * new).${map.otherScales > 0 ? ` ${plural(map.otherScales, 'risk')} scored on another scale ${map.otherScales === 1 ? 'is' : 'are'} not on this map.` : ''}`,
        ),
      ),
    );
    log.figure(
      'Heat map and list of strategic risks',
      `${plural(map.total, 'risk')}; ${JSON.stringify(map.byRating)}; marked ${map.marking}`,
      {
        call: 'riskHeatMap + listRisks',
        query: { clearance: ctx.clearance },
        records: `risks ${risks.map((r) => r.id).join(', ')}`,
      },
    );
    return { blocks };
  },
};
