/**
 * The system of record's public surface: open a store, then every read and write goes through
 * these repository functions, each taking the acting user. Deliberately absent: the database
 * handle and any unfiltered read of marked records (see README.md, "Policy-enforcing reads").
 */
export { openStore, storeFolder, redact } from './open.js';
export type { OpenStoreOptions } from './open.js';
export type { Store, Dialect } from './store.js';
export { atomically } from './store.js';
export { actorFor, holdsRole } from './actor.js';
export type { Actor } from './actor.js';
export { ROLES } from './roles.js';
export type { Role } from './roles.js';
export { listAudit, storeRevision, BOOTSTRAP_ACTOR } from './audit.js';
export type { AuditRecord, AuditQuery } from './audit.js';
export { createOrganisation, listOrganisations, ORGANISATION_KINDS } from './organisations.js';
export type { Organisation, NewOrganisation, OrganisationKind } from './organisations.js';
export { createUser, addMembership, listUsers, countUsers } from './users.js';
export type { User, NewUser, Membership } from './users.js';
export { loadModelFile, loadModelJson, listModels, getModel, DEFAULT_MODEL } from './models.js';
export type { StoredModel } from './models.js';
export {
  createAssessment,
  getAssessment,
  listAssessments,
  setAssessmentStatus,
  nextPeriod,
  parsePeriod,
} from './assessments.js';
export type { Assessment, AssessmentStatus, NewAssessment } from './assessments.js';
export { createNextAssessment, reviseAssessment, CARRY_FORWARD_STEPS } from './carry-forward.js';
export type { CarryResult, CarryStep, CarryContext } from './carry-forward.js';
export { createThreat, getThreat, listThreats, updateThreat, deleteThreat } from './threats.js';
export type { Threat, ThreatFields, ThreatQuery } from './threats.js';
export { parseEvidence, NO_EVIDENCE } from './evidence.js';
export type { EvidenceLinks } from './evidence.js';
export type { PreviousScore } from './previous-score.js';
export { addScore, updateScore, listScores, getScore } from './scores.js';
export type { StoredScore, NewScore, ScoreChange, ScoreInputs, ScoreQuery } from './scores.js';
export type { ScoreOutputs } from './score-outputs.js';
export { importScores } from './score-import.js';
export type { ScoreRow, ImportSummary } from './score-import.js';
export { combinedView, threatSensitivity, modelOfAssessment } from './combined.js';
export type { CombinedView } from './combined.js';
export type { Ranking, RankedEntry } from './ranking.js';
export { directionOfTravelFor } from './direction.js';
export type { DirectionView, DirectionEntry } from './direction.js';
export { controlStrategy, approveControlStrategy } from './control-strategy.js';
export type { ControlStrategyView, ApproveOptions, StrategyOptions } from './control-strategy.js';
export {
  createRecommendation,
  listRecommendations,
  getRecommendation,
  recommendationHistory,
  addRecommendationUpdate,
  parseRecommendationStatus,
  RECOMMENDATION_STATUSES,
  CLOSED_RECOMMENDATION_STATUSES,
} from './recommendations.js';
export type {
  Recommendation,
  RecommendationUpdate,
  RecommendationWithHistory,
  RecommendationHistory,
  RecommendationStatus,
  NewRecommendation,
  NewRecommendationUpdate,
  RecommendationQuery,
} from './recommendations.js';
// The registers (issue 5): each module exports only policy-enforcing repository functions and types.
export * from './risks.js';
export * from './drivers.js';
export * from './priorities.js';
export * from './plans.js';
// Login, sessions and background jobs (the web server's state lives here, not in its process).
export { credentialsFor, setPasswordHash, recordLoginAttempt, recentLoginFailures } from './credentials.js';
export type { Credentials } from './credentials.js';
export { createSession, findSession, endSession } from './sessions.js';
export type { NewSession, ActiveSession } from './sessions.js';
export { enqueueJob, claimJob, requeueJob, reportJobProgress, finishJob, getJob, listJobs } from './jobs.js';
export type { Job, JobStatus } from './jobs.js';
