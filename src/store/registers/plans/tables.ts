/**
 * The plans and inspections registers' tables as Kysely sees them (merged into Database in
 * types.ts; the DDL is migration 007). Themes, objectives, theme links and objective pairs carry
 * no marking of their own: they are read only through the plan or mapping they belong to.
 */
import type { ColumnType, Generated } from 'kysely';
import type { MarkedColumns } from '../../core/columns.js';

export interface PlansTable extends MarkedColumns {
  id: Generated<number>;
  title: string;
  /** "2016-2021". */
  period: string;
  commissioner: string | null;
  source: string | null;
}

export interface PlanThemesTable {
  id: Generated<number>;
  plan_id: number;
  name: string;
  position: number;
}

export interface PlanObjectivesTable {
  id: Generated<number>;
  plan_id: number;
  theme_id: number;
  text: string;
  position: number;
}

export interface PlanMappingsTable extends MarkedColumns {
  id: Generated<number>;
  plan_a_id: number;
  plan_b_id: number;
  title: string | null;
}

export interface PlanThemeLinksTable {
  id: Generated<number>;
  mapping_id: number;
  theme_a_id: number;
  theme_b_id: number;
}

export interface PlanObjectivePairsTable {
  id: Generated<number>;
  mapping_id: number;
  objective_a_id: number;
  objective_b_id: number;
}

/** An objective's heading of the partners' priorities taxonomy (migration 019); read through its plan. */
export interface PlanObjectivePrioritiesTable {
  objective_id: number;
  taxonomy_id: string;
}

/** A threat an objective serves (migration 019); read through its plan and only where the threat is visible. */
export interface PlanObjectiveThreatsTable {
  objective_id: number;
  threat_id: number;
}

export interface InspectionsTable extends MarkedColumns {
  id: Generated<number>;
  body: string;
  title: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source. */
  dated: string | null;
  grade: string | null;
  source: string | null;
}

export interface InspectionFindingsTable extends MarkedColumns {
  id: Generated<number>;
  inspection_id: number;
  reference: string | null;
  kind: string;
  text: string;
  detail: string | null;
  owner: string | null;
  status: Generated<string>;
}

/** Append-only: rows are inserted, never changed (a trigger refuses UPDATE and DELETE). */
export interface InspectionFindingUpdatesTable {
  id: Generated<number>;
  finding_id: number;
  /** date: written as 'YYYY-MM-DD', read back through `dated::text`. */
  dated: ColumnType<Date | string, string, never>;
  text: string;
  status_after: string;
  author: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PlanTables {
  plans: PlansTable;
  plan_themes: PlanThemesTable;
  plan_objectives: PlanObjectivesTable;
  plan_mappings: PlanMappingsTable;
  plan_theme_links: PlanThemeLinksTable;
  plan_objective_pairs: PlanObjectivePairsTable;
  plan_objective_priorities: PlanObjectivePrioritiesTable;
  plan_objective_threats: PlanObjectiveThreatsTable;
  inspections: InspectionsTable;
  inspection_findings: InspectionFindingsTable;
  inspection_finding_updates: InspectionFindingUpdatesTable;
}
