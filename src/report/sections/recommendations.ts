/**
 * Progress on last year's recommendations (the seed's Section 3): each recommendation of the
 * previous assessment, grouped by its theme, beside its latest progress update and status. A
 * recommendation carried into this year is read through its carried copy, so updates made this
 * year count.
 */
import { latestRecommendationUpdates, listRecommendations, type Recommendation } from '../../store/index.js';
import { highestMarking, type Marking } from '../../domain/marking.js';
import { hiddenCount } from '../clearance.js';
import { cell, para, text, type TableCell } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { longDate } from '../dates.js';
import { omit, type Part } from './part.js';
import { plural, pluralByGroup } from '../../domain/plural.js';

const STATUS: Readonly<Record<string, string>> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  in_progress: 'In progress',
  complete: 'Complete',
  superseded: 'Superseded',
  not_adopted: 'Not adopted',
};

export const recommendations: Part = {
  id: 'recommendations',
  title: 'Recommendations made in the last assessment: progress',
  async build(ctx, log) {
    const previous = ctx.previous;
    if (previous === null) return omit('the assessment follows no earlier assessment the build may show');
    const made = await listRecommendations(ctx.store, ctx.actor, { assessmentId: previous.id });
    const hidden = hiddenCount(await listRecommendations(ctx.store, ctx.builder, { assessmentId: previous.id }), made);
    if (hidden.count > 0)
      log.withheld(
        'Recommendations',
        `${pluralByGroup(hidden.counts, 'recommendation')} above the build's clearance ${ctx.clearance} left out (ids ${hidden.ids.join(', ')}).`,
      );
    if (made.length === 0) return omit(`assessment ${previous.period} has no recommendations the build may show`);
    const carried = new Map<number, Recommendation>();
    for (const r of await listRecommendations(ctx.store, ctx.actor, { assessmentId: ctx.assessment.id }))
      if (r.carriedFrom !== null) carried.set(r.carriedFrom, r);
    // With recommendations withheld their numbers would show gaps: number what is shown, in order.
    let shownNumber = 0;
    const numberOf = (r: Recommendation) =>
      r.number === null || r.number === undefined || r.number === '' ? '' : hidden.count > 0 ? ++shownNumber : r.number;
    const rows: TableCell[][] = [];
    let theme: string | null = null;
    let updated = 0;
    const markings: Marking[] = [];
    const updates = await latestRecommendationUpdates(
      ctx.store,
      ctx.actor,
      made.map((r) => (carried.get(r.id) ?? r).id),
    );
    for (const r of made) {
      const latest = carried.get(r.id) ?? r;
      const update = updates.get(latest.id);
      if (update !== undefined) updated += 1;
      markings.push(r.marking, latest.marking);
      if (r.theme !== theme) {
        theme = r.theme;
        rows.push([cell(r.theme, { bold: true, spanAll: true, fill: '#e8eef5' })]);
      }
      rows.push([
        cell(numberOf(r)),
        cell(r.text),
        cell(update === undefined ? 'No update recorded.' : update.text),
        cell(`${STATUS[latest.status] ?? latest.status}${update === undefined ? '' : ` (${longDate(update.dated)})`}`),
      ]);
    }
    const marking = highestMarking(markings);
    ctx.markings.add(marking);
    log.figure(
      'Table: recommendations and progress',
      `${plural(made.length, 'recommendation')} of ${previous.period}, ${updated} with an update; marked ${marking}`,
      {
        call: 'listRecommendations + latestRecommendationUpdates',
        query: { assessmentId: previous.id, carriedInto: ctx.assessment.id },
        records: `recommendations ${made.map((r) => r.id).join(', ')}`,
      },
    );
    return {
      blocks: [
        ...analystBlocks(ctx, log, 'recommendations'),
        para(
          text(
            `Recommendations from ${previous.title} (${previous.versionLabel}), with the latest progress update on each.`,
          ),
        ),
        {
          kind: 'table',
          id: ctx.anchors.make('table-recommendations'),
          caption: `Recommendations of ${previous.period} and progress`,
          columns: [
            { header: 'No.', align: 'right', width: 1 },
            { header: 'Recommendation', align: 'left', width: 8 },
            { header: 'Update', align: 'left', width: 10 },
            { header: 'Status', align: 'left', width: 3 },
          ],
          rows,
        },
      ],
    };
  },
};
