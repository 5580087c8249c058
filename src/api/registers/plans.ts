/**
 * Police and Crime Plans: the plans (GET /plans), one with its themes and objectives (GET
 * /plans/:id), the mappings between plans (GET /plan-mappings, /plan-mappings/:id) and two plans
 * side by side (GET /plans/compare?a=&b=, the seed's Appendix 1). The objectives and the
 * comparison as CSV (/plans/:id/objectives.csv, /plan-mappings/:id/comparison.csv) are text.
 * Writing: a plan (POST /plans), an objective under a theme (POST /plans/:id/objectives) and a
 * correction of one (PUT /plans/:id/objectives/:objectiveId), a mapping of two plans (POST
 * /plan-mappings), a theme linked (POST /plan-mappings/:id/theme-links) and two objectives paired
 * (POST /plan-mappings/:id/pairs), and undone (DELETE .../theme-links/:themeId, .../pairs/:objectiveId);
 * a plan's own fields corrected (PUT /plans/:id) and an objective mapped onto the partners'
 * priorities and threats (PUT /plans/:id/objectives/:objectiveId/maps); a change names the version read, a stale one is answered 409
 * with the plan or mapping as it is now.
 */
import { z } from 'zod';
import type { ComparisonCounts, ComparisonGroup } from '../../domain/plans/compare.js';
import {
  expectedVersion,
  marking,
  orgIds,
  queryNumber,
  type Checked,
  type MarkedFields,
  type Marking,
} from '../fields.js';

const organisationId = z.string().trim().min(1, 'choose the organisation').max(100);
const objectiveId = z.number().int().min(1);

/** POST /plans (NewPlan in the store). */
export const NewPlan = z.strictObject({
  organisationId,
  title: z.string().trim().min(1, 'give the plan its title').max(300),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'expected a span of years like 2016-2021'),
  commissioner: z.string().trim().max(200).nullable().optional(),
  source: z.string().trim().max(1000).nullable().optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewPlan = Checked<typeof NewPlan>;

/** PUT /plans/:id: the plan's title, years, commissioner or source corrected (PlanChanges in the store). */
export const PlanEdit = z.strictObject({
  expectedVersion,
  title: z.string().trim().min(1, 'give the plan its title').max(300).optional(),
  period: z
    .string()
    .trim()
    .regex(/^\d{4}\s*[-–]\s*\d{4}$/, 'expected a span of years like 2016-2021')
    .optional(),
  commissioner: z.string().trim().max(200).nullable().optional(),
  source: z.string().trim().max(1000).nullable().optional(),
});
export type PlanEdit = z.input<typeof PlanEdit>;

/**
 * PUT /plans/:id/objectives/:objectiveId/maps: the headings of the partners' priorities taxonomy
 * and the threats the objective serves, each list replacing the one it had (the plan's version).
 */
export const PlanObjectiveMapRequest = z.strictObject({
  expectedVersion,
  priorities: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  threats: z.array(objectiveId).max(200).optional(),
});
export type PlanObjectiveMapRequest = z.input<typeof PlanObjectiveMapRequest>;

/** DELETE /plan-mappings/:id/theme-links/:themeId and /plan-mappings/:id/pairs/:objectiveId?expectedVersion=N. */
export const PlanUnlinkQuery = z.strictObject({
  expectedVersion: z
    .string()
    .regex(/^[1-9]\d*$/, 'expected the version you read, a whole number')
    .transform(Number),
});

/** POST /plans/:id/objectives: an objective at the end of its theme (a new theme goes last). */
export const PlanObjectiveRequest = z.strictObject({
  expectedVersion,
  theme: z.string().trim().min(1, 'name the theme it sits under').max(300),
  text: z.string().trim().min(1, 'write the objective').max(5000),
});
export type PlanObjectiveRequest = z.input<typeof PlanObjectiveRequest>;

/** PUT /plans/:id/objectives/:objectiveId: its text corrected or moved to another theme (the plan's version). */
export const PlanObjectiveEdit = z.strictObject({
  expectedVersion,
  theme: z.string().trim().min(1).max(300).optional(),
  text: z.string().trim().min(1).max(5000).optional(),
});
export type PlanObjectiveEdit = z.input<typeof PlanObjectiveEdit>;

/** POST /plan-mappings (NewPlanMapping in the store): marked at least as the higher of the two plans. */
export const NewPlanMapping = z.strictObject({
  planAId: objectiveId,
  planBId: objectiveId,
  organisationId,
  title: z.string().trim().max(300).nullable().optional(),
  marking: marking.optional(),
  sharedWith: orgIds.optional(),
});
export type NewPlanMapping = Checked<typeof NewPlanMapping>;

/** POST /plan-mappings/:id/theme-links: a theme of plan A set beside a theme of plan B. */
export const PlanThemeLinkRequest = z.strictObject({
  expectedVersion,
  themeA: z.string().trim().min(1, 'choose the theme of the first plan').max(300),
  themeB: z.string().trim().min(1, 'choose the theme of the second plan').max(300),
});
export type PlanThemeLinkRequest = z.input<typeof PlanThemeLinkRequest>;

/** POST /plan-mappings/:id/pairs: an objective of plan A matched with one of plan B. */
export const PlanPairRequest = z.strictObject({ expectedVersion, objectiveA: objectiveId, objectiveB: objectiveId });
export type PlanPairRequest = z.input<typeof PlanPairRequest>;

export type {
  ComparedObjective,
  ComparisonCounts,
  ComparisonGroup,
  ComparisonRow,
} from '../../domain/plans/compare.js';

/** GET /plans. */
export const PlanListQuery = z.strictObject({ organisation: z.string().optional() });
/** GET /plan-mappings. */
export const PlanMappingsQuery = z.strictObject({ plan: queryNumber.optional() });
/** GET /plans/compare. */
export const PlanCompareQuery = z.strictObject({ a: queryNumber, b: queryNumber });

export interface Plan extends MarkedFields {
  readonly id: number;
  readonly title: string;
  /** "2016-2021". */
  readonly period: string;
  /** The Police and Crime Commissioner who set it, e.g. "John Champion". */
  readonly commissioner: string | null;
  /** Where the plan is published. */
  readonly source: string | null;
}

export interface PlanObjective {
  readonly id: number;
  readonly planId: number;
  readonly themeId: number;
  readonly theme: string;
  readonly text: string;
  /** Its place within its theme. */
  readonly position: number;
}

/** A threat an objective serves, as its reader may see it. */
export interface PlanMappedThreat {
  readonly id: number;
  readonly name: string;
  readonly assessmentId: number;
}

/** An objective with the partners' priorities headings and the threats it is mapped to. */
export interface PlanObjectiveWithMaps extends PlanObjective {
  /** Taxonomy ids (GET /priorities/taxonomy names them). */
  readonly priorities: readonly string[];
  /** Only the threats the reader may see. */
  readonly threats: readonly PlanMappedThreat[];
}

export interface PlanThemeWithObjectives {
  readonly id: number;
  readonly name: string;
  readonly position: number;
  readonly objectives: readonly PlanObjectiveWithMaps[];
}

/** GET /plans/:id: themes in the plan's order, each with its objectives in order. */
export interface PlanWithObjectives extends Plan {
  readonly themes: readonly PlanThemeWithObjectives[];
}

/** A mapping between two plans (GET /plan-mappings). */
export interface PlanMapping extends MarkedFields {
  readonly id: number;
  readonly planAId: number;
  readonly planBId: number;
  readonly title: string | null;
}

export interface PlanThemeLink {
  readonly id: number;
  readonly themeAId: number;
  readonly themeA: string;
  readonly themeBId: number;
  readonly themeB: string;
}

export interface PlanObjectivePair {
  readonly id: number;
  readonly objectiveA: { readonly id: number; readonly theme: string; readonly text: string };
  readonly objectiveB: { readonly id: number; readonly theme: string; readonly text: string };
}

/** GET /plan-mappings/:id: the themes linked and the objectives paired. */
export interface PlanMappingWithLinks extends PlanMapping {
  readonly themeLinks: readonly PlanThemeLink[];
  readonly pairs: readonly PlanObjectivePair[];
}

/** GET /plans/compare?a=&b=. */
export interface PlanComparison {
  readonly planA: Plan;
  readonly planB: Plan;
  /** The mapping used (made for these plans either way round), or null when there is none the reader can see. */
  readonly mapping: PlanMapping | null;
  /** The highest marking of the two plans and the mapping. */
  readonly marking: Marking;
  readonly groups: readonly ComparisonGroup[];
  readonly counts: ComparisonCounts;
}
