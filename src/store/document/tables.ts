/**
 * The document's tables as Kysely sees them (merged into Database in core/schema.ts): the
 * analyst's written text, one marked, versioned record per part of an assessment's document
 * (migration 012).
 */
import type { Generated } from 'kysely';
import type { MarkedColumns } from '../core/columns.js';

export interface AnalystTextsTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  part: string;
  body: string;
}

export interface DocumentTables {
  analyst_texts: AnalystTextsTable;
}
