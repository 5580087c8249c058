/**
 * The error boundary: a unique key refusing a row (two writers racing for one name) is a 409 that
 * says what to do, not a 500; anything unexpected stays a 500 with a log reference.
 */
import { describe, expect, it } from 'vitest';
import { errorResponse } from './http-errors.js';

describe('errorResponse', () => {
  it('answers a unique violation 409 without naming the record or the constraint', () => {
    const lines: string[] = [];
    const err = Object.assign(new Error('duplicate key value violates unique constraint "threats_name_in_sight"'), {
      code: '23505',
    });
    const { status, body } = errorResponse(err, (l) => lines.push(l));
    expect(status).toBe(409);
    expect(body.error.code).toBe('CONFLICT');
    expect(body.error.message).not.toContain('threats_name_in_sight');
    expect(lines).toEqual([]);
  });

  it('keeps anything else a 500 with a reference in the log', () => {
    const lines: string[] = [];
    const { status, body } = errorResponse(new Error('boom'), (l) => lines.push(l));
    expect(status).toBe(500);
    expect(lines[0]).toContain('boom');
    expect(body.error.message).toContain('reference');
  });
});
