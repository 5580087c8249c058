import type { PageEntry } from '../../page-entry';
import { TextPage } from './TextPage';
import { VersionsPage } from '../versions/VersionsPage';

/** The document's written text, and the assessment's versions and carry-forward (issue 14). */
export const TEXT_PAGES: readonly PageEntry[] = [
  { path: '/assessments/:id/text', component: TextPage, menu: 'Document text', group: 'assessment' },
  {
    path: '/assessments/:id/versions',
    component: VersionsPage,
    menu: 'Versions and carry-forward',
    group: 'assessment',
  },
];
