/**
 * Request bodies and query strings checked with the API contract's zod schemas (src/api); a
 * refusal names each field and why.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { inputError, StraError } from '../errors.js';

function refusal(where: string, error: z.ZodError): Error {
  const fields = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  const text = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return inputError(`The ${where} is not valid: ${text}.`, { fields });
}

export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw inputError('The request body is not JSON.', { fields: [{ field: '(body)', message: 'not JSON' }] });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw refusal('request body', parsed.error);
  return parsed.data;
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
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
