import type { PageEntry } from '../../page-entry';
import { DocumentPage } from './DocumentPage';

export const DOCUMENT_PAGES: readonly PageEntry[] = [
  { path: '/assessments/:id/document', component: DocumentPage, menu: 'Document', group: 'assessment' },
];
