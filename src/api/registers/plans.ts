/**
 * Police and Crime Plans: the plans (GET /plans), one with its themes and objectives (GET
 * /plans/:id), the mappings between plans (GET /plan-mappings, /plan-mappings/:id) and two plans
 * side by side (GET /plans/compare?a=&b=, the seed's Appendix 1). The objectives and the
 * comparison as CSV (/plans/:id/objectives.csv, /plan-mappings/:id/comparison.csv) are text.
 */
import { z } from 'zod';
import type { ComparisonCounts, ComparisonGroup } from '../../domain/plans/compare.js';
import { queryNumber, type MarkedFields, type Marking } from '../fields.js';

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

export interface PlanThemeWithObjectives {
  readonly id: number;
  readonly name: string;
  readonly position: number;
  readonly objectives: readonly PlanObjective[];
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
