/**
 * Parts made only of analyst text (the introduction, other considerations): present when the
 * analyst has written them, omitted otherwise; never filled with stock wording.
 */
import { analystBlocks } from '../text/analyst-blocks.js';
import { blocks, type Part } from './part.js';

export function textPart(id: string, title: string): Part {
  return {
    id,
    title,
    async build(ctx, log) {
      return blocks(
        analystBlocks(ctx, log, id),
        `no analyst text: write it on the assessment's Text page (part "${id}")`,
      );
    },
  };
}

export const introduction = textPart('introduction', 'Introduction');
export const otherConsiderations = textPart('other-considerations', 'Other considerations');

export const cyberCrime = textPart('cyber-crime', 'Cyber crime');
export const officerNumbers = textPart('officer-numbers', 'Police officer numbers');
export const crimeDataIntegrity = textPart('crime-data-integrity', 'Crime data integrity');
export const seriousOrganisedCrime = textPart('serious-organised-crime', 'Serious and organised crime');
export const otherThreats = textPart('other-threats', 'Other threats and trends');
export const changeProgramme = textPart('change-programme', 'Change programme');
export const people = textPart('people', 'People');
export const equalityDiversity = textPart('equality-diversity', 'Equality and diversity');
