/**
 * Normalising what the drivers return, at the repository edge. Why: PGlite and node-postgres
 * disagree (int8 as number, bigint or string; timestamps as Date; numeric as string), so every
 * value leaving a repository passes through these and callers see one set of JS types on both.
 */
import { parseMarking, type Marking } from '../../domain/marking.js';

/** int8 / count(*) from any driver -> number (exact below 2^53, far beyond our row counts). */
export function toInt(value: number | bigint | string | null | undefined): number {
  if (value === null || value === undefined) throw new Error('expected an integer, got nothing');
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer, got ${String(value)}`);
  return n;
}

/** timestamptz -> ISO 8601 UTC text. */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

/** The marked-record fields every repository returns, camel-cased and normalised. */
export interface MarkedFields {
  readonly marking: Marking;
  readonly organisationId: string;
  readonly sharedWith: readonly string[];
  readonly version: number;
  readonly createdBy: number | null;
  readonly createdAt: string;
  readonly updatedBy: number | null;
  readonly updatedAt: string;
}

export interface MarkedRow {
  marking: string;
  organisation_id: string;
  shared_with: string[];
  version: number;
  created_by: number | null;
  created_at: Date | string;
  updated_by: number | null;
  updated_at: Date | string;
}

export function markedFields(row: MarkedRow): MarkedFields {
  return {
    marking: parseMarking(row.marking),
    organisationId: row.organisation_id,
    sharedWith: [...row.shared_with],
    version: toInt(row.version),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
  };
}

/** JSON text for a jsonb column (never a bare object: node-postgres sends arrays as SQL arrays). */
export const json = (value: unknown): string => JSON.stringify(value ?? null);
