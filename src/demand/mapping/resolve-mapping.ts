/**
 * `--mapping <name>`: a saved mapping shipped in data/demand/mappings (`san-diego`), or the path of
 * a mapping file of the force's own. Its `format` says whether it reads incidents or missing-person
 * episodes, so one command imports both.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dataFile } from '../../data-files.js';
import { usageError } from '../../errors.js';
import { INCIDENT_MAPPING_FORMAT, incidentMappingSchema, type IncidentMapping } from './incident-mapping.js';
import { parseMapping } from './load-mapping.js';
import { MISSING_MAPPING_FORMAT, missingMappingSchema, type MissingMapping } from './missing-mapping.js';

export type ResolvedMapping =
  | { readonly kind: 'incidents'; readonly file: string; readonly mapping: IncidentMapping }
  | { readonly kind: 'missing'; readonly file: string; readonly mapping: MissingMapping };

export function savedMappingNames(): string[] {
  const dir = dataFile('demand', 'mappings');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort()
    : [];
}

export async function resolveMapping(nameOrPath: string): Promise<ResolvedMapping> {
  const saved = /^[a-z0-9-]+$/.test(nameOrPath) ? dataFile('demand', 'mappings', `${nameOrPath}.json`) : null;
  const file = saved && existsSync(saved) ? saved : existsSync(nameOrPath) ? nameOrPath : null;
  if (!file)
    throw usageError(
      `--mapping: '${nameOrPath}' is neither a saved mapping (${savedMappingNames().join(', ')}) nor a mapping file`,
    );
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw usageError(`${file}: not a readable JSON mapping (${(err as Error).message})`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format === INCIDENT_MAPPING_FORMAT)
    return { kind: 'incidents', file, mapping: parseMapping(json, incidentMappingSchema, file) };
  if (format === MISSING_MAPPING_FORMAT)
    return { kind: 'missing', file, mapping: parseMapping(json, missingMappingSchema, file) };
  throw usageError(
    `${file}: "format" must be "${INCIDENT_MAPPING_FORMAT}" or "${MISSING_MAPPING_FORMAT}" (found ${JSON.stringify(format)})`,
  );
}
