/**
 * Parts made only of analyst text (the introduction, cyber crime, people, ...), and other
 * considerations (analyst text with the missing-people figures): present when the analyst has
 * written them, omitted otherwise; never filled with stock wording.
 */
import { analystBlocks } from '../text/analyst-blocks.js';
import { missingPeopleBlocks, withMissingPeople } from './missing-people.js';
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
/**
 * Other considerations: the analyst's text, with the missing-people figures from the episodes the
 * warehouse holds placed under its "Missing people" heading (or under their own).
 */
export const otherConsiderations: Part = {
  id: 'other-considerations',
  title: 'Other considerations',
  async build(ctx, log) {
    const words = analystBlocks(ctx, log, 'other-considerations');
    const figures = await missingPeopleBlocks(ctx, log);
    return blocks(
      withMissingPeople(words, figures, () => ({
        kind: 'heading',
        level: 2,
        text: 'Missing people',
        id: ctx.anchors.make('missing-people'),
      })),
      'no analyst text (part "other-considerations" on the assessment\'s Text page) and no missing-person episodes held for the data period',
    );
  },
};

export const cyberCrime = textPart('cyber-crime', 'Cyber crime');
export const officerNumbers = textPart('officer-numbers', 'Police officer numbers');
export const crimeDataIntegrity = textPart('crime-data-integrity', 'Crime data integrity');
export const seriousOrganisedCrime = textPart('serious-organised-crime', 'Serious and organised crime');
export const otherThreats = textPart('other-threats', 'Other threats and trends');
export const changeProgramme = textPart('change-programme', 'Change programme');
export const people = textPart('people', 'People');
export const equalityDiversity = textPart('equality-diversity', 'Equality and diversity');
