import type { PageEntry } from '../page-entry';
import { AuditPage } from './AuditPage';

export const ADMIN_PAGES: readonly PageEntry[] = [
  { path: '/audit', component: AuditPage, menu: 'Audit trail', group: 'admin', role: 'admin' },
];
