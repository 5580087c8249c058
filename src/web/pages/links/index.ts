import type { PageEntry } from '../page-entry';
import { InvestigationPage } from './InvestigationPage';
import { InvestigationsPage } from './InvestigationsPage';
import { LinksPage } from './LinksPage';

export const LINK_PAGES: readonly PageEntry[] = [
  { path: '/links', component: LinksPage, menu: 'Links: search and network', group: 'analysis' },
  { path: '/links/investigations', component: InvestigationsPage, menu: 'Links: investigations', group: 'analysis' },
  { path: '/links/investigations/:id', component: InvestigationPage, group: 'analysis' },
];
