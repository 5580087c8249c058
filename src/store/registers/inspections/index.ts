/**
 * The inspections register's public surface (re-exported by store/index.ts): inspections with
 * their grades, their findings and the findings' dated updates, and the plans' and inspections'
 * terms. Only re-exports.
 */
export type { Inspection, InspectionFinding, InspectionFindingUpdate } from './reads.js';
export * from './writes.js';
export * from './findings.js';
export {
  parsePlanPeriod,
  parseInspectionGrade,
  parseFindingKind,
  parseFindingStatus,
  INSPECTION_GRADES,
  FINDING_KINDS,
  FINDING_STATUSES,
} from '../../../domain/plans/terms.js';
export type { InspectionGrade, FindingKind, FindingStatus } from '../../../domain/plans/terms.js';
