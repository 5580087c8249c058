import type { PageEntry } from '../page-entry';

export const DATA_PAGES: readonly PageEntry[] = [];
