/** The audit trail for administrators: GET /audit?table=&limit= (newest first). */
import { z } from 'zod';
import type { Marking } from './fields.js';

/** The administrators' search of the audit trail: every filter optional, all must match. */
export const AuditQuery = z.object({
  table: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  organisationId: z.string().max(100).optional(),
  action: z.string().max(40).optional(),
  actorName: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** One change: who, when, what, and the record before and after. */
export interface AuditRecord {
  readonly id: number;
  readonly at: string;
  readonly actorId: number | null;
  readonly actorName: string;
  readonly action: string;
  readonly table: string;
  readonly recordId: string;
  readonly marking: Marking;
  readonly organisationId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}
