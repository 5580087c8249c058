/**
 * Errors to HTTP answers. A StraError's code picks the status and its message (written for a
 * user) is the body; anything else is a 500 with a reference the administrator can find in the
 * server log, never a stack trace.
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
