/**
 * The evidence a threat is linked to, so the warehouse can supply its volume, trend and harm:
 * police.uk categories, Home Office offence codes, force-extract flags (domestic_abuse, hate_*)
 * and indicator series. Every link is checked against the shipped reference data before it is
 * stored, so a typo never becomes a silently empty figure.
 */
import { z } from 'zod';
import { inputError } from '../../errors.js';
import { CATEGORY_SLUGS } from '../../domain/crime/categories.js';
import { EXTRACT_FLAGS } from '../../domain/crime/extract-flags.js';
import { offenceCategories } from '../../harm-data/offence-categories.js';

export interface EvidenceLinks {
  readonly policeUkCategories: readonly string[];
  readonly offenceCodes: readonly string[];
  readonly extractFlags: readonly string[];
  readonly indicators: readonly string[];
}

export const NO_EVIDENCE: EvidenceLinks = {
  policeUkCategories: [],
  offenceCodes: [],
  extractFlags: [],
  indicators: [],
};

const list = z.array(z.string().min(1)).default([]);
const schema = z.strictObject({ policeUkCategories: list, offenceCodes: list, extractFlags: list, indicators: list });

/** Validates links (from a file, the CLI or the store); every problem is listed. */
export async function parseEvidence(value: unknown, where = 'evidence'): Promise<EvidenceLinks> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`);
    throw inputError(`Evidence links are not valid:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const codes = await offenceCategories();
  const problems = [
    ...unknown(e.policeUkCategories, CATEGORY_SLUGS, `${where}.policeUkCategories`, 'a police.uk category slug'),
    ...e.offenceCodes
      .filter((c) => !codes.has(c.toUpperCase()))
      .map((c) => `${where}.offenceCodes: "${c}" is not in data/reference/ho-offence-codes.csv`),
    ...unknown(e.extractFlags, EXTRACT_FLAGS, `${where}.extractFlags`, 'a force-extract flag'),
    ...e.indicators
      .filter((i) => !/^[a-z0-9][a-z0-9._-]*$/.test(i))
      .map((i) => `${where}.indicators: "${i}" must be a lower-case series id`),
  ];
  if (problems.length > 0) throw inputError(`Evidence links are not valid:\n  ${problems.join('\n  ')}`);
  return { ...e, offenceCodes: e.offenceCodes.map((c) => c.toUpperCase()) };
}

function unknown(values: readonly string[], allowed: readonly string[], where: string, what: string): string[] {
  return values
    .filter((v) => !allowed.includes(v))
    .map((v) => `${where}: "${v}" is not ${what} (${allowed.join(', ')})`);
}
