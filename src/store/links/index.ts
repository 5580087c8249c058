/**
 * Link analysis in the store (issue 16): marked investigations, device imports, and the audited
 * reads of what was seized. Only re-exports.
 */
export * from './writes.js';
export * from './queries.js';
export * from './contacts.js';
export * from './detail.js';
