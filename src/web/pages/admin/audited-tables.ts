/**
 * The store tables whose changes are audited (the `table` of writeAudit calls in src/store), for
 * the audit page's filter; tables seen in the loaded rows are offered as well, so a table added
 * later still appears.
 */
export const AUDITED_TABLES: readonly string[] = [
  'assessments',
  'control_strategies',
  'driver_configurations',
  'driver_reviews',
  'drivers',
  'inspection_finding_updates',
  'inspection_findings',
  'inspections',
  'memberships',
  'organisations',
  'partner_priorities',
  'plan_mappings',
  'plan_objective_maps',
  'plan_objective_pairs',
  'plan_objectives',
  'plan_theme_links',
  'plan_themes',
  'plans',
  'recommendation_updates',
  'recommendations',
  'risk_reviews',
  'risks',
  'scores',
  'scoring_models',
  'sessions',
  'threats',
  'users',
];
