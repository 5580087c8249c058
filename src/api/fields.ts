/**
 * What every resource of the API shares: the field schemas requests are checked with (a version
 * to guard a change, dates, markings, lists and flags in a query string) and the marked-record
 * fields every answer carries. Pure: no I/O, no server or store imports, so the server and the
 * browser compile the same definitions.
 */
import { z } from 'zod';
import { parseMarking, type Marking } from '../domain/marking.js';

export { MARKINGS } from '../domain/marking.js';
export type { Marking } from '../domain/marking.js';

/** The version of the record the change was made to (optimistic concurrency: 409 when stale). */
export const expectedVersion = z.number().int().min(1);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A protective marking, spelt exactly; the refusal names the markings there are. */
export const marking = z.string().transform((v, ctx) => {
  try {
    return parseMarking(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

/** "a,b,c" in a query string -> ['a', 'b', 'c'] (empty items dropped). */
export const idList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
);

/** A positive whole number in a query string. */
export const queryNumber = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);

/** "true" / "false" in a query string. */
export const queryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Organisations a record is shared with. */
export const orgIds = z.array(z.string().trim().min(1).max(100)).max(100);

/** Read-only all the way down (arrays and nested objects too). */
export type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * What a schema lets through, as the store function it feeds takes it: the schema's output
 * (markings parsed, defaults filled), read-only so that callers holding read-only lists fit.
 */
export type Checked<S extends z.ZodType> = DeepReadonly<z.output<S>>;

/** The fields of every marked record in an answer: marking, owner, shares, version, who and when. */
export interface MarkedFields {
  readonly marking: Marking;
  readonly organisationId: string;
  readonly sharedWith: readonly string[];
  readonly version: number;
  readonly createdBy: number | null;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedBy: number | null;
  readonly updatedAt: string;
}

/** A threat by its id and name (the lists of threats not scored yet, or withheld from an assessor). */
export interface NamedThreat {
  readonly threatId: number;
  readonly name: string;
}

/** The body of every refusal (4xx/5xx): a code, a message for the user, and details (fields named). */
export interface ErrorAnswer {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details?: {
      readonly fields?: ReadonlyArray<{ readonly field: string; readonly message: string }>;
      readonly [key: string]: unknown;
    };
  };
}
