/** The registers' contract: risks, change drivers, partners' priorities, plans and inspections. */
export * from './risks.js';
export * from './drivers.js';
export * from './priorities.js';
export * from './plans.js';
export * from './inspections.js';
