/**
 * A recommendation's status, a closed list shared by the store (its CHECK constraint), the API's
 * request schemas and the web's status picker, so all three accept exactly the same words.
 */
export const RECOMMENDATION_STATUSES = [
  'proposed',
  'agreed',
  'in_progress',
  'complete',
  'superseded',
  'not_adopted',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
