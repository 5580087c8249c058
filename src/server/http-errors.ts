/**
 * Errors to HTTP answers. A StraError's code picks the status and its message (written for a
 * user) is the body; a unique key refusing a row written in a race is a 409; anything else is a
 * 500 with a reference the administrator can find in the server log, never a stack trace.
 */
import { randomBytes } from 'node:crypto';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StraError, type ErrorCode } from '../errors.js';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  USAGE: 400,
  INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STATE: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  IO: 503,
  INTERNAL: 500,
};

/** PostgreSQL's SQLSTATE for a unique constraint refusing a row. */
const UNIQUE_VIOLATION = '23505';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: Record<string, unknown> };
}

export function errorResponse(
  err: unknown,
  log: (line: string) => void,
): { status: ContentfulStatusCode; body: ErrorBody } {
  if (err instanceof StraError && err.code !== 'INTERNAL') {
    const details = err.details;
    return {
      status: STATUS[err.code],
      body: {
        error: {
          code: err.code,
          message: err.message,
          ...(details === undefined ? {} : { details: publicDetails(details) }),
        },
      },
    };
  }
  if ((err as { code?: unknown } | null)?.code === UNIQUE_VIOLATION) {
    // Two writers raced for one name, number or reference (the stores check first, so only a race
    // gets here). Every such key holds its record's organisation and marking (migration 016), so
    // the record that won is one this writer can see: saying so reveals nothing hidden.
    return {
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message: 'A record with that name, number or reference was saved a moment ago: reload, and choose another.',
        },
      },
    };
  }
  const reference = randomBytes(4).toString('hex');
  log(`error ${reference}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return {
    status: 500,
    body: {
      error: {
        code: 'INTERNAL',
        message: `Something went wrong on the server (reference ${reference}); the administrator can find it in the server log.`,
      },
    },
  };
}

/** Details safe to send: plain values only (no error objects, which could carry stacks). */
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details, (_k, v: unknown) => (v instanceof Error ? undefined : v))) as Record<
    string,
    unknown
  >;
}
