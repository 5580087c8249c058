/**
 * Reads a saved mapping (JSON) and validates it, so a typo in a mapping is reported when it is
 * loaded, with the file and the path of the bad setting, not as odd rejects halfway through an
 * import. Patterns and time zones are checked here too.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { compileTimeFormat } from '../time/date-format.js';
import { ZoneClock } from '../time/zone-clock.js';

export async function loadMapping<S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw inputError(`${file}: not a readable JSON mapping (${(err as Error).message})`, { file });
  }
  return parseMapping(json, schema, file);
}

export function parseMapping<S extends z.ZodType>(json: unknown, schema: S, file: string): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw inputError(`${file}: the mapping is not valid:\n${z.prettifyError(parsed.error)}`, { file });
  const mapping = parsed.data as { timeZone?: string; columns?: Record<string, unknown> };
  if (mapping.timeZone && !ZoneClock.of(mapping.timeZone))
    throw inputError(`${file}: timeZone '${mapping.timeZone}' is not an IANA time zone (e.g. Europe/London)`, { file });
  checkPatterns(json, file, '');
  for (const [field, spec] of Object.entries(mapping.columns ?? {})) {
    const format = (spec as { format?: unknown } | undefined)?.format;
    if (typeof format !== 'string') continue;
    try {
      compileTimeFormat(format);
    } catch (err) {
      throw inputError(`${file}: columns.${field}.format: ${(err as Error).message}`, { file });
    }
  }
  return parsed.data;
}

/** Every `match` and `pattern` must be a valid regular expression. */
function checkPatterns(node: unknown, file: string, path: string): void {
  if (Array.isArray(node)) return node.forEach((v, i) => checkPatterns(v, file, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if ((k === 'match' || k === 'pattern') && typeof v === 'string') {
      try {
        new RegExp(v);
      } catch (err) {
        throw inputError(`${file}: ${path}.${k} is not a regular expression: ${(err as Error).message}`, { file });
      }
    } else checkPatterns(v, file, path ? `${path}.${k}` : k);
  }
}
