import type { PageEntry } from '../page-entry';
import { DataPage } from './DataPage';

export const DATA_PAGES: readonly PageEntry[] = [
  { path: '/data', component: DataPage, menu: 'Data and imports', group: 'data' },
];
