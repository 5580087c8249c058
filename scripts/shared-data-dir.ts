/**
 * Where the build scripts read the published source data: `../shared/data` beside the
 * repository, or the folder named by STRA_SHARED_DATA.
 */
import path from 'node:path';
import { packageRoot } from '../src/data-files.js';

export function defaultSharedDataDir(): string {
  return process.env.STRA_SHARED_DATA ?? path.resolve(packageRoot(), '..', 'shared', 'data');
}
