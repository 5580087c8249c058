/**
 * GET /search?q= (issue 14): one search across the records the user may see: assessments,
 * threats, risks, recommendations, drivers, partners' priorities, plans, inspections and the
 * document's analyst text. The server answers from the same store reads as each register's own
 * list (so the same organisation, marking and role rules), never from a separate index.
 */
import { z } from 'zod';
import type { Marking } from './fields.js';

export const SEARCH_KINDS = [
  'assessment',
  'threat',
  'risk',
  'recommendation',
  'driver',
  'priority',
  'plan',
  'inspection',
  'text',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(2, 'Type at least two letters to search.').max(200),
});

export interface SearchHit {
  readonly kind: SearchKind;
  readonly id: number;
  /** What the record is called ("SR4 Loss of the forensics service"). */
  readonly title: string;
  /** Where it sits ("2017/18", "West Mercia Police", the partner). */
  readonly context: string;
  readonly marking: Marking;
  readonly organisationId: string;
  /** The page of the web app that shows it. */
  readonly href: string;
}

export interface SearchAnswer {
  readonly q: string;
  readonly hits: readonly SearchHit[];
  /** Hits beyond the first ones of a kind were left out (there were more than `limit`). */
  readonly truncated: boolean;
  readonly limit: number;
}
