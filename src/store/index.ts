/**
 * The system of record's public surface: open a store, then every read and write goes through
 * these repository functions, each taking the acting user. Deliberately absent: the database
 * handle and any unfiltered read of marked records (see README.md, "Policy-enforcing reads").
 */
export { openStore, snapshotStore, storeFolder, redact } from './core/open.js';
export type { OpenStoreOptions } from './core/open.js';
export type { Store, Dialect } from './core/store.js';
export { atomically } from './core/store.js';
export { actorFor, holdsRole } from './core/actor.js';
export type { Actor } from './core/actor.js';
export { ROLES } from './core/roles.js';
export type { Role } from './core/roles.js';
export { listAudit, storeRevision, recordEvent, queueEvents, flushEvents, BOOTSTRAP_ACTOR } from './core/audit.js';
export { AuditUnavailable } from './core/event-queue.js';
export { resolveOne } from './core/uniqueness.js';
export type { AuditRecord, AuditQuery, AuditEntry, AuditAction } from './core/audit.js';
export { createOrganisation, listOrganisations, ORGANISATION_KINDS } from './identity/organisations.js';
export type { Organisation, NewOrganisation, OrganisationKind } from './identity/organisations.js';
export { createUser, addMembership, listUsers, countUsers } from './identity/users.js';
export { setUpWorkspace, needsSetup, setupOver } from './identity/setup.js';
export type { WorkspaceSetup, SetUp } from './identity/setup.js';
export {
  administeredUsers,
  updateUser,
  resetPassword,
  removeMembership,
  revokeSessions,
} from './identity/user-admin.js';
export type { AdministeredUser, UserChange } from './identity/user-admin.js';
export type { User, NewUser, Membership } from './identity/users.js';
export { loadModelFile, loadModelJson, listModels, getModel, DEFAULT_MODEL } from './assessment/models.js';
export type { StoredModel } from './assessment/models.js';
export {
  createAssessment,
  getAssessment,
  listAssessments,
  setAssessmentStatus,
  nextPeriod,
  parsePeriod,
} from './assessment/assessments.js';
export type { Assessment, AssessmentStatus, NewAssessment } from './assessment/assessments.js';
export { createNextAssessment, reviseAssessment, CARRY_FORWARD_STEPS } from './assessment/carry-forward.js';
export type { CarryResult, CarryStep, CarryContext } from './assessment/carry-forward.js';
export { createThreat, getThreat, listThreats, updateThreat, deleteThreat } from './assessment/threats.js';
export type { Threat, ThreatFields, ThreatQuery } from './assessment/threats.js';
export { parseEvidence, NO_EVIDENCE } from './assessment/evidence.js';
export type { EvidenceLinks } from './assessment/evidence.js';
export type { PreviousScore } from './assessment/previous-score.js';
export { addScore, updateScore, listScores, getScore } from './assessment/scores.js';
export type { StoredScore, NewScore, ScoreChange, ScoreInputs, ScoreQuery } from './assessment/scores.js';
export type { ScoreOutputs } from './assessment/score-outputs.js';
export { importScores } from './assessment/score-import.js';
export type { ScoreRow, ImportSummary } from './assessment/score-import.js';
export { combinedView, threatSensitivity, modelOfAssessment } from './assessment/combined.js';
export type { CombinedView } from './assessment/combined.js';
export type { Ranking, RankedEntry } from './assessment/ranking.js';
export { directionOfTravelFor } from './assessment/direction.js';
export type { DirectionView, DirectionEntry } from './assessment/direction.js';
export { controlStrategy, controlStrategyAtClearance, approveControlStrategy } from './assessment/control-strategy.js';
export { getAssessmentSettings, setAssessmentSettings, settingsOf } from './assessment/settings.js';
export type { AssessmentSettings, AssessmentSettingsChanges } from './assessment/settings.js';
export type { ControlStrategyView, ApproveOptions, StrategyOptions } from './assessment/control-strategy.js';
export * from './registers/recommendations/index.js';
// The registers (issue 5): each module exports only policy-enforcing repository functions and types.
export * from './registers/risks/index.js';
export * from './registers/drivers/index.js';
export * from './registers/priorities/index.js';
export * from './registers/plans/index.js';
export * from './registers/inspections/index.js';
// The document (issue 14): the analyst's text of each part, and the documents built and kept.
export * from './document/index.js';
// Login, sessions and background jobs (the web server's state lives here, not in its process).
export { credentialsFor, setPasswordHash, recordLoginAttempt, recentLoginFailures } from './identity/credentials.js';
export type { Credentials } from './identity/credentials.js';
export { loginFailures, unlockLogins, userIdOf, UNLOCK_CLIENT } from './identity/login-throttle.js';
export type { LoginFailures } from './identity/login-throttle.js';
export { createSession, findSession, endSession } from './identity/sessions.js';
export type { NewSession, ActiveSession } from './identity/sessions.js';
export { enqueueJob, claimJob, requeueJob, reportJobProgress, finishJob, getJob, listJobs } from './identity/jobs.js';
export type { Job, JobStatus } from './identity/jobs.js';
export * from './links/index.js';
export { listStrategyPlans } from './strategy/reads.js';
export type { StrategyPlan } from './strategy/reads.js';
export { writeStrategyPlan } from './strategy/writes.js';
export type { StrategyPlanWrite, StrategyPlanWritten } from './strategy/writes.js';
