/**
 * Professional standards (the seed's "PSD"): the analyst's words, then the department's tables as
 * the indicators library computes them (complaints and conduct cases, vetting applications), each
 * with its source under it as the business knows it. Present when either is there; omitted, with
 * the reason in the build log, when neither is.
 */
import { analystBlocks } from '../text/analyst-blocks.js';
import { indicatorBlocks, isProfessionalStandardsSeries } from './indicators.js';
import { blocks, type Part } from './part.js';

export const professionalStandards: Part = {
  id: 'professional-standards',
  title: 'Professional standards',
  async build(ctx, log) {
    const words = analystBlocks(ctx, log, 'professional-standards');
    const tables = (await indicatorBlocks(ctx, log, isProfessionalStandardsSeries)) ?? [];
    return blocks(
      [...words, ...tables],
      'no analyst text (part "professional-standards" on the assessment\'s Text page) and no complaints or vetting indicator series (stra indicators import FILE, series complaints, vetting-internal, vetting-national)',
    );
  },
};
