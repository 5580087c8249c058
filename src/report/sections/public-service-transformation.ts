/**
 * The public service transformation landscape (the seed's "temporal view of the potential changes
 * liable to affect the alliance"): the analyst's words, then the timeline of changes from the
 * assessment's `timeline.json`, in date order, each row with its theme, the source under the table.
 * Events marked above the build's clearance are left out (the build log counts them). The seed
 * draws this as a picture; a table in date order carries the same content and reads in every
 * format. Present when either the text or the timeline is there; omitted with the reason otherwise.
 */
import { markingRank } from '../../domain/marking.js';
import { monthName } from '../dates.js';
import { cell, method, text, type Block } from '../model.js';
import { analystBlocks } from '../text/analyst-blocks.js';
import { readTimeline, TIMELINE_FILE, type TimelineEvent } from '../text/timeline.js';
import { blocks, type Part } from './part.js';

/** "2017-05" -> "May 2017", "2017" -> "2017"; a span as "May 2017 to 2020". */
export function whenWords(e: Pick<TimelineEvent, 'from' | 'to'>): string {
  const one = (w: string) => (w.length === 7 ? monthName(w) : w);
  return e.to === undefined || e.to === e.from ? one(e.from) : `${one(e.from)} to ${one(e.to)}`;
}

export const publicServiceTransformation: Part = {
  id: 'public-service-transformation',
  title: 'Public service transformation landscape to 2020',
  async build(ctx, log) {
    const out: Block[] = [...analystBlocks(ctx, log, 'public-service-transformation')];
    const timeline = ctx.text.folder ? await readTimeline(ctx.text.folder, ctx.assessment.marking) : null;
    if (timeline !== null) {
      const shown = timeline.events.filter((e) => markingRank(e.marking) <= markingRank(ctx.clearance));
      const above = timeline.events.length - shown.length;
      if (above > 0)
        log.withheld(
          'Public service transformation timeline',
          `${above} ${above === 1 ? 'event' : 'events'} marked above the build's clearance ${ctx.clearance} left out.`,
        );
      if (shown.length > 0) {
        for (const e of shown) ctx.markings.add(e.marking);
        const footnote = ctx.footnotes.cite(`Public service transformation timeline: ${timeline.source}`);
        out.push(
          {
            kind: 'table',
            id: ctx.anchors.make('table-transformation-timeline'),
            caption: 'Public service transformation: the changes ahead, in date order',
            columns: [
              { header: 'When', align: 'left', width: 1.6 },
              { header: 'Change', align: 'left', width: 5 },
              { header: 'Theme', align: 'left', width: 1.6 },
            ],
            rows: shown.map((e) => [cell(whenWords(e)), cell(e.change), cell(e.theme)]),
          },
          method(text(`Source: ${timeline.source}.`), { footnote }),
        );
        log.figure(
          'Table: public service transformation timeline',
          `${shown.length} ${shown.length === 1 ? 'event' : 'events'}, ${shown[0]!.from} to ${shown.at(-1)!.to ?? shown.at(-1)!.from}`,
          {
            call: 'readTimeline',
            query: { period: ctx.assessment.period, clearance: ctx.clearance },
            files: [{ file: timeline.file }],
          },
          footnote,
        );
      }
    }
    return blocks(
      out,
      `no analyst text (part "public-service-transformation" on the assessment's Text page) and no timeline (${TIMELINE_FILE} in the assessment's report folder)`,
    );
  },
};
