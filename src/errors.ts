/**
 * Typed errors with stable codes. Library code throws these; the CLI and HTTP boundaries turn
 * them into exit codes / statuses. Messages say what went wrong and what to do about it.
 */
export type ErrorCode =
  | 'USAGE' // bad command-line arguments or parameters
  | 'INPUT' // a file or value supplied by the user is not acceptable
  | 'NOT_FOUND' // a path or record does not exist
  | 'CONFLICT' // a stale write or a competing writer
  | 'STATE' // the workspace is not in a state that allows this
  | 'FORBIDDEN' // the acting user may not do this (a missing role, clearance or membership)
  | 'UNAUTHENTICATED' // nobody is logged in, or the login was refused
  | 'RATE_LIMITED' // too many attempts: wait and try again
  | 'IO' // the disk or the operating system failed (full disk, permissions)
  | 'INTERNAL';

export class StraError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'StraError';
    this.code = code;
    this.details = details;
  }
}

export const usageError = (message: string, details?: Record<string, unknown>) =>
  new StraError('USAGE', message, details);
export const inputError = (message: string, details?: Record<string, unknown>) =>
  new StraError('INPUT', message, details);
export const notFoundError = (message: string, details?: Record<string, unknown>) =>
  new StraError('NOT_FOUND', message, details);
export const conflictError = (message: string, details?: Record<string, unknown>) =>
  new StraError('CONFLICT', message, details);
export const stateError = (message: string, details?: Record<string, unknown>) =>
  new StraError('STATE', message, details);
export const forbiddenError = (message: string, details?: Record<string, unknown>) =>
  new StraError('FORBIDDEN', message, details);
export const unauthenticatedError = (message: string, details?: Record<string, unknown>) =>
  new StraError('UNAUTHENTICATED', message, details);
export const rateLimitedError = (message: string, details?: Record<string, unknown>) =>
  new StraError('RATE_LIMITED', message, details);
