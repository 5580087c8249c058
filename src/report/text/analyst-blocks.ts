/**
 * An analyst's text for one part of the document, as blocks, when the build may contain it: a
 * text marked above the build's clearance is left out and the build log says so (the document
 * does not). Footnotes in the text join the document's numbering.
 */
import { markingRank } from '../../domain/marking.js';
import type { LogBook } from '../build-log.js';
import type { BuildContext } from '../context.js';
import type { Block } from '../model.js';
import { parseMarkdown } from './markdown.js';
import { plural } from '../../domain/plural.js';

export function analystBlocks(ctx: BuildContext, log: LogBook, part: string): Block[] {
  const text = ctx.text.parts.get(part);
  if (text === undefined) return [];
  if (markingRank(text.marking) > markingRank(ctx.clearance)) {
    log.withheld(
      `Analyst text "${part}"`,
      `marked ${text.marking}, above the build's clearance ${ctx.clearance}: left out.`,
    );
    return [];
  }
  const blocks = parseMarkdown(
    text.body,
    text.source,
    (t) => ctx.footnotes.cite(t),
    (h) => ctx.anchors.make(h),
  );
  if (blocks.length === 0) return [];
  ctx.markings.add(text.marking);
  log.figure(
    `Analyst text "${part}"`,
    `${plural(blocks.length, 'block')}, marked ${text.marking}, version ${text.version}`,
    {
      call: 'listAnalystTexts',
      records: `analyst_texts ${text.id} version ${text.version} (sha256 ${text.sha256})`,
    },
  );
  return blocks;
}
