/**
 * Environmental scanning (the seed's "PESTELO: impact of future change"): the change drivers of
 * the assessment on the impact x uncertainty matrix, by quadrant, and every driver listed under
 * its group (social, partner, policing challenges), numbered as on the matrix.
 */
import { driverMatrix, driverThemes, listDrivers } from '../../store/index.js';
import { hiddenCount } from '../clearance.js';
import { cell, method, para, text, type Block } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { driversMatrixChart } from '../../charts/drivers-matrix.js';
import { omit, type Part } from './part.js';
import { plural, pluralByGroup } from '../../domain/plural.js';

export const environmentalScanning: Part = {
  id: 'environmental-scanning',
  title: 'Environmental scanning: impact of future change',
  async build(ctx, log) {
    const stored = await driverMatrix(ctx.store, ctx.actor, ctx.assessment.id);
    const storedThemes = await driverThemes(ctx.store, ctx.actor, ctx.assessment.id, 'challenges');
    const hidden = hiddenCount(
      await listDrivers(ctx.store, ctx.builder, { assessmentId: ctx.assessment.id }),
      stored.quadrants.flatMap((q) => q.drivers),
    );
    // With drivers withheld their numbers would show gaps: number what is shown, in the same order.
    const numbers = new Map(
      stored.quadrants
        .flatMap((q) => q.drivers)
        .sort((a, b) => a.number - b.number)
        .map((d, i) => [d.id, hidden.count > 0 ? i + 1 : d.number]),
    );
    const renumber = <D extends { id: number; number: number }>(d: D): D => ({
      ...d,
      number: numbers.get(d.id) ?? d.number,
    });
    const matrix = {
      ...stored,
      quadrants: stored.quadrants.map((q) => ({ ...q, drivers: q.drivers.map(renumber) })),
    };
    const meta = {
      ...storedThemes,
      groups: storedThemes.groups.map((g) => ({ ...g, drivers: g.drivers.map(renumber) })),
    };
    const shown = matrix.quadrants.flatMap((q) => q.drivers);
    if (hidden.count > 0)
      log.withheld(
        'Change drivers',
        `${pluralByGroup(hidden.counts, 'driver')} above the build's clearance ${ctx.clearance} left out (ids ${hidden.ids.join(', ')}).`,
      );
    const own = analystBlocks(ctx, log, 'environmental-scanning');
    if (shown.length === 0)
      return own.length > 0
        ? { blocks: own }
        : omit('the assessment has no change drivers the build may show (stra driver add / import)');
    ctx.markings.add(matrix.marking);
    const table = {
      kind: 'table' as const,
      id: ctx.anchors.make('table-drivers-matrix'),
      caption: `Change drivers by impact and uncertainty, ${ctx.assessment.period}`,
      columns: [
        { header: 'No.', align: 'right' as const, width: 1 },
        { header: 'Driver', align: 'left' as const, width: 8 },
        { header: 'Impact', align: 'right' as const, width: 1.5 },
        { header: 'Uncertainty', align: 'right' as const, width: 1.5 },
        { header: 'Quadrant', align: 'left' as const, width: 3 },
      ],
      rows: matrix.quadrants.flatMap((q) =>
        q.drivers.length === 0
          ? []
          : [
              [cell(`${q.name}: ${q.use}`, { bold: true, spanAll: true, fill: '#e8eef5' })],
              ...q.drivers.map((dr) => [
                cell(dr.number),
                cell(dr.name),
                cell(dr.impact),
                cell(dr.uncertainty),
                cell(q.name),
              ]),
            ],
      ),
    };
    const blocks: Block[] = [
      ...own,
      para(
        text(
          `${shown.length} change drivers, each scored for its impact and the uncertainty of its course (1 to 10), place on the matrix below. Drivers in the high-impact quadrants shape planning: those with an uncertain course are explored with scenarios, those whose course is known are planned for.`,
        ),
      ),
    ];
    blocks.push({
      kind: 'chart',
      id: ctx.anchors.make('chart-drivers-matrix'),
      caption: table.caption,
      option: driversMatrixChart(matrix),
      width: 820,
      height: 540,
      description: `Matrix of ${shown.length} numbered drivers by impact (up) and uncertainty (across).`,
      table,
    });
    for (const group of meta.groups) {
      blocks.push({ kind: 'heading', level: 3, text: group.label, id: ctx.anchors.make(`drivers-${group.label}`) });
      blocks.push({
        kind: 'list',
        ordered: false,
        items: group.drivers.map((dr) => [text(`${dr.number} - ${dr.name}`)]),
      });
    }
    blocks.push(
      method(
        text(
          'Quadrants: impact and uncertainty are high from 6 on the 1-10 scale. The drivers are used "meta" (all together, for themes that cut across partners) and "configured" (the primary and secondary drivers of one topic).',
        ),
      ),
    );
    log.figure(
      'Drivers matrix and list',
      `${plural(shown.length, 'driver')} in ${plural(meta.groups.length, 'group')}; marked ${matrix.marking}`,
      {
        call: 'driverMatrix + driverThemes',
        query: { assessmentId: ctx.assessment.id, scheme: 'challenges' },
        records: `drivers ${shown.map((x) => x.id).join(', ')}`,
      },
    );
    return { blocks };
  },
};
