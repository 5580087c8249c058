import type { PageEntry } from '../page-entry';
import { ConcentrationPage } from './ConcentrationPage';
import { CoveragePage } from './CoveragePage';
import { CssPage } from './CssPage';
import { DemandPage, MissingPage } from './DemandPages';
import { ForecastPage } from './ForecastPage';
import { IndicatorsPage } from './IndicatorsPage';
import { RatesPage } from './RatesPage';
import { StopSearchPage } from './StopSearchPage';
import { WddPage } from './WddPage';
import { MapPage } from '../map/MapPage';

export const ANALYSIS_PAGES: readonly PageEntry[] = [
  { path: '/map', component: MapPage, menu: 'Map', group: 'analysis' },
  { path: '/analysis/rates', component: RatesPage, menu: 'Rates per 1,000', group: 'analysis' },
  { path: '/analysis/css', component: CssPage, menu: 'Crime Severity Score', group: 'analysis' },
  { path: '/analysis/concentration', component: ConcentrationPage, menu: 'Harm concentration', group: 'analysis' },
  { path: '/analysis/wdd', component: WddPage, menu: 'What works (WDD)', group: 'analysis' },
  { path: '/analysis/indicators', component: IndicatorsPage, menu: 'Indicator tables', group: 'analysis' },
  { path: '/analysis/stop-search', component: StopSearchPage, menu: 'Stop and search', group: 'analysis' },
  { path: '/analysis/demand', component: DemandPage, menu: 'Demand (incidents)', group: 'analysis' },
  { path: '/analysis/missing', component: MissingPage, menu: 'Missing people', group: 'analysis' },
  { path: '/analysis/forecast', component: ForecastPage, menu: 'Forecast', group: 'analysis' },
  { path: '/analysis/coverage', component: CoveragePage, menu: 'Coverage', group: 'analysis' },
];
