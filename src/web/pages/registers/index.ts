import type { PageEntry } from '../page-entry';

export const REGISTER_PAGES: readonly PageEntry[] = [];
