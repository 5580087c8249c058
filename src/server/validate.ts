/**
 * Request bodies and query strings checked with the API contract's zod schemas (src/api); a
 * refusal names each field and why. Before any schema (issue 13): a body must be sent as
 * `application/json` (a cross-site form or `text/plain` post cannot then carry one: login CSRF),
 * and no string may hold a NUL character nor any whole number exceed what the store's integer
 * columns hold (2,147,483,647), each refused as a 400 naming the field instead of failing in the
 * database.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { inputError, StraError } from '../errors.js';

function refusal(where: string, error: z.ZodError): Error {
  const fields = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const text = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return inputError(`The ${where} is not valid: ${text}.`, { fields });
}

/** The largest id or count the store's integer columns hold. */
export const MAX_INT = 2_147_483_647;

/** Refuses NUL characters and out-of-range whole numbers anywhere in a request value. */
export function refuseUnstorable(value: unknown, where: string, path: string[] = []): void {
  const field = () => path.join('.') || '(body)';
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      throw inputError(`The ${where} is not valid: ${field()}: contains a NUL character.`, {
        fields: [{ field: field(), message: 'contains a NUL character' }],
      });
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) > MAX_INT)
      throw inputError(`The ${where} is not valid: ${field()}: ${value} is larger than ${MAX_INT}.`, {
        fields: [{ field: field(), message: `larger than ${MAX_INT}` }],
      });
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseUnstorable(v, where, [...path, String(i)]));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      refuseUnstorable(k, where, [...path, '(name)']);
      refuseUnstorable(v, where, [...path, k]);
    }
}

export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw inputError(
      `The request body must be sent as application/json (it was sent as ${type === '' ? 'no type' : type}).`,
      { fields: [{ field: 'content-type', message: 'must be application/json' }] },
    );
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw inputError('The request body is not JSON.', { fields: [{ field: '(body)', message: 'not JSON' }] });
  }
  refuseUnstorable(raw, 'request body');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw refusal('request body', parsed.error);
  return parsed.data;
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  refuseUnstorable(c.req.query(), 'query');
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw refusal('query', parsed.error);
  return parsed.data;
}

/** A positive whole-number path parameter. */
export function idParam(c: Context, name: string): number {
  const value = c.req.param(name) ?? '';
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw inputError(`The ${name} in the address is not a number: "${value}".`, {
      fields: [{ field: name, message: 'not a number' }],
    });
  if (n > MAX_INT)
    throw inputError(`The ${name} in the address is larger than ${MAX_INT}: "${value}".`, {
      fields: [{ field: name, message: `larger than ${MAX_INT}` }],
    });
  return n;
}

/**
 * Runs a versioned write; when it is refused as stale (CONFLICT), the 409 answer carries the
 * record as it is now, so the page can show what changed and let the user reapply their edit.
 */
export async function staleAware<T>(write: () => Promise<T>, current: () => Promise<unknown>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof StraError && err.code === 'CONFLICT') {
      throw new StraError('CONFLICT', err.message, { ...err.details, record: await current() });
    }
    throw err;
  }
}
