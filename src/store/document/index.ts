/** The document's records (re-exported by store/index.ts): the analyst's text, kept documents. Only re-exports. */
export type { AnalystText } from './reads.js';
export { listAnalystTexts } from './reads.js';
export type { AnalystTextWrite, AnalystTextWritten } from './writes.js';
export { writeAnalystText } from './writes.js';
export type { KeptDocument } from './kept.js';
export { listKeptDocuments, getKeptDocument } from './kept.js';
