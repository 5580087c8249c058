import type { PageEntry } from '../page-entry';

export const ASSESSMENT_PAGES: readonly PageEntry[] = [];
