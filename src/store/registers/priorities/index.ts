/**
 * The partners' priorities register's public surface (re-exported by store/index.ts): priorities,
 * their revisions, the matrix and congruence views. Only re-exports.
 */
export { listPriorities } from './reads.js';
export type { PriorityQuery } from './reads.js';
export { PARTNER_KINDS } from './holder.js';
export { priorityMatrix, priorityCongruence, priorityPeriods } from './views.js';
export type {
  PriorityMatrixView,
  PriorityCongruenceView,
  PartnerCongruence,
  MatrixQuery,
  CongruenceQuery,
} from './views.js';
export * from './writes.js';
