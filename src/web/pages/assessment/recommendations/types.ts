/** The recommendations register's API answers (only the fields the page reads). */
import type { Marked } from '../../../types';

export const RECOMMENDATION_STATUSES = [
  'proposed',
  'agreed',
  'in_progress',
  'complete',
  'superseded',
  'not_adopted',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const statusText = (s: string): string => s.replace(/_/g, ' ');

export interface Recommendation extends Marked {
  readonly id: number;
  readonly assessmentId: number;
  readonly number: string | null;
  readonly theme: string;
  readonly text: string;
  readonly owner: string | null;
  readonly status: RecommendationStatus;
  readonly carriedFrom: number | null;
}

export interface RecommendationUpdate {
  readonly id: number;
  readonly recommendationId: number;
  readonly assessmentId: number;
  readonly dated: string;
  readonly text: string;
  readonly statusAfter: RecommendationStatus;
  readonly author: string;
  readonly createdAt: string;
}

export interface RecommendationWithHistory extends Recommendation {
  readonly updates: readonly RecommendationUpdate[];
}
