/**
 * The store answers what the API contract says: for every route that sends a store function's
 * result as it is, that function's result fits the route's answer type in src/api, and what a
 * request schema passes is what the store function takes. A field renamed or retyped in the store
 * fails here (vitest's typecheck, see vitest.config.ts) instead of breaking the web app quietly.
 * Only the store's public entry is imported, so the check holds however the store is laid out.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as store from '../store/index.js';
import type * as api from './index.js';

/** What a store function's promise resolves to. */
type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
/** The nth parameter a store function takes. */
type Param<F extends (...args: never[]) => unknown, N extends number> = Parameters<F>[N];
/** A request body without the version it guards (the route passes that separately). */
type Change<T> = Omit<T, 'expectedVersion'>;

describe('session and organisations', () => {
  it('holds the roles and organisation kinds the store uses', () => {
    expectTypeOf<store.Role>().toExtend<api.Role>();
    expectTypeOf<Answer<typeof store.listOrganisations>>().toExtend<readonly api.Organisation[]>();
  });
});

describe('assessments', () => {
  it('answers an assessment and the list', () => {
    expectTypeOf<Answer<typeof store.getAssessment>>().toExtend<api.Assessment>();
    expectTypeOf<Answer<typeof store.listAssessments>>().toExtend<readonly api.Assessment[]>();
  });

  it('creates one and starts next year from one, taking the requests', () => {
    expectTypeOf<Answer<typeof store.createAssessment>>().toExtend<api.Assessment>();
    expectTypeOf<api.NewAssessmentRequest>().toExtend<Param<typeof store.createAssessment, 2>>();
    expectTypeOf<Answer<typeof store.createNextAssessment>>().toExtend<api.NextYearAnswer>();
    expectTypeOf<api.NextYearRequest>().toExtend<Param<typeof store.createNextAssessment, 3>>();
  });

  it('answers the combined ranking (the route adds the withheld threats), the model and the direction', () => {
    expectTypeOf<Answer<typeof store.combinedView>>().toExtend<Omit<api.CombinedView, 'withheld'>>();
    expectTypeOf<Answer<typeof store.modelOfAssessment>>().toExtend<api.ScoringModel>();
    expectTypeOf<Answer<typeof store.directionOfTravelFor>>().toExtend<api.DirectionView>();
  });

  it('answers the Control Strategy, approved or not, and takes the approval request', () => {
    expectTypeOf<Answer<typeof store.controlStrategy>>().toExtend<api.ControlStrategyView>();
    expectTypeOf<Answer<typeof store.approveControlStrategy>>().toExtend<api.ControlStrategyView>();
    expectTypeOf<api.ApproveControlStrategy>().toExtend<Param<typeof store.approveControlStrategy, 3>>();
  });
});

describe('threats and scores', () => {
  it('answers a threat, the list and a changed threat, and takes the change', () => {
    expectTypeOf<Answer<typeof store.getThreat>>().toExtend<api.Threat>();
    expectTypeOf<Answer<typeof store.listThreats>>().toExtend<readonly api.Threat[]>();
    expectTypeOf<Answer<typeof store.updateThreat>>().toExtend<api.Threat>();
    expectTypeOf<api.ThreatChange>().toExtend<Param<typeof store.updateThreat, 4>>();
    expectTypeOf<Answer<typeof store.createThreat>>().toExtend<api.Threat>();
    expectTypeOf<api.NewThreat>().toExtend<Param<typeof store.createThreat, 3>>();
  });

  it('answers the sensitivity of a threat', () => {
    expectTypeOf<Answer<typeof store.threatSensitivity>>().toExtend<api.Sensitivity>();
  });

  it('answers a score added, changed or read, and takes the score and the change', () => {
    expectTypeOf<Answer<typeof store.addScore>>().toExtend<api.StoredScore>();
    expectTypeOf<Answer<typeof store.updateScore>>().toExtend<api.StoredScore>();
    expectTypeOf<Answer<typeof store.getScore>>().toExtend<api.StoredScore>();
    expectTypeOf<z.output<typeof api.NewScore> & { threatId: number; assessor: string }>().toExtend<store.NewScore>();
    expectTypeOf<api.ScoreChange>().toExtend<Param<typeof store.updateScore, 4>>();
  });
});

describe('recommendations', () => {
  it('answers the list, one with its history and an update added, and takes the update', () => {
    expectTypeOf<Answer<typeof store.listRecommendations>>().toExtend<readonly api.Recommendation[]>();
    expectTypeOf<Answer<typeof store.getRecommendation>>().toExtend<api.RecommendationWithHistory>();
    expectTypeOf<Answer<typeof store.addRecommendationUpdate>>().toExtend<api.RecommendationUpdateAdded>();
    expectTypeOf<api.NewRecommendationUpdate>().toExtend<store.NewRecommendationUpdate>();
    expectTypeOf<store.RecommendationStatus>().toEqualTypeOf<api.RecommendationStatus>();
    expectTypeOf<z.output<typeof api.NewRecommendationRequest>>().toExtend<store.NewRecommendation>();
    expectTypeOf<Change<z.output<typeof api.RecommendationEditRequest>>>().toExtend<store.RecommendationChange>();
    expectTypeOf<
      Change<z.output<typeof api.RecommendationCorrectionRequest>>
    >().toExtend<store.RecommendationUpdateCorrection>();
    expectTypeOf<Answer<typeof store.editRecommendation>>().toExtend<api.Recommendation>();
    expectTypeOf<Answer<typeof store.correctRecommendationUpdate>>().toExtend<api.RecommendationUpdateCorrected>();
  });
});

describe('audit and jobs', () => {
  it('answers the audit trail', () => {
    expectTypeOf<Answer<typeof store.listAudit>>().toExtend<readonly api.AuditRecord[]>();
    expectTypeOf<z.output<typeof api.AuditQuery>>().toExtend<store.AuditQuery>();
  });

  it('answers a job queued, read or listed', () => {
    expectTypeOf<Answer<typeof store.enqueueJob>>().toExtend<api.Job>();
    expectTypeOf<Answer<typeof store.getJob>>().toExtend<api.Job>();
    expectTypeOf<Answer<typeof store.listJobs>>().toExtend<readonly api.Job[]>();
  });
});

describe('the risk register', () => {
  it('answers the list, a risk with its history, a new risk and a review added', () => {
    expectTypeOf<Answer<typeof store.listRisks>>().toExtend<readonly api.RiskListed[]>();
    expectTypeOf<Answer<typeof store.getRisk>>().toExtend<api.RiskWithHistory>();
    expectTypeOf<Answer<typeof store.createRisk>>().toExtend<api.Risk>();
    expectTypeOf<Answer<typeof store.reviewRisk>>().toExtend<api.RiskReviewAdded>();
  });

  it('answers the heat map and the overdue list', () => {
    expectTypeOf<Answer<typeof store.riskHeatMap>>().toExtend<api.RiskHeatMap>();
    expectTypeOf<Answer<typeof store.overdueRiskReviews>>().toExtend<api.OverdueRiskList>();
  });

  it('takes a new risk and a review as the schemas pass them', () => {
    expectTypeOf<api.NewRisk>().toExtend<store.NewRisk>();
    expectTypeOf<api.NewRiskReview>().toExtend<store.NewRiskReview>();
    expectTypeOf<api.DeepReadonly<Change<z.output<typeof api.RiskReviewRequest>>>>().toEqualTypeOf<api.NewRiskReview>();
  });
});

describe('change drivers', () => {
  it('answers the list, a driver with its history, a new driver and a review added', () => {
    expectTypeOf<Answer<typeof store.listDrivers>>().toExtend<readonly api.Driver[]>();
    expectTypeOf<Answer<typeof store.getDriver>>().toExtend<api.DriverWithHistory>();
    expectTypeOf<Answer<typeof store.createDriver>>().toExtend<api.Driver>();
    expectTypeOf<Answer<typeof store.reviewDriver>>().toExtend<api.DriverReviewAdded>();
  });

  it('answers the matrix and the groups and themes', () => {
    expectTypeOf<Answer<typeof store.driverMatrix>>().toExtend<api.DriverMatrixView>();
    expectTypeOf<Answer<typeof store.driverThemes>>().toExtend<api.DriverMetaView>();
  });

  it('answers configurations listed, read, added and changed', () => {
    expectTypeOf<Answer<typeof store.listDriverConfigurations>>().toExtend<readonly api.DriverConfiguration[]>();
    expectTypeOf<Answer<typeof store.getDriverConfiguration>>().toExtend<api.DriverConfiguration>();
    expectTypeOf<Answer<typeof store.createDriverConfiguration>>().toExtend<api.DriverConfiguration>();
    expectTypeOf<Answer<typeof store.updateDriverConfiguration>>().toExtend<api.DriverConfiguration>();
  });

  it('takes a new driver, a review, a configuration and its change as the schemas pass them', () => {
    expectTypeOf<api.NewDriver>().toExtend<store.NewDriver>();
    expectTypeOf<api.NewDriverReview>().toExtend<store.NewDriverReview>();
    expectTypeOf<api.NewDriverConfiguration>().toExtend<store.NewDriverConfiguration>();
    expectTypeOf<api.DriverConfigurationChanges>().toExtend<store.DriverConfigurationChanges>();
  });
});

describe("partners' priorities", () => {
  it('answers the list, one with its revisions, and one recorded or changed', () => {
    expectTypeOf<Answer<typeof store.listPriorities>>().toExtend<readonly api.PartnerPriority[]>();
    expectTypeOf<Answer<typeof store.getPriority>>().toExtend<api.PartnerPriorityWithHistory>();
    expectTypeOf<Answer<typeof store.createPriority>>().toExtend<api.PartnerPriority>();
    expectTypeOf<Answer<typeof store.updatePriority>>().toExtend<api.PartnerPriority>();
  });

  it('answers the matrix, congruence and the periods', () => {
    expectTypeOf<Answer<typeof store.priorityMatrix>>().toExtend<api.PriorityMatrixView>();
    expectTypeOf<Answer<typeof store.priorityCongruence>>().toExtend<api.PriorityCongruenceView>();
    expectTypeOf<Answer<typeof store.priorityPeriods>>().toExtend<readonly string[]>();
  });

  it('takes a new priority and a change as the schemas pass them', () => {
    expectTypeOf<api.NewPartnerPriority>().toExtend<store.NewPartnerPriority>();
    expectTypeOf<api.PartnerPriorityChange>().toExtend<store.PartnerPriorityChange>();
    expectTypeOf<store.PriorityKind>().toEqualTypeOf<api.PriorityKind>();
  });
});

describe('plans and inspections', () => {
  it('answers plans, a plan with its objectives, mappings and two plans compared', () => {
    expectTypeOf<Answer<typeof store.listPlans>>().toExtend<readonly api.Plan[]>();
    expectTypeOf<Answer<typeof store.getPlan>>().toExtend<api.PlanWithObjectives>();
    expectTypeOf<Answer<typeof store.listPlanMappings>>().toExtend<readonly api.PlanMapping[]>();
    expectTypeOf<Answer<typeof store.getPlanMapping>>().toExtend<api.PlanMappingWithLinks>();
    expectTypeOf<Answer<typeof store.planComparison>>().toExtend<api.PlanComparison>();
  });

  it('answers inspections, findings, a finding with its updates and an update added', () => {
    expectTypeOf<Answer<typeof store.listInspections>>().toExtend<readonly api.InspectionSummary[]>();
    expectTypeOf<Answer<typeof store.getInspection>>().toExtend<api.InspectionWithFindings>();
    expectTypeOf<Answer<typeof store.listInspectionFindings>>().toExtend<readonly api.InspectionFinding[]>();
    expectTypeOf<Answer<typeof store.getInspectionFinding>>().toExtend<api.InspectionFindingWithUpdates>();
    expectTypeOf<Answer<typeof store.addInspectionFindingUpdate>>().toExtend<api.FindingUpdateAdded>();
  });

  it('takes a finding update as the schema passes it', () => {
    expectTypeOf<api.NewInspectionFindingUpdate>().toExtend<store.NewInspectionFindingUpdate>();
    expectTypeOf<z.output<typeof api.NewInspectionRequest>>().toExtend<store.NewInspection>();
    expectTypeOf<Change<z.output<typeof api.InspectionEditRequest>>>().toExtend<store.InspectionFields>();
    expectTypeOf<z.output<typeof api.NewFindingRequest>>().toExtend<store.NewInspectionFinding>();
    expectTypeOf<Answer<typeof store.createInspection>>().toExtend<api.Inspection>();
    expectTypeOf<Answer<typeof store.addInspectionFinding>>().toExtend<api.InspectionFinding>();
  });

  it('takes plans, objectives, mappings and their links as the schemas pass them (issue 14)', () => {
    expectTypeOf<api.NewPlan>().toExtend<store.NewPlan>();
    expectTypeOf<api.NewPlanMapping>().toExtend<store.NewPlanMapping>();
    expectTypeOf<Change<z.output<typeof api.PlanObjectiveEdit>>>().toExtend<store.PlanObjectiveFields>();
    expectTypeOf<Answer<typeof store.createPlan>>().toExtend<api.Plan>();
    expectTypeOf<Answer<typeof store.linkPlanThemes>>().toExtend<api.PlanMappingWithLinks>();
  });
});

describe('edits in the browser (issue 14)', () => {
  it('takes a driver edit and a risk edit as the schemas pass them', () => {
    expectTypeOf<api.DriverChanges>().toExtend<store.DriverChanges>();
    expectTypeOf<api.RiskChanges>().toExtend<store.RiskChanges>();
    expectTypeOf<Answer<typeof store.updateDriver>>().toExtend<api.Driver>();
    expectTypeOf<Answer<typeof store.updateRisk>>().toExtend<api.Risk>();
  });
});
