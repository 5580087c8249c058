/**
 * An analyst's text for one part of the document, as blocks, when the build may contain it: of
 * the part's texts (one per marking) the build prints the highest-marked one its clearance allows;
 * a text marked above the build's clearance is left out and the build log says so (the document
 * does not), and the log names the text used (its marking and version). Footnotes in the text join
 * the document's numbering.
 */
import type { LogBook } from '../build-log.js';
import type { BuildContext } from '../context.js';
import type { Block } from '../model.js';
import { parseMarkdown } from './markdown.js';
import { textForClearance } from './stored-text.js';
import { plural } from '../../domain/plural.js';

export function analystBlocks(ctx: BuildContext, log: LogBook, part: string): Block[] {
  const texts = ctx.text.parts.get(part) ?? [];
  const { used, withheld } = textForClearance(texts, ctx.clearance);
  for (const text of withheld)
    log.withheld(
      `Analyst text "${part}"`,
      `the text marked ${text.marking}, above the build's clearance ${ctx.clearance}: left out${used === undefined ? '' : ` (the ${used.marking} text is printed instead)`}.`,
    );
  if (used === undefined) return [];
  const blocks = parseMarkdown(
    used.body,
    used.source,
    (t) => ctx.footnotes.cite(t),
    (h) => ctx.anchors.make(h),
  );
  if (blocks.length === 0) return [];
  ctx.markings.add(used.marking);
  const others = texts.filter((t) => t !== used && !withheld.includes(t)).map((t) => t.marking);
  log.figure(
    `Analyst text "${part}"`,
    `${plural(blocks.length, 'block')}: the text marked ${used.marking}, version ${used.version}` +
      (others.length === 0 ? '' : ` (the highest marking this build may show; also written at ${others.join(', ')})`),
    {
      call: 'listAnalystTexts',
      records: `analyst_texts ${used.id} version ${used.version} (sha256 ${used.sha256})`,
    },
  );
  return blocks;
}
