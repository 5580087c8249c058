/**
 * Pseudonyms for missing people: a keyed hash (HMAC-SHA-256) of the force's person reference,
 * made as each row is read, so the raw reference is never stored.
 *
 * Why keyed: a plain hash of a reference number can be reversed by hashing every possible number;
 * with a deployment key kept outside the workspace it cannot, yet the same person always gets the
 * same pseudonym, which is all that counting repeat episodes needs (ICO, "Anonymisation,
 * pseudonymisation and privacy enhancing technologies guidance", 2022: keyed hashing). The key
 * must be at least 32 bytes; references are compared ignoring case and spaces.
 */
import { createHmac } from 'node:crypto';
import { usageError } from '../../errors.js';

export type Pseudonymiser = (reference: string) => string;

export const MINIMUM_KEY_BYTES = 32;

export function pseudonymiser(key: string | Buffer): Pseudonymiser {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  if (bytes.length < MINIMUM_KEY_BYTES)
    throw usageError(
      `the pseudonymisation key has ${bytes.length} bytes; it needs at least ${MINIMUM_KEY_BYTES} (keep it outside the workspace, e.g. in STRA_PSEUDONYM_KEY)`,
    );
  const secret = Buffer.from(bytes);
  return (reference) =>
    createHmac('sha256', secret).update(reference.replace(/\s+/g, '').toUpperCase(), 'utf8').digest('hex').slice(0, 32);
}
