/**
 * The document's outline, in the seed's order: each numbered section and the parts it is made
 * of. A section whose parts are all omitted is left out, and the sections after it are numbered
 * on (numbers follow what is printed, never leave a gap).
 */
import { assessmentSummary } from './sections/assessment-summary.js';
import { capacity } from './sections/risks.js';
import { controlStrategyPart } from './sections/control-strategy.js';
import { crimeHarm } from './sections/crime-harm.js';
import { demand } from './sections/demand.js';
import { environmentalScanning } from './sections/environmental-scanning.js';
import { indicators } from './sections/indicators.js';
import { inspections } from './sections/inspections.js';
import type { Part } from './sections/part.js';
import { partnerPriorities } from './sections/partner-priorities.js';
import { performance } from './sections/performance.js';
import { plans } from './sections/plans.js';
import { professionalStandards } from './sections/professional-standards.js';
import { publicServiceTransformation } from './sections/public-service-transformation.js';
import { recommendations } from './sections/recommendations.js';
import { sourcesAndMethods } from './sections/sources-methods.js';
import {
  changeProgramme,
  crimeDataIntegrity,
  cyberCrime,
  equalityDiversity,
  introduction,
  officerNumbers,
  otherConsiderations,
  otherThreats,
  people,
  seriousOrganisedCrime,
} from './sections/text-only.js';

export interface PlannedSection {
  readonly id: string;
  readonly title: string;
  readonly parts: readonly Part[];
}

export const DOCUMENT_PLAN: readonly PlannedSection[] = [
  { id: 'introduction', title: 'Introduction', parts: [introduction] },
  { id: 'assessment-summary', title: 'Assessment summary', parts: [assessmentSummary] },
  { id: 'recommendations', title: 'Recommendations made in the last assessment: progress', parts: [recommendations] },
  {
    id: 'demand',
    title: 'Demand',
    parts: [
      demand,
      crimeHarm,
      cyberCrime,
      officerNumbers,
      crimeDataIntegrity,
      controlStrategyPart,
      seriousOrganisedCrime,
      otherThreats,
      performance,
      environmentalScanning,
      publicServiceTransformation,
    ],
  },
  {
    id: 'capacity-and-capability',
    title: 'Capacity and capability',
    parts: [capacity, inspections, changeProgramme, people, equalityDiversity, indicators, professionalStandards],
  },
  { id: 'other-considerations', title: 'Other considerations', parts: [otherConsiderations] },
  { id: 'appendices', title: 'Appendices', parts: [plans, partnerPriorities, sourcesAndMethods] },
];

/** Parts a section heads with their own title (a section of one part needs no second heading). */
export const needsPartHeading = (section: PlannedSection, part: Part): boolean => part.title !== section.title;

/** Progress steps of a build: each part, then the charts. */
export const BUILD_STEPS = DOCUMENT_PLAN.reduce((n, s) => n + s.parts.length, 0) + 1;
