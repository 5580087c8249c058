/**
 * The strategic risk register's tables as Kysely sees them (merged into Database in types.ts):
 * marked, versioned risks and their append-only reviews (migration 004).
 */
import type { ColumnType, Generated } from 'kysely';
import type { MarkedColumns } from '../../core/columns.js';

/** date: written as 'YYYY-MM-DD', read back through `column::text`. */
type DateColumn = ColumnType<Date | string, string, string>;
/** Computed by the database (likelihood x impact); never written. */
type GeneratedScore = ColumnType<number, never, never>;

export interface RisksTable extends MarkedColumns {
  id: Generated<number>;
  reference: string;
  title: string;
  category: string;
  owner: string;
  cause: Generated<string>;
  consequence: Generated<string>;
  scale_size: number;
  inherent_likelihood: number;
  inherent_impact: number;
  inherent_score: GeneratedScore;
  residual_likelihood: number;
  residual_impact: number;
  residual_score: GeneratedScore;
  mitigation: Generated<string>;
  actions: ColumnType<string[], string[] | undefined, string[]>;
  identified_on: DateColumn;
  next_review: DateColumn;
  status: Generated<string>;
}

/** Append-only: rows are inserted, never changed (a trigger refuses UPDATE and DELETE). */
export interface RiskReviewsTable {
  id: Generated<number>;
  risk_id: number;
  dated: ColumnType<Date | string, string, never>;
  likelihood: number;
  impact: number;
  score: GeneratedScore;
  narrative: string;
  status_after: string;
  next_review: ColumnType<Date | string, string, never>;
  author: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface RiskTables {
  risks: RisksTable;
  risk_reviews: RiskReviewsTable;
}
