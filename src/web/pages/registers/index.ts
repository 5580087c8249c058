/** The register pages: strategic risks, change drivers, partners' priorities, plans and inspections. */
import type { PageEntry } from '../page-entry';
import { DriverPage } from './drivers/DriverPage';
import { DriversPage } from './drivers/DriversPage';
import { PlanPage } from './plans/PlanPage';
import { PlansPage } from './plans/PlansPage';
import { PrioritiesPage } from './priorities/PrioritiesPage';
import { RiskPage } from './risks/RiskPage';
import { RisksPage } from './risks/RisksPage';

export const REGISTER_PAGES: readonly PageEntry[] = [
  { path: '/registers/risks', component: RisksPage, menu: 'Strategic risks', group: 'registers' },
  { path: '/registers/risks/:riskId', component: RiskPage, group: 'registers' },
  { path: '/registers/drivers', component: DriversPage, menu: 'Change drivers', group: 'registers' },
  { path: '/registers/drivers/:driverId', component: DriverPage, group: 'registers' },
  { path: '/registers/priorities', component: PrioritiesPage, menu: "Partners' priorities", group: 'registers' },
  { path: '/registers/plans', component: PlansPage, menu: 'Plans and inspections', group: 'registers' },
  { path: '/registers/plans/:planId', component: PlanPage, group: 'registers' },
];
