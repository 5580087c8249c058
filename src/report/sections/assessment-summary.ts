/**
 * The assessment summary (the seed's Section 2): every threat the build may show, placed by
 * likelihood and harm from its combined MoRiLE score, with last year's place greyed and an arrow
 * for the movement, numbered as in the legend; and the table of the same figures.
 */
import { assessmentSummaryChart, type SummaryPointInput } from '../../charts/assessment-summary.js';
import { bandLines } from '../../domain/morile/band-lines.js';
import { directionOfTravelFor, getModel, listThreats, type DirectionEntry } from '../../store/index.js';
import { hiddenCount } from '../clearance.js';
import { cell, method, para, text, type Block } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { omit, type Part } from './part.js';
import { plural, pluralByGroup } from '../../domain/plural.js';

const WORDS: Readonly<Record<DirectionEntry['label'], string>> = {
  up: 'risk rose',
  down: 'risk fell',
  static: 'static',
  new: 'new this year',
  removed: 'removed',
};

export function directionWords(e: DirectionEntry): string {
  if (e.label === 'static' && e.moved) return 'moved, same risk';
  if (e.label === 'removed' && e.inAssessment) return 'carried forward, not scored yet';
  return WORDS[e.label];
}

const fixed = (x: number | undefined) => (x === undefined ? '' : x.toFixed(1));

export const assessmentSummary: Part = {
  id: 'assessment-summary',
  title: 'Assessment summary',
  async build(ctx, log) {
    const view = await directionOfTravelFor(ctx.store, ctx.actor, ctx.assessment.id);
    const all = await listThreats(ctx.store, ctx.builder, { assessmentId: ctx.assessment.id });
    const shown = await listThreats(ctx.store, ctx.actor, { assessmentId: ctx.assessment.id });
    const hidden = hiddenCount(all, shown);
    if (hidden.count > 0)
      log.withheld(
        'Assessment summary: threats',
        `${pluralByGroup(hidden.counts, 'threat')} above the build's clearance ${ctx.clearance} left out of the chart and table (ids ${hidden.ids.join(', ')}); the numbering runs over the threats shown.`,
      );
    if (view.directions.length === 0)
      return omit('no threat of this assessment that the build may show has a score, this year or last');
    ctx.markings.add(view.marking);
    const thisYear = ctx.assessment.period;
    const lastYear = ctx.previous?.period ?? null;
    const since = lastYear ?? 'last year';
    // Numbered by this year's rank (as in the Control Strategy), threats no longer scored after them.
    const byRank = [...view.directions].sort(
      (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
    );
    const points: Array<SummaryPointInput & { entry: DirectionEntry }> = byRank.map((e, i) => ({
      number: i + 1,
      name: e.name,
      now: e.now,
      previous: e.previous,
      moved: e.moved,
      entry: e,
    }));
    const bands = bandLines(await getModel(ctx.store, ctx.assessment.model));
    const bandsNote =
      bands.length === 0
        ? ''
        : ` The dashed lines mark the priority bands: a threat on or above a line is in that band (${bands.map((b) => b.label).join(', ')}) whatever the forces' gaps in capacity, capability and partnership; such a gap raises a threat's score, so a threat below a line can still be in its band, which the Control Strategy gives.`;
    const moved = points.filter((p) => p.entry.moved && p.now !== null && p.previous !== null).length;
    const table = {
      kind: 'table' as const,
      id: ctx.anchors.make('table-assessment-summary'),
      caption: `Assessment summary ${thisYear}: likelihood and harm of each threat, with ${since}`,
      columns: [
        { header: 'Rank', align: 'right' as const, width: 1 },
        { header: 'Threat', align: 'left' as const, width: 5 },
        { header: `Likelihood ${thisYear}`, align: 'right' as const, width: 2 },
        { header: `Harm ${thisYear}`, align: 'right' as const, width: 2 },
        { header: `Likelihood ${since}`, align: 'right' as const, width: 2 },
        { header: `Harm ${since}`, align: 'right' as const, width: 2 },
        { header: 'Direction of travel', align: 'left' as const, width: 3 },
      ],
      rows: points.map((p) => [
        cell(p.number),
        cell(p.name),
        cell(fixed(p.entry.now?.likelihood)),
        cell(fixed(p.entry.now?.harm)),
        cell(fixed(p.entry.previous?.likelihood)),
        cell(fixed(p.entry.previous?.harm)),
        cell(directionWords(p.entry)),
      ]),
    };
    const chartBlocks: Block[] = [
      ...analystBlocks(ctx, log, 'assessment-summary'),
      para(
        text(
          `A professional judgement of the likelihood (probability) and harm (impact) of each threat in ${thisYear}, from its combined MoRiLE score, as an update on ${since} (greyed circles). Teal circles are this year's places, numbered by this year's rank; an arrow shows the direction of travel; a threat without an arrow has stayed where it was. ${moved} of ${plural(points.length, 'threat')} have moved.`,
        ),
      ),
      {
        kind: 'chart',
        id: ctx.anchors.make('chart-assessment-summary'),
        caption: `Assessment summary ${thisYear}: likelihood against harm, with movement since ${since}`,
        option: assessmentSummaryChart(points, {
          title: '',
          thisYear,
          lastYear,
          plotWidth: 478,
          plotHeight: 496,
          bands,
        }),
        width: 820,
        height: 560,
        description: `Scatter chart of ${points.length} numbered threats by likelihood (across) and harm (up); ${moved} moved since ${since}.`,
        table,
      },
      method(
        text(
          'Likelihood and harm are the outputs of each threat\'s combined score (the median of its assessors), placed on the range its scoring model allows, so last year\'s scores made with another model version still have a place. Circles that would cover each other are nudged apart slightly; the table gives the exact figures. "Risk rose" and "risk fell" follow the model\'s risk (harm x likelihood).' +
            bandsNote,
        ),
      ),
    ];
    log.figure(
      'Chart and table: assessment summary',
      `${plural(points.length, 'threat')} (${moved} moved), marked ${view.marking}`,
      {
        call: 'directionOfTravelFor',
        query: { assessmentId: ctx.assessment.id, previousAssessmentId: ctx.assessment.previousId },
        records: `threats ${view.directions.map((d) => d.threatId).join(', ')} and their scores`,
        method: `MoRiLE scores combined by ${ctx.assessment.combineMethod} across assessors; model ${ctx.assessment.model.id} v${ctx.assessment.model.version}`,
      },
    );
    return { blocks: chartBlocks };
  },
};
