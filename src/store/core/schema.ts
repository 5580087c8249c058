/**
 * The system of record's tables as Kysely sees them. Why: one typed description of the schema
 * that every repository compiles against. Decisions: integer identities (int4 is a JS number on
 * every driver) except the audit log's bigint, which repositories normalise; JSON lives in jsonb
 * columns written as JSON text; every marked table shares the MarkedColumns block (core/columns.ts) (marking, owning
 * organisation, explicit shares, optimistic-concurrency version, who and when).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Json, MarkedColumns, NullableTimestamp, Timestamp } from './columns.js';
import type { RiskTables } from '../registers/risks/tables.js';
import type { ScanningTables } from '../registers/drivers/tables.js';
import type { PriorityTables } from '../registers/priorities/tables.js';
import type { PlanTables } from '../registers/plans/tables.js';
import type { DocumentTables } from '../document/tables.js';
import type { LinkTables } from '../links/tables.js';

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  clearance: string;
  password_hash: string | null;
  created_at: Timestamp;
  /** Migration 010: set when an administrator disables the user (no login while set). */
  disabled_at: NullableTimestamp;
}

export interface MembershipsTable {
  user_id: number;
  organisation_id: string;
  role: string;
}

export interface AuditLogTable {
  id: ColumnType<number | bigint | string, never, never>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  table_name: string;
  record_id: string;
  marking: string;
  organisation_id: string | null;
  subject_id: ColumnType<number | null, number | null | undefined, never>;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

export interface ScoringModelsTable {
  id: string;
  version: number;
  name: string;
  definition: Json<unknown>;
  source: string;
  loaded_by: number | null;
  loaded_at: Timestamp;
}

export interface AssessmentsTable extends MarkedColumns {
  id: Generated<number>;
  period: string;
  version_label: string;
  title: string;
  status: Generated<string>;
  previous_id: number | null;
  revision_of_id: number | null;
  model_id: string;
  model_version: number;
  combine_method: Generated<string>;
}

export interface ThreatsTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  name: string;
  description: Generated<string>;
  evidence: Json<unknown>;
  owner: string | null;
  carried_from_id: number | null;
  previous_score: Json<unknown> | null;
}

export interface ScoresTable extends MarkedColumns {
  id: Generated<number>;
  threat_id: number;
  assessor: string;
  model_id: string;
  model_version: number;
  inputs: Json<unknown>;
  outputs: Json<unknown>;
}

/** Migration 018: a threat's Control Strategy plan (lead officer, actions by heading, questions). */
export interface StrategyPlansTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  threat_id: number;
  lead_officer: string;
  actions: Json<unknown>;
  questions: Json<unknown>;
}

/** Migration 021: an assessment's document title and organisation name, and its strategy headings. */
export interface AssessmentSettingsTable {
  assessment_id: number;
  document_title: string | null;
  document_organisation: string | null;
  strategy_headings: Json<unknown> | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Generated<Date | string>;
}

export interface ControlStrategiesTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  headings: Json<unknown>;
  entries: Json<unknown>;
  status: string;
  approved_by: number | null;
  approved_at: NullableTimestamp;
}

export interface RecommendationsTable extends MarkedColumns {
  id: Generated<number>;
  assessment_id: number;
  number: string | null;
  theme: string;
  text: string;
  owner: string | null;
  status: Generated<string>;
  carried_from: number | null;
  /** YYYY-MM-DD (migration 011): when the recommendation is due; null when none was set. */
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Append-only: rows are inserted, never changed (a trigger refuses UPDATE and DELETE). */
export interface RecommendationUpdatesTable {
  id: Generated<number>;
  recommendation_id: number;
  /** date: written as 'YYYY-MM-DD', read back through `dated::text`. */
  dated: ColumnType<Date | string, string, never>;
  text: string;
  status_after: string;
  author: string;
  created_at: Timestamp;
  /** The update this row corrects (migration 011); null for an update as first written. */
  corrects: number | null;
  /** Why a correction was made. */
  reason: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  client: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  params: Json<unknown>;
  status: ColumnType<string, string | undefined, string>;
  progress: ColumnType<unknown, string | null | undefined, string | null>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
  claimed_by: string | null;
  created_by: number;
  organisation_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface Database extends RiskTables, ScanningTables, PriorityTables, PlanTables, DocumentTables, LinkTables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  audit_log: AuditLogTable;
  scoring_models: ScoringModelsTable;
  assessments: AssessmentsTable;
  threats: ThreatsTable;
  scores: ScoresTable;
  control_strategies: ControlStrategiesTable;
  strategy_plans: StrategyPlansTable;
  assessment_settings: AssessmentSettingsTable;
  recommendations: RecommendationsTable;
  recommendation_updates: RecommendationUpdatesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  jobs: JobsTable;
}

export type { Json, MarkedColumns } from './columns.js';
