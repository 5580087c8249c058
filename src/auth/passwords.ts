/**
 * Password hashing: Argon2id through @node-rs/argon2 with its defaults (19 MiB memory, 2
 * iterations, 1 lane), which are OWASP's recommended minimum for Argon2id
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html). The rule
 * for a new password follows NCSC guidance: length, not composition rules
 * (https://www.ncsc.gov.uk/collection/passwords).
 */
import { hash, verify } from '@node-rs/argon2';
import { inputError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw inputError(
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters (a few words together make a good one).`,
    );
  if ([...password].length > 256) throw inputError('A password may have at most 256 characters.');
}

export function hashPassword(password: string): Promise<string> {
  checkNewPassword(password);
  return hash(password);
}

/** True when `password` matches `stored`; a malformed stored hash is simply no match. */
export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false; // not an Argon2 PHC string: treat as a wrong password, never as a crash
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('decoy password never matched');
  return decoy;
}
