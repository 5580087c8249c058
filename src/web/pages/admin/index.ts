import type { PageEntry } from '../page-entry';
import { AuditPage } from './AuditPage';
import { UsersPage } from './UsersPage';
import { TablesPage } from './TablesPage';

export const ADMIN_PAGES: readonly PageEntry[] = [
  { path: '/admin/users', component: UsersPage, menu: 'Users and roles', group: 'admin', role: 'admin' },
  { path: '/admin/tables', component: TablesPage, menu: 'Area and other tables', group: 'admin', role: 'admin' },
  { path: '/admin', component: UsersPage },
  { path: '/audit', component: AuditPage, menu: 'Audit trail', group: 'admin', role: 'admin' },
];
