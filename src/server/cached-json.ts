/**
 * Sending a cached answer without paying for it again. A cached read (ReadCache, the warehouse's
 * answers) hands every request the same object; serialising it, and then reading the serialised
 * text back for the audit of sensitive reads (disclosure-audit.ts), was most of what such a request
 * cost beyond its session lookup. Decision: both are done once per cached object and kept beside
 * it (a WeakMap, so they go when the cache lets the answer go); the audit middleware takes the
 * records found here instead of cloning and parsing the response.
 */
import type { Context } from 'hono';
import { sensitiveRecords, type SensitiveRecords } from './sensitive-records.js';
import type { AppEnv } from './session.js';

interface Prepared {
  readonly text: string;
  /** The OFFICIAL-SENSITIVE and higher records in the answer, by organisation (empty: none). */
  readonly sensitive: SensitiveRecords;
}

const prepared = new WeakMap<object, Prepared>();

function prepare(value: object): Prepared {
  const text = JSON.stringify(value);
  // The same cheap test as the middleware's: no sensitive marking in the text, nothing to walk.
  const marked = text.includes('"OFFICIAL-SENSITIVE"') || text.includes('"SECRET"');
  return { text, sensitive: marked ? sensitiveRecords(JSON.parse(text)) : new Map() };
}

/** Answers 200 with `value` as JSON, serialised and scanned for the audit once per cached object. */
export function cachedJson(c: Context<AppEnv>, value: unknown): Response {
  if (value === null || typeof value !== 'object') return c.json(value);
  let p = prepared.get(value);
  if (p === undefined) {
    p = prepare(value);
    prepared.set(value, p);
  }
  c.set('sensitive', p.sensitive);
  return c.body(p.text, 200, { 'content-type': 'application/json' });
}
