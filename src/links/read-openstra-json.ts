/**
 * The OpenSTRA JSON form (docs/links/openstra-json.md): `{"format": "openstra-links", "version":
 * 1, "records": [...]}`, each record the fields of an OpenSTRA CSV row. Why a JSON form beside the
 * CSV: a script or another system writes JSON more easily than quoted multi-line CSV cells (several
 * identifiers on a contact are an array here). Decisions: the document is validated with zod; a
 * record that does not fit is a row-level reject naming the file, the record's number (its
 * "line", counted from 1 as in iLEAPP JSON) and the field, so the file is refused whole like any
 * other; records that fit become a table with the OpenSTRA CSV's column names, which the shipped
 * `openstra` mapping reads, so both forms follow one set of rules.
 */
import { z } from 'zod';
import { RECORD_TYPES, type RecordReject } from '../domain/links/records.js';
import { StraError } from '../errors.js';
import type { Table } from './table.js';

export const OPENSTRA_JSON_FORMAT = 'openstra-links';

const text = z.string().trim().min(1);
export const OpenstraJsonRecord = z
  .object({
    record: z.enum(RECORD_TYPES),
    identifier: z.union([text, z.array(text).min(1)]),
    timestamp: z.union([z.string(), z.number()]).nullish(),
    direction: z.enum(['incoming', 'outgoing', 'missed', 'unknown']).nullish(),
    name: z.string().nullish(),
    duration_s: z.union([z.number().nonnegative(), z.string()]).nullish(),
    region: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'a two-letter country code')
      .nullish(),
  })
  .strict();

export const OpenstraJsonDocument = z.object({
  format: z.literal(OPENSTRA_JSON_FORMAT),
  version: z.literal(1),
  records: z.array(z.unknown()),
});

const HEADERS = ['record', 'identifier', 'timestamp', 'direction', 'name', 'duration_s', 'region'] as const;

/** Whether parsed JSON says it is the OpenSTRA form. */
export const isOpenstraJson = (doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === OPENSTRA_JSON_FORMAT;

export function readOpenstraJson(doc: unknown, source: string): Table {
  const parsed = OpenstraJsonDocument.safeParse(doc);
  if (!parsed.success)
    throw new StraError('INPUT', `${source} is not an OpenSTRA JSON file:\n${z.prettifyError(parsed.error)}`);
  const rows: { line: number; cells: unknown[] }[] = [];
  const rejects: RecordReject[] = [];
  parsed.data.records.forEach((raw, i) => {
    const line = i + 1;
    const r = OpenstraJsonRecord.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join('.') : 'record';
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
        rejects.push({
          source,
          line,
          field: unknownKeys ?? field,
          reason: unknownKeys !== undefined ? 'is not a field of the OpenSTRA JSON form' : issue.message,
        });
      }
      return;
    }
    const v = r.data;
    rows.push({
      line,
      cells: [
        v.record,
        Array.isArray(v.identifier) ? v.identifier.join('\n') : v.identifier,
        v.timestamp ?? null,
        v.direction ?? null,
        v.name ?? null,
        v.duration_s ?? null,
        v.region ?? null,
      ],
    });
  });
  return { source, headers: [...HEADERS], rows, rejects };
}
