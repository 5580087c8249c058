/**
 * Parts made only of analyst text (the introduction, other considerations): present when the
 * analyst has written them, omitted otherwise; never filled with stock wording.
 */
import { analystBlocks } from '../text/analyst-blocks.js';
import { textFolder } from '../text/analyst-text.js';
import { blocks, type Part } from './part.js';

export function textPart(id: string, title: string): Part {
  return {
    id,
    title,
    async build(ctx, log) {
      return blocks(
        analystBlocks(ctx, log, id),
        `no analyst text: write ${textFolder('<workspace>', ctx.assessment.period)}/${id}.md`,
      );
    },
  };
}

export const introduction = textPart('introduction', 'Introduction');
export const otherConsiderations = textPart('other-considerations', 'Other considerations');
