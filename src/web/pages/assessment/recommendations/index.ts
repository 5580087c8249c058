import type { PageEntry } from '../../page-entry';
import { RecommendationsPage } from './RecommendationsPage';

/** Added to the registry by src/web/pages/assessment/index.ts. */
export const RECOMMENDATION_PAGES: PageEntry[] = [
  {
    path: '/assessments/:id/recommendations',
    component: RecommendationsPage,
    menu: 'Recommendations',
    group: 'assessment',
  },
];
