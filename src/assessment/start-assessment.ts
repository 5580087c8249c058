/**
 * A new assessment, empty or started from the starter threat catalogue (issue 14): the demo's
 * catalogue (data/demo/threat-catalogue.json: 24 threats of a real Strategic Assessment, each with
 * its description, owner's portfolio and evidence links to police.uk crime categories, offence
 * codes or indicator series). Why one transaction: an assessment with half its catalogue is worse
 * than none. Decision: the catalogue's markings are illustrative, so each threat takes the new
 * assessment's own marking and is shared with no one; the analyst changes them afterwards.
 */
import { loadCatalogue } from './catalogue.js';
import {
  atomically,
  createAssessment,
  createThreat,
  type Actor,
  type Assessment,
  type NewAssessment,
  type Store,
} from '../store/index.js';

export type AssessmentStart = 'empty' | 'catalogue';

export interface StartedAssessment {
  readonly assessment: Assessment;
  /** Threats created from the catalogue (0 for an empty start). */
  readonly threats: number;
}

export async function startAssessment(
  store: Store,
  actor: Actor,
  input: NewAssessment,
  start: AssessmentStart = 'empty',
): Promise<StartedAssessment> {
  const catalogue = start === 'catalogue' ? await loadCatalogue() : [];
  return atomically(store, async (tx) => {
    const assessment = await createAssessment(tx, actor, input);
    for (const t of catalogue)
      await createThreat(tx, actor, assessment.id, {
        name: t.name,
        description: t.description,
        evidence: t.evidence,
        owner: t.owner,
        marking: assessment.marking,
      });
    return { assessment, threats: catalogue.length };
  });
}
