import type { PageEntry } from '../page-entry';

export const ADMIN_PAGES: readonly PageEntry[] = [];
