/**
 * The column mappings at hand: the shipped ones (`data/links/mappings/*.json`) and the user's
 * (`<workspace>/links/mappings/*.json`, which win over a shipped one of the same id), and the
 * choice of one for a table. Why automatic choice with an override: most exports are recognised
 * by their headers (every `detect` header present; the mapping that names the most wins), and a
 * `--mapping` names one when a table is ambiguous or unknown. A mapping file that does not
 * validate is an error naming the file and the field, never skipped silently.
 */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { dataFile } from '../data-files.js';
import { conflictError, forbiddenError, inputError, StraError } from '../errors.js';
import { recordEvent, type Actor, type Store } from '../store/index.js';
import { MappingSchema, type Mapping } from './mapping.js';
import { columnIndex, type Table } from './table.js';

export const shippedMappingsFolder = (): string => dataFile('links', 'mappings');
export const userMappingsFolder = (workspaceRoot: string): string => join(workspaceRoot, 'links', 'mappings');

export function parseMapping(text: string, where: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new StraError('INPUT', `${where} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = MappingSchema.safeParse(json);
  if (!parsed.success)
    throw new StraError('INPUT', `${where} is not a column mapping:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

async function folder(dir: string, origin: 'shipped' | 'saved'): Promise<(Mapping & { origin: string })[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: (Mapping & { origin: string })[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    out.push({ ...parseMapping(await readFile(path, 'utf8'), path), origin });
  }
  return out;
}

export type KnownMapping = Mapping & { readonly origin: string };

/** Shipped mappings, then the workspace's saved ones (a saved one replaces a shipped one of its id). */
export async function loadMappings(workspaceRoot?: string): Promise<KnownMapping[]> {
  const byId = new Map<string, KnownMapping>();
  for (const m of await folder(shippedMappingsFolder(), 'shipped')) byId.set(m.id, m);
  if (workspaceRoot !== undefined)
    for (const m of await folder(userMappingsFolder(workspaceRoot), 'saved')) byId.set(m.id, m);
  return [...byId.values()];
}

/** Saves a user's mapping (validated) into the workspace; returns its path. */
export async function saveMapping(
  workspaceRoot: string,
  text: string,
  where: string,
): Promise<{ mapping: Mapping; path: string }> {
  const mapping = parseMapping(text, where);
  const dir = userMappingsFolder(workspaceRoot);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${mapping.id}.json`);
  await writeFile(path, `${JSON.stringify(mapping, null, 2)}\n`);
  return { mapping, path };
}

/** The mapping for a table: the named one, or the one whose detect headers it has (most specific). */
export function chooseMapping(
  table: Table,
  mappings: readonly KnownMapping[],
  named?: string,
): KnownMapping | undefined {
  if (named !== undefined) {
    const m = mappings.find((x) => x.id === named);
    if (m === undefined) {
      throw new StraError('INPUT', `There is no column mapping "${named}"; \`stra links mapping list\` shows them.`);
    }
    return m;
  }
  const fits = mappings
    .filter((m) => m.detect.every((h) => columnIndex(table, h) >= 0))
    .sort((a, b) => b.detect.length - a.detect.length);
  if (fits.length > 1 && fits[0]!.detect.length === fits[1]!.detect.length) {
    throw new StraError(
      'INPUT',
      `${table.source} fits the mappings ${fits.map((m) => m.id).join(' and ')} equally; name one with --mapping.`,
    );
  }
  return fits[0];
}

/**
 * A mapping saved from the web app (PUT /links/mappings/:id), like `stra links mapping save`:
 * validated with the same schema (every error named by field), kept in the workspace for every
 * later import, audited. Decisions: only someone who may import (an analyst or administrator of
 * some organisation) saves one; the id in the address is the mapping's; a shipped mapping's id is
 * refused (a saved copy would silently change how that tool's files read for everyone: save it
 * under a new id); saving an existing saved id replaces it (an edit), said in `created`.
 */
export async function saveMappingObject(
  store: Store,
  actor: Actor,
  workspaceRoot: string,
  id: string,
  body: unknown,
): Promise<{ mapping: Mapping; created: boolean }> {
  const mayImport = Object.values(actor.roles).some((roles) => roles.some((r) => r === 'admin' || r === 'analyst'));
  if (!mayImport)
    throw forbiddenError(`${actor.username} cannot save a column mapping: that needs the analyst or admin role.`);
  const withId = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, id } : body;
  const parsed = MappingSchema.safeParse(withId);
  if (!parsed.success) {
    throw inputError(`This is not a column mapping:\n${z.prettifyError(parsed.error)}`, {
      fields: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'mapping', message: i.message })),
    });
  }
  const known = await loadMappings(workspaceRoot);
  const before = known.find((m) => m.id === id);
  if (before?.origin === 'shipped')
    throw conflictError(`${id} is a shipped mapping; save yours under another id (e.g. ${id}-own).`);
  const { mapping } = await saveMapping(workspaceRoot, JSON.stringify(parsed.data), `mapping ${id}`);
  await recordEvent(store, actor, {
    action: before === undefined ? 'create' : 'update',
    table: 'link_mappings',
    recordId: id,
    marking: 'OFFICIAL',
    organisationId: null,
    subjectId: actor.userId,
    after: mapping,
  });
  return { mapping, created: before === undefined };
}
