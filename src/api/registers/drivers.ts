/**
 * Environmental scanning: an assessment's change drivers (GET /assessments/:id/drivers, CSV at
 * drivers.csv), the impact x uncertainty matrix (/drivers/matrix), the groups and cross-cutting
 * themes (/drivers/themes), configured uses of drivers (/driver-configurations); one driver with
 * its reviews through the years it was carried (GET /drivers/:id); adding a driver, a review (a
 * stale one answered 409 with the driver as it is now) and a configuration, and changing either
 * (PUT /drivers/:id, PUT /driver-configurations/:id).
 */
import { z } from 'zod';
import {
  CHALLENGE_GROUPS,
  GROUPING_SCHEMES,
  PESTELO_HEADINGS,
  type ChallengeGroup,
  type DriverGroup,
  type DriverMatrix,
  type EvidenceNote,
  type GroupingScheme,
  type PesteloHeading,
  type Quadrant,
  type ThemeEntry,
} from '../../domain/scanning/index.js';
import { expectedVersion, isoDate, marking, orgIds, type MarkedFields, type Marking, type Checked } from '../fields.js';

export { CHALLENGE_GROUPS, GROUPING_SCHEMES, PESTELO_HEADINGS } from '../../domain/scanning/index.js';
export type { ChallengeGroup, PesteloHeading, GroupingScheme, Quadrant, EvidenceNote };

const score = z.number().int('expected a whole number').min(1, 'from 1 to 10').max(10, 'from 1 to 10');
const evidence = z
  .array(
    z.strictObject({
      text: z.string().trim().min(1, 'write the evidence note').max(5000),
      source: z.string().max(500).nullable().optional(),
    }),
  )
  .max(50);
const numbers = z.array(z.number().int().min(1)).max(100);

/** POST /assessments/:id/drivers (NewDriver in the store). */
export const NewDriver = z.strictObject({
  name: z.string().trim().min(1, 'name the driver').max(300),
  impact: score,
  uncertainty: score,
  number: z.number().int().min(1).optional(),
  challenge: z.enum(CHALLENGE_GROUPS).nullable().optional(),
  pestelo: z.enum(PESTELO_HEADINGS).nullable().optional(),
  themes: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  evidence: evidence.optional(),
  dated: isoDate.optional(),
  note: z.string().max(5000).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewDriver = Checked<typeof NewDriver>;

/** What an edit of a driver may set (DriverChanges in the store): its scores change only by a review. */
export const DriverChanges = z.strictObject({
  name: z.string().trim().min(1, 'name the driver').max(300).optional(),
  challenge: z.enum(CHALLENGE_GROUPS).nullable().optional(),
  pestelo: z.enum(PESTELO_HEADINGS).nullable().optional(),
  themes: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  addEvidence: evidence.optional(),
  /** Up to the writer's clearance; a configuration using the driver marked lower is raised with it. */
  marking: marking.optional(),
});
export type DriverChanges = Checked<typeof DriverChanges>;

/** PUT /drivers/:id (a stale version is answered 409 with the driver as it is now). */
export const DriverEdit = z.strictObject({ expectedVersion, ...DriverChanges.shape });
export type DriverEdit = z.input<typeof DriverEdit>;

/** A review of a driver's scores (NewDriverReview in the store). */
export const NewDriverReview = z.strictObject({
  note: z.string().trim().min(1, 'say why the scores are what they are now').max(20_000),
  impact: score.optional(),
  uncertainty: score.optional(),
  dated: isoDate.optional(),
  evidence: evidence.optional(),
});
export type NewDriverReview = Checked<typeof NewDriverReview>;

/** POST /drivers/:id/reviews. */
export const DriverReviewRequest = z.strictObject({ expectedVersion, ...NewDriverReview.shape });
export type DriverReviewRequest = z.input<typeof DriverReviewRequest>;

/** POST /assessments/:id/driver-configurations (NewDriverConfiguration in the store). */
export const NewDriverConfiguration = z.strictObject({
  topic: z.string().trim().min(1, 'name the topic').max(200),
  primary: numbers.min(1, 'choose at least one primary driver'),
  secondary: numbers.optional(),
  note: z.string().max(5000).optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewDriverConfiguration = Checked<typeof NewDriverConfiguration>;

/** What a change to a configuration may set (DriverConfigurationChanges in the store). */
export const DriverConfigurationChanges = z.strictObject({
  topic: z.string().trim().min(1).max(200).optional(),
  primary: numbers.min(1, 'choose at least one primary driver').optional(),
  secondary: numbers.optional(),
  note: z.string().max(5000).nullable().optional(),
});
export type DriverConfigurationChanges = Checked<typeof DriverConfigurationChanges>;

/** PUT /driver-configurations/:id. */
export const DriverConfigurationEdit = z.strictObject({ expectedVersion, ...DriverConfigurationChanges.shape });
export type DriverConfigurationEdit = z.input<typeof DriverConfigurationEdit>;

/** GET /assessments/:id/drivers. */
export const DriverListQuery = z.strictObject({
  group: z.enum(CHALLENGE_GROUPS).optional(),
  pestelo: z.enum(PESTELO_HEADINGS).optional(),
  theme: z.string().optional(),
});
/** GET /assessments/:id/drivers/themes. */
export const DriverThemesQuery = z.strictObject({ by: z.enum(GROUPING_SCHEMES).optional() });

/** A driver as stored: the list, and the answer to adding one. */
export interface Driver extends MarkedFields {
  readonly id: number;
  /** The assessment it belongs to (for a carried one, the assessment it was carried into). */
  readonly assessmentId: number;
  /** Its number in the assessment (the seed's 1-18). */
  readonly number: number;
  readonly name: string;
  /** Social, Partner or Policing Challenges (the default grouping), if given. */
  readonly challenge: ChallengeGroup | null;
  /** PESTELO heading (the optional grouping), if given. */
  readonly pestelo: PesteloHeading | null;
  /** Cross-cutting themes it is tagged with. */
  readonly themes: readonly string[];
  readonly evidence: readonly EvidenceNote[];
  /** Its latest scores (1-10) and the date of the review that gave them. */
  readonly impact: number;
  readonly uncertainty: number;
  readonly reviewedOn: string;
  /** The driver (in an earlier assessment) this one continues. */
  readonly carriedFrom: number | null;
}

export interface DriverReview {
  readonly id: number;
  /** The record the review was added to (an earlier link of the chain for carried history). */
  readonly driverId: number;
  readonly assessmentId: number;
  /** YYYY-MM-DD. */
  readonly dated: string;
  readonly impact: number;
  readonly uncertainty: number;
  readonly note: string;
  /** Username of whoever added it. */
  readonly author: string;
  readonly createdAt: string;
}

/** GET /drivers/:id: every review through the carried chain, oldest first. */
export interface DriverWithHistory extends Driver {
  readonly reviews: readonly DriverReview[];
}

/** The answer to POST /drivers/:id/reviews (201). */
export interface DriverReviewAdded {
  readonly driver: Driver;
  readonly review: DriverReview;
}

/** A driver as the matrix, the groups and the configurations show it. */
export interface DriverSummary {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly challenge: ChallengeGroup | null;
  readonly pestelo: PesteloHeading | null;
  readonly themes: readonly string[];
  readonly impact: number;
  readonly uncertainty: number;
  readonly reviewedOn: string;
  readonly quadrant: Quadrant;
  readonly marking: Marking;
}

/** GET /assessments/:id/drivers/matrix. */
export interface DriverMatrixView extends DriverMatrix<DriverSummary> {
  readonly assessmentId: number;
  /** The highest marking of the drivers shown (OFFICIAL when there are none). */
  readonly marking: Marking;
}

/** GET /assessments/:id/drivers/themes?by=. */
export interface DriverMetaView {
  readonly assessmentId: number;
  readonly marking: Marking;
  readonly scheme: GroupingScheme;
  /** All the drivers, under the scheme's headings. */
  readonly groups: readonly DriverGroup<DriverSummary>[];
  /** Every theme with the drivers that share it, most shared first. */
  readonly themes: readonly ThemeEntry<DriverSummary>[];
}

/** A configured use of drivers: GET /assessments/:id/driver-configurations, GET/PUT /driver-configurations/:id. */
export interface DriverConfiguration extends MarkedFields {
  readonly id: number;
  readonly assessmentId: number;
  readonly topic: string;
  readonly note: string | null;
  /** In the order chosen. */
  readonly primary: readonly DriverSummary[];
  readonly secondary: readonly DriverSummary[];
  /** The configuration (in an earlier assessment) this one continues. */
  readonly carriedFrom: number | null;
}
