/**
 * POST /api/reference-tables/:kind?organisation=ID&name=FILE.csv with the CSV as the body (issue
 * 14): an area table (`stra areas load`), a population table (`stra population load`) or
 * indicator values (`stra indicators import`), loaded by an administrator of the organisation.
 */
import { z } from 'zod';

export const ReferenceTableQuery = z.strictObject({
  organisation: z.string().trim().min(1, 'choose the organisation you act for').max(100),
  name: z
    .string()
    .trim()
    .min(1, 'give the file name')
    .max(200)
    .regex(/\.csv$/i, 'expected a .csv file'),
});
export type ReferenceTableQuery = z.input<typeof ReferenceTableQuery>;

export interface ReferenceTableLoaded {
  readonly kind: 'areas' | 'population' | 'indicators';
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  readonly summary: string;
}

/** GET /api/reference-tables (administrators): the tables loaded from the browser or the command line, newest first. */
export interface ReferenceTableLoad extends ReferenceTableLoaded {
  /** null: loaded from the command line for the whole workspace. */
  readonly organisationId: string | null;
  /** Loaded in the browser, or with stra areas load / population load / indicators import. */
  readonly via: 'browser' | 'command line';
  readonly loadedBy: string;
  /** ISO timestamp. */
  readonly loadedAt: string;
}
