/**
 * The plans register's public surface (re-exported by store/index.ts): Police and Crime Plans
 * with their themes and objectives, the mappings that set two plans side by side, and the
 * comparison sheet entered row by row. Only re-exports.
 */
export type {
  Plan,
  PlanMappedThreat,
  PlanObjective,
  PlanObjectiveWithMaps,
  PlanTheme,
  PlanThemeWithObjectives,
} from './reads.js';
export * from './writes.js';
export * from './mappings.js';
export * from './comparison-rows.js';
