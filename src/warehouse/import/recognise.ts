/**
 * Step 2 of an import: what each discovered file is (its format, from its first bytes: see
 * sniff.ts) and which force-month it holds (its source says how: see sources/). A file that is
 * neither is refused here, whole, with the reason, before anything is hashed or read.
 */
import type { SourceFile } from './files/discover.js';
import { futureMonthReason } from '../../domain/crime/completeness.js';
import { unknownForceReason } from '../../domain/crime/forces.js';
import { sniffFile } from './sniff.js';
import { sourceOf } from './sources/registry.js';
import type { FileResult, SniffedSource } from './types.js';

type Recognised = { ok: true; source: SniffedSource } | { ok: false; result: FileResult };

export interface RecogniseOptions {
  /** --force: the force of force extracts without a force column. */
  readonly force: string | undefined;
  /** Force ids the user says are real though not on the shipped list (--new-force). */
  readonly newForces: readonly string[];
  readonly now?: Date;
}

export async function recogniseAll(
  files: readonly SourceFile[],
  options: RecogniseOptions,
): Promise<{ sniffed: SniffedSource[]; refused: FileResult[] }> {
  const sniffed: SniffedSource[] = [];
  const refused: FileResult[] = [];
  for (const f of files) {
    const r = await recognise(f, options);
    if (r.ok) sniffed.push(r.source);
    else refused.push(r.result);
  }
  return { sniffed, refused };
}

/** What the file is and which force-month it holds, from its name and first bytes. */
async function recognise(file: SourceFile, options: RecogniseOptions): Promise<Recognised> {
  const refused = (reason: string, extra: Partial<FileResult> = {}): Recognised => ({
    ok: false,
    result: {
      file: file.displayName,
      kind: null,
      force: null,
      month: null,
      sha256: null,
      status: 'refused',
      rows: 0,
      rejected: 0,
      reason,
      partitions: [],
      ...extra,
    },
  });
  const sniffed = await sniffFile(file.path);
  if (!sniffed.ok) return refused(sniffed.reason);
  const { format } = sniffed;
  const source = sourceOf(format);
  const key = source.keyOf(file, sniffed, options.force);
  if (!key.ok) return refused(key.reason, { kind: format.kind });
  // police.uk files name a force, a force extract may have one from --force; PRC tables hold
  // 'all' forces, and an extract's force column is checked row by row (force-extract/checks.ts)
  const namesForce = source.name === 'police-uk' || source.name === 'force-extract';
  const implausible =
    (namesForce && key.force !== null ? unknownForceReason(key.force, options.newForces) : undefined) ??
    (key.month !== null ? futureMonthReason(key.month, options.now) : undefined);
  if (implausible) return refused(implausible, { kind: format.kind, force: key.force, month: key.month });
  return {
    ok: true,
    source: {
      path: file.path,
      displayName: file.displayName,
      bytes: file.bytes,
      ...(file.identity ? { identity: file.identity } : {}),
      format,
      header: sniffed.header,
      force: key.force,
      month: key.month,
    },
  };
}
