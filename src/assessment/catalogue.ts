/**
 * A threat catalogue file (e.g. the demo's `data/demo/threat-catalogue.json`): the threats an
 * assessment starts from, with descriptions, evidence links, owners and markings. Validated
 * whole before anything is created, with each problem named by its path in the file.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { inputError } from '../errors.js';
import { dataFile } from '../data-files.js';
import { MARKINGS } from '../domain/marking.js';

const entry = z.strictObject({
  number: z.number().int().positive(),
  name: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  evidence: z.unknown().optional(),
  owner: z.string().min(1).optional(),
  marking: z.enum(MARKINGS),
  sharedWith: z.array(z.string()).optional(),
});

const file = z.object({ threats: z.array(entry).min(1) });

export type CatalogueEntry = z.infer<typeof entry>;

export const DEMO_CATALOGUE = (): string => dataFile('demo', 'threat-catalogue.json');

export async function loadCatalogue(path: string = DEMO_CATALOGUE()): Promise<CatalogueEntry[]> {
  const parsed = file.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw inputError(`Threat catalogue ${path} is not valid:\n  ${lines.join('\n  ')}`);
  }
  const names = parsed.data.threats.map((t) => t.name.toLowerCase());
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) throw inputError(`Threat catalogue ${path} names "${repeated}" twice.`);
  return parsed.data.threats;
}
