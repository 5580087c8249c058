/**
 * An analyst's text for one part of the document, as blocks, when the build may contain it: a
 * file marked above the build's clearance is left out and the build log says so (the document
 * does not). Footnotes in the text join the document's numbering.
 */
import { markingRank } from '../../domain/marking.js';
import type { LogBook } from '../build-log.js';
import type { BuildContext } from '../context.js';
import type { Block } from '../model.js';
import { parseMarkdown } from './markdown.js';

export function analystBlocks(ctx: BuildContext, log: LogBook, part: string): Block[] {
  const file = ctx.text.parts.get(part);
  if (file === undefined) return [];
  if (markingRank(file.marking) > markingRank(ctx.clearance)) {
    log.withheld(
      `Analyst text ${part}.md`,
      `marked ${file.marking}, above the build's clearance ${ctx.clearance}: left out.`,
    );
    return [];
  }
  const blocks = parseMarkdown(
    file.body,
    file.file,
    (t) => ctx.footnotes.cite(t),
    (h) => ctx.anchors.make(h),
  );
  if (blocks.length === 0) return [];
  ctx.markings.add(file.marking);
  log.figure(
    `Analyst text ${part}.md`,
    `${blocks.length} blocks, marked ${file.marking}${file.markingGiven ? '' : " (the assessment's marking: the file gives none)"}`,
    {
      call: 'readAnalystText',
      files: [{ file: file.file, sha256: file.sha256 }],
    },
  );
  return blocks;
}
