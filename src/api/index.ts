/**
 * The API contract shared by the server and the browser: for each resource, the zod schemas the
 * server checks requests with and the types of its answers. Pure (no I/O, no server or store
 * imports) so both tsconfigs compile it; the store's answers are checked against these types by
 * contract.test-d.ts. Import from here, not from the single files.
 */
export * from './fields.js';
export * from './session.js';
export * from './organisations.js';
export * from './assessments.js';
export * from './threats.js';
export * from './scores.js';
export * from './recommendations.js';
export * from './audit.js';
export * from './jobs.js';
export * from './imports.js';
export * from './reports.js';
export * from './trends.js';
export * from './registers/index.js';
export * from './analysis.js';
export * from './demand.js';
export * from './map.js';
export * from './setup.js';
export * from './users.js';
export * from './document.js';
export * from './reference-tables.js';
export * from './strategy-plans.js';
export * from './links.js';
export * from './search.js';
export * from './assessment-settings.js';
