/**
 * Pages beyond the dashboard and trends, each group listed by its own module: the path it
 * answers, the component, and (optionally) its place in the menu. The layout's menu is built
 * from this list.
 */
import type { PageEntry } from './page-entry';
import { ASSESSMENT_PAGES } from './assessment/index';
import { RECOMMENDATION_PAGES } from './assessment/recommendations/index';
import { DOCUMENT_PAGES } from './assessment/document/index';
import { TEXT_PAGES } from './assessment/text/index';
import { DATA_PAGES } from './data/index';
import { ANALYSIS_PAGES } from './analysis/index';
import { REGISTER_PAGES } from './registers/index';
import { ADMIN_PAGES } from './admin/index';
import { LINK_PAGES } from './links/index';

export type { PageEntry };

export const PAGES: readonly PageEntry[] = [
  ...ASSESSMENT_PAGES,
  ...RECOMMENDATION_PAGES,
  ...TEXT_PAGES,
  ...DOCUMENT_PAGES,
  ...DATA_PAGES,
  ...ANALYSIS_PAGES,
  ...LINK_PAGES,
  ...REGISTER_PAGES,
  ...ADMIN_PAGES,
];
