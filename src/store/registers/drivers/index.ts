/**
 * The environmental-scanning register's public surface (re-exported by index.ts): change drivers
 * with their reviews, the impact x uncertainty matrix, the meta view with cross-cutting themes,
 * and configured uses. Only policy-enforcing repository functions and types are exported; the
 * carry-forward step (driver-carry.ts) is wired in carry-forward.ts and deliberately not here.
 */
export { createDriver, updateDriver, listDrivers, DRIVER_FIRST_REVIEW_NOTE } from './writes.js';
export type { NewDriver, DriverChanges, DriverQuery } from './writes.js';
export type { Driver, DriverReview } from './reads.js';
export { reviewDriver, getDriver, driverHistory } from './reviews.js';
export type { NewDriverReview, DriverWithHistory, DriverHistory } from './reviews.js';
export { driverMatrix, driverThemes } from './views.js';
export type { DriverSummary, DriverMatrixView, DriverMetaView } from './views.js';
export {
  createDriverConfiguration,
  updateDriverConfiguration,
  listDriverConfigurations,
  getDriverConfiguration,
} from './configurations.js';
export type {
  DriverConfiguration,
  NewDriverConfiguration,
  DriverConfigurationChanges,
  DriverConfigurationQuery,
} from './configurations.js';
