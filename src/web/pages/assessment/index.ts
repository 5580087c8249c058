/** The assessment pages: threats and the scoring workshop, the summary chart, the Control Strategy. */
import type { PageEntry } from '../page-entry';
import { AssessmentsPage } from './AssessmentsPage';
import { ControlStrategyPage } from './ControlStrategyPage';
import { SummaryPage } from './SummaryPage';
import { ThreatsPage } from './ThreatsPage';
import { WorkshopPage } from './WorkshopPage';

export const ASSESSMENT_PAGES: readonly PageEntry[] = [
  // Every assessment; creating one and starting next year's (linked from the menu's top).
  { path: '/assessments', component: AssessmentsPage },
  { path: '/assessments/:id/threats', component: ThreatsPage, menu: 'Threats and scoring', group: 'assessment' },
  { path: '/assessments/:id/threats/:threatId', component: WorkshopPage, group: 'assessment' },
  { path: '/assessments/:id/summary', component: SummaryPage, menu: 'Assessment summary', group: 'assessment' },
  {
    path: '/assessments/:id/control-strategy',
    component: ControlStrategyPage,
    menu: 'Control Strategy',
    group: 'assessment',
  },
];
