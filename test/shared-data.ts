/**
 * Where the real reference data lives for tests: `../shared/data` beside the repository.
 * Tests read it in place (never copied into the repository) and skip with a message when the
 * folder is absent, so a clone without it still runs the rest of the suite.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of `../shared/data` (may not exist). `STRA_SHARED_DATA` overrides it. */
export const sharedDataDir = process.env.STRA_SHARED_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');

export const hasSharedData = existsSync(sharedDataDir);

/** A path inside the shared data folder. */
export function sharedData(...parts: string[]): string {
  return path.join(sharedDataDir, ...parts);
}

/** `describe` that skips, saying why, when `../shared/data` is not there. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (!hasSharedData) {
    describe.skip(`${name} (skipped: ${sharedDataDir} not found; real-data tests need ../shared/data)`, body);
    return;
  }
  describe(name, body);
}
